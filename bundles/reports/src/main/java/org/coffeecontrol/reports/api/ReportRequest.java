package org.coffeecontrol.reports.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What to run. Days are whole days in the reports' time zone ({@link ReportService#zone()}), both ends included.
 *
 * @param from        first day (RANGE, TWO_RANGES); ignored by AS_OF reports
 * @param to          last day; for AS_OF reports the day as of whose end the state is shown
 * @param compareFrom first day of the period compared against (TWO_RANGES only)
 * @param compareTo   last day of the period compared against (TWO_RANGES only)
 * @param groupings   ordered groupings, outermost first; empty takes the definition's defaults
 * @param periodicity bucket size of {@link Grouping#PERIOD} (default WHOLE)
 * @param horizontal  "periodicity horizontal": one column per period bucket instead of a PERIOD row level
 * @param options     report-specific settings listed in {@link ReportDefinition#options()}, e.g. sensor thresholds
 */
public record ReportRequest(String reportId, LocalDate from, LocalDate to, LocalDate compareFrom,
        LocalDate compareTo, ReportFilter filter, List<Grouping> groupings, Periodicity periodicity,
        boolean horizontal, Map<String, String> options) {

    public ReportRequest {
        filter = filter == null ? ReportFilter.none() : filter;
        groupings = groupings == null ? List.of() : List.copyOf(groupings);
        periodicity = periodicity == null ? Periodicity.WHOLE : periodicity;
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** A plain period report with the definition's default groupings. */
    public static ReportRequest of(String reportId, LocalDate from, LocalDate to, ReportFilter filter) {
        return new ReportRequest(reportId, from, to, null, null, filter, null, null, false, null);
    }

    public ReportRequest withGroupings(Periodicity p, boolean horizontally, Grouping... levels) {
        return new ReportRequest(reportId, from, to, compareFrom, compareTo, filter, List.of(levels), p,
                horizontally, options);
    }

    public ReportRequest comparedTo(LocalDate otherFrom, LocalDate otherTo) {
        return new ReportRequest(reportId, from, to, otherFrom, otherTo, filter, groupings, periodicity, horizontal,
                options);
    }

    public ReportRequest withOptions(Map<String, String> more) {
        return new ReportRequest(reportId, from, to, compareFrom, compareTo, filter, groupings, periodicity,
                horizontal, more);
    }
}
