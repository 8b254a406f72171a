package org.coffeecontrol.api.catalog;

import java.util.List;

/**
 * What an import did or would do.
 *
 * @param rows     rows read
 * @param written  true when every chunk was committed; false for a dry run, a rejected file or a chunk that failed
 * @param chunks   chunks committed (one transaction each)
 * @param created  objects created (or that a dry run would create)
 * @param updated  existing objects whose fields changed
 * @param errors   empty when the file is good; otherwise nothing (or, for a chunk failing while written, nothing
 *                 from that chunk on) was written
 * @since 1.2
 */
public record FleetImportReport(int rows, boolean dryRun, boolean written, int chunks, Counts created,
        Counts updated, List<RowError> errors) {

    public FleetImportReport {
        errors = List.copyOf(errors);
    }

    public record Counts(int clients, int regions, int models, int pointsOfSale, int equipment) {
    }

    /**
     * @param row    1 for the first row after the header (the first element of a JSON array); 0 for the file itself
     * @param field  the column, null when the row as a whole failed
     */
    public record RowError(int row, String field, String reason) {
    }
}
