package org.coffeecontrol.reports.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A report the platform offers, enough for a generic form: the period it takes, its filters, the groupings it
 * accepts (in any order) and the columns it always has; period, product and counter columns are added per run.
 *
 * @param titleKey         i18n key, {@code report.<id>.title}
 * @param groupings        groupings a request may list; empty when the report has a fixed layout
 * @param defaultGroupings what a request without groupings gets
 * @param periodicities    bucket sizes accepted with {@link Grouping#PERIOD} or horizontally
 * @param horizontal       whether "periodicity horizontal" is offered
 * @param options          report-specific option keys with a description
 * @param legend           STATE values with their meaning (REP-4), in display order
 */
public record ReportDefinition(String id, String titleKey, String title, String description, PeriodKind periodKind,
        Set<FilterKind> filters, List<Grouping> groupings, List<Grouping> defaultGroupings,
        Set<Periodicity> periodicities, boolean horizontal, List<Column> columns, Map<String, String> options,
        Map<String, String> legend) {

    public ReportDefinition {
        filters = Set.copyOf(filters);
        groupings = List.copyOf(groupings);
        defaultGroupings = List.copyOf(defaultGroupings);
        periodicities = Set.copyOf(periodicities);
        columns = List.copyOf(columns);
        options = options == null ? Map.of() : Map.copyOf(options);
        legend = legend == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(legend));
    }
}
