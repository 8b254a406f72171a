package org.coffeecontrol.reports.internal.shell;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.reports.api.Column;
import org.coffeecontrol.reports.api.ExportFormat;
import org.coffeecontrol.reports.api.Grouping;
import org.coffeecontrol.reports.api.Periodicity;
import org.coffeecontrol.reports.api.ReportFilter;
import org.coffeecontrol.reports.api.ReportRequest;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportRow;
import org.coffeecontrol.reports.internal.export.CellText;

/** Runs a report and prints it as a table, or writes it to an xlsx/csv file on the server. */
@Service
@Command(scope = "coffee", name = "report", description = "Runs a report: coffee:report drinks --from 2026-02-12 --to 2026-02-12 --pos ST12 --group product")
public class ReportCommand extends ReportAction {

    @Argument(index = 0, name = "id", required = true, description = "Report id (see coffee:reports)")
    String id;

    /*
     * Karaf's parser stops reading options at the first argument, so in "coffee:report drinks --from D" every token
     * after the id would be an argument ("Too many arguments specified"). They land here and are read as the options
     * they are, so the options may come before or after the id.
     */
    @Argument(index = 1, name = "options", multiValued = true, description = "The options below may also follow the id")
    List<String> trailing;

    @Option(name = "--from", description = "First day, YYYY-MM-DD (default: today)")
    String from;

    @Option(name = "--to", description = "Last day (or the 'as of' day), YYYY-MM-DD (default: --from)")
    String to;

    @Option(name = "--compare-from", description = "First day of the compared period (drinks-comparison)")
    String compareFrom;

    @Option(name = "--compare-to", description = "Last day of the compared period")
    String compareTo;

    @Option(name = "--client", multiValued = true, description = "Client ID")
    List<Long> clients;

    @Option(name = "--region", multiValued = true, description = "Region ID")
    List<Long> regions;

    @Option(name = "--pos", aliases = "-p", multiValued = true, description = "Point of sale: code, name or ID")
    List<String> pos;

    @Option(name = "--machine", aliases = "-m", multiValued = true, description = "Machine: serial or ID")
    List<String> machines;

    @Option(name = "--product", multiValued = true, description = "Product name")
    List<String> products;

    @Option(name = "--sensor", multiValued = true, description = "Sensor name")
    List<String> sensors;

    @Option(name = "--group", aliases = "-g", description = "Groupings in order, e.g. location,equipment,product,period")
    String group;

    @Option(name = "--period", description = "Periodicity: day, week, month, whole")
    String period;

    @Option(name = "--horizontal", description = "One column per period")
    boolean horizontal;

    @Option(name = "--option", aliases = "-o", multiValued = true, description = "Report option key=value, e.g. threshold.boiler_temp=85..100")
    List<String> options;

    @Option(name = "--export", aliases = "-x", description = "Write the result to this .xlsx or .csv file instead of printing it")
    String export;

    @Option(name = "--limit", aliases = "-n", description = "Rows to print (default 100)")
    int limit = 100;

    @Override
    void run(Caller caller) throws Exception {
        if (trailing != null) {
            TrailingOptions.apply(this, trailing);
        }
        ZoneId zone = reports.zone();
        LocalDate first = date("from", from, LocalDate.now(zone));
        LocalDate last = date("to", to, first);
        ReportFilter filter = new ReportFilter(set(clients), set(regions), posIds(caller), machineIds(caller),
                set(products), set(sensors));
        ReportRequest request = new ReportRequest(id, first, last, date("compareFrom", compareFrom, null),
                date("compareTo", compareTo, null), filter, groupings(), periodicity(), horizontal, options());
        ReportResult result = reports.run(caller, request);
        if (export != null) {
            ExportFormat format = export.toLowerCase(Locale.ROOT).endsWith(".csv") ? ExportFormat.CSV : ExportFormat.XLSX;
            try (OutputStream o = Files.newOutputStream(Path.of(export))) {
                reports.export(result, format, o);
            }
            out.println("Wrote " + result.details().size() + " rows to " + Path.of(export).toAbsolutePath());
            return;
        }
        print(result, ZoneId.of(result.zone()));
    }

    private void print(ReportResult result, ZoneId zone) {
        out.println(result.title() + " " + result.request().from() + ".." + result.request().to());
        ShellTable table = new ShellTable().emptyTableText("(no rows)");
        for (Column c : result.columns()) {
            table.column(c.title()).maxSize(30);
        }
        int shown = 0;
        for (ReportRow r : result.rows()) {
            if (shown++ >= limit) {
                break;
            }
            table.addRow().addContent(r.cells().stream().map(c -> (Object) CellText.of(c, zone)).toList());
        }
        if (result.totals() != null) {
            table.addRow().addContent(result.totals().stream().map(c -> (Object) CellText.of(c, zone)).toList());
        }
        table.print(out, true);
        if (result.rows().size() > limit) {
            out.println("(" + (result.rows().size() - limit) + " more rows: raise --limit or --export to a file)");
        }
        result.legend().forEach((k, v) -> out.println(k + " = " + v));
        result.notes().forEach(n -> out.println("Note: " + n));
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "'" + value + "' is not a date YYYY-MM-DD");
        }
    }

    private List<Grouping> groupings() {
        List<Grouping> out = new ArrayList<>();
        if (group != null) {
            for (String g : group.split(",")) {
                try {
                    out.add(Grouping.valueOf(g.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new ValidationException("group", "'" + g + "' is not one of " + List.of(Grouping.values()));
                }
            }
        }
        return out;
    }

    private Periodicity periodicity() {
        if (period == null) {
            return null;
        }
        try {
            return Periodicity.valueOf(period.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("period", "'" + period + "' is not day, week, month or whole");
        }
    }

    private Map<String, String> options() {
        Map<String, String> out = new HashMap<>();
        if (options != null) {
            for (String o : options) {
                int eq = o.indexOf('=');
                if (eq <= 0) {
                    throw new ValidationException("option", "'" + o + "' is not key=value");
                }
                out.put(o.substring(0, eq).strip(), o.substring(eq + 1).strip());
            }
        }
        return out;
    }

    private Set<Long> posIds(Caller caller) {
        Set<Long> ids = new HashSet<>();
        if (pos != null) {
            for (String ref : pos) {
                ids.add(lookup(ref, "point of sale", r -> catalog.pointsOfSale(caller, CatalogQuery.text(r)).items()
                        .stream().filter(p -> r.equalsIgnoreCase(p.code()) || r.equalsIgnoreCase(p.name()))
                        .map(PointOfSale::id).findFirst().orElse(null)));
            }
        }
        return ids;
    }

    private Set<Long> machineIds(Caller caller) {
        Set<Long> ids = new HashSet<>();
        if (machines != null) {
            for (String ref : machines) {
                ids.add(lookup(ref, "equipment", r -> catalog.equipment(caller, CatalogQuery.text(r)).items().stream()
                        .filter(e -> r.equalsIgnoreCase(e.serialNumber())).map(Equipment::id).findFirst().orElse(null)));
            }
        }
        return ids;
    }

    /** By exact code/name/serial first, else as an ID ({@code 12} or {@code #12}); the service checks visibility. */
    private static long lookup(String ref, String what, java.util.function.Function<String, Long> byName) {
        String r = ref.strip();
        Long found = r.startsWith("#") ? null : byName.apply(r);
        if (found != null) {
            return found;
        }
        try {
            return Long.parseLong(r.startsWith("#") ? r.substring(1) : r);
        } catch (NumberFormatException e) {
            throw new NotFoundException(what, ref);
        }
    }

    private static <T> Set<T> set(List<T> values) {
        return values == null ? Set.of() : new HashSet<>(values);
    }
}
