package org.coffeecontrol.reports.internal.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

import org.coffeecontrol.reports.api.Column;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportRow;

/** RFC 4180 csv: a header line, the rows (subtotals included), the totals line; UTF-8, CRLF. */
public final class CsvExport {

    private CsvExport() {
    }

    public static void write(ReportResult result, OutputStream out) throws IOException {
        ZoneId zone = ZoneId.of(result.zone());
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        line(w, result.columns().stream().map(Column::title).map(t -> (Object) t).toList(), zone);
        for (ReportRow r : result.rows()) {
            line(w, r.cells(), zone);
        }
        if (result.totals() != null) {
            line(w, result.totals(), zone);
        }
        w.flush();
    }

    private static void line(Writer w, List<Object> cells, ZoneId zone) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(CellText.of(cells.get(i), zone)));
        }
        w.write("\r\n");
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
