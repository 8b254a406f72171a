package org.coffeecontrol.shell.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.FleetFile;
import org.coffeecontrol.api.catalog.FleetImport;
import org.coffeecontrol.api.catalog.FleetImportReport;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "fleet-import", description = "Imports a fleet file (CSV): clients, points of "
        + "sale and machines, created or updated by their natural keys",
        detailedDescription = "One row per machine (or per point of sale without one); columns and rules in "
                + "docs/fleet-import.md. Every row is checked first: with any error nothing is written and each "
                + "error is listed with its row and column. Administrators only.\n"
                + "Example: coffee:fleet-import --dry-run /tmp/fleet.csv")
public class FleetImportCommand extends CoffeeAction {

    /** More errors than a terminal page help nobody; the REST answer has them all. */
    static final int SHOWN_ERRORS = 40;

    @Argument(name = "file", description = "Path of the CSV file on the platform's machine", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--dry-run", aliases = "-n", description = "Only check the file and count what would change")
    boolean dryRun;

    @Reference
    FleetImport fleetImport;

    @Override
    void run(Caller caller, Output output) {
        Path path = Path.of(file);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ValidationException("file", "cannot read " + path.toAbsolutePath() + " as UTF-8 text ("
                    + e.getClass().getSimpleName() + ")");
        }
        FleetImportReport r = fleetImport.importFleet(caller, FleetFile.csv(text), dryRun);
        output.heading((r.dryRun() ? "Dry run of " : "Import of ") + path.getFileName() + ": " + r.rows() + " rows, "
                + (r.written() ? "written in " + r.chunks() + " chunks" : r.errors().isEmpty() ? "nothing written"
                        : r.chunks() == 0 ? "NOTHING written" : "written up to the failed chunk only"));
        output.field("Created", counts(r.created()));
        output.field("Updated", counts(r.updated()));
        if (r.errors().isEmpty()) {
            return;
        }
        ShellTable table = Output.newTable();
        table.column("Row").alignRight();
        table.column("Column");
        table.column("Reason");
        r.errors().stream().limit(SHOWN_ERRORS).forEach(e -> table.addRow().addContent(e.row(),
                Output.cell(e.field(), 18), Output.cell(e.reason(), 52)));
        output.line("");
        output.table(table);
        if (r.errors().size() > SHOWN_ERRORS) {
            output.line("... and " + (r.errors().size() - SHOWN_ERRORS) + " more errors");
        }
    }

    private static String counts(FleetImportReport.Counts c) {
        return c.clients() + " clients, " + c.regions() + " regions, " + c.models() + " models, " + c.pointsOfSale()
                + " points of sale, " + c.equipment() + " machines";
    }
}
