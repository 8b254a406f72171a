package org.coffeecontrol.remote.internal.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the machine's SQL answer: tab-separated header and rows closed by {@code (n rows)}, or
 * {@code n rows affected}. Anything else is shown as one text column, so no answer is lost.
 */
public final class SqlOutput {

    public record Table(List<String> columns, List<List<String>> rows, boolean truncated, Integer rowsAffected) {
    }

    private static final Pattern ROW_COUNT = Pattern.compile("\\((\\d+) rows?\\)");
    private static final Pattern AFFECTED = Pattern.compile("(\\d+) rows? affected");

    private SqlOutput() {
    }

    public static Table parse(String output, int maxRows) {
        List<String> lines = new ArrayList<>(Arrays.asList(output.split("\r?\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.size() == 1) {
            Matcher m = AFFECTED.matcher(lines.get(0).strip());
            if (m.matches()) {
                return new Table(List.of(), List.of(), false, Integer.parseInt(m.group(1)));
            }
        }
        if (lines.size() >= 2 && ROW_COUNT.matcher(lines.get(lines.size() - 1).strip()).matches()) {
            List<String> columns = List.of(lines.get(0).split("\t", -1));
            List<List<String>> rows = new ArrayList<>();
            int available = lines.size() - 2;
            for (int i = 1; i <= Math.min(available, maxRows); i++) {
                rows.add(List.of(lines.get(i).split("\t", -1)));
            }
            return new Table(columns, rows, available > maxRows, null);
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(lines.size(), maxRows); i++) {
            rows.add(List.of(lines.get(i)));
        }
        return new Table(List.of("output"), rows, lines.size() > maxRows, null);
    }
}
