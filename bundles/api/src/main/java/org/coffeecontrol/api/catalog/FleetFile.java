package org.coffeecontrol.api.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coffeecontrol.api.ValidationException;

/**
 * Reads a fleet file in CSV: a header row naming the columns ({@link FleetImport#COLUMNS}, any order, any case),
 * then one row per line. Separator {@code ,} or {@code ;} (whichever the header uses: spreadsheets in many locales
 * write {@code ;}), RFC 4180 quoting ({@code "a, b"}, {@code ""} for a quote, line breaks inside quotes), UTF-8 with
 * or without BOM; blank lines are skipped.
 *
 * @since 1.2
 */
public final class FleetFile {

    private FleetFile() {
    }

    /** @throws ValidationException naming the row when the file cannot be read as CSV at all */
    public static List<Map<String, String>> csv(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstBreak = s.indexOf('\n');
        String firstLine = firstBreak < 0 ? s : s.substring(0, firstBreak);
        char separator = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        List<List<String>> records = records(s, separator);
        if (records.isEmpty()) {
            throw new ValidationException("file", "is empty: the first line must name the columns");
        }
        List<String> header = new ArrayList<>();
        for (String name : records.get(0)) {
            header.add(name.strip().toLowerCase(Locale.ROOT));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i);
            if (cells.size() > header.size()) {
                throw new ValidationException("row " + i, "has " + cells.size() + " cells, the header names "
                        + header.size() + " columns");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                row.put(header.get(c), cells.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> records(String s, char separator) {
        List<List<String>> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, cells, cell, any);
                cells = new ArrayList<>();
                any = false;
            } else {
                cell.append(ch);
                any = any || !Character.isWhitespace(ch);
            }
        }
        if (quoted) {
            throw new ValidationException("row " + records.size(), "a quoted cell is not closed");
        }
        endRecord(records, cells, cell, any);
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> cells, StringBuilder cell, boolean any) {
        if (any) {
            cells.add(cell.toString());
            records.add(cells);
        }
        cell.setLength(0);
    }
}
