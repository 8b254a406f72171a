package org.coffeecontrol.reports.api;

/**
 * One result column.
 *
 * @param key      stable key (e.g. {@code product}, {@code drinks}, {@code 2026-02}); unique within the result
 * @param titleKey i18n key for fixed columns ({@code report.col.<key>}), null for data-driven columns such as a
 *                 period or a counter key, whose {@code title} is shown as is
 * @param title    English title
 */
public record Column(String key, String titleKey, String title, ColumnType type) {

    public static Column fixed(String key, String title, ColumnType type) {
        return new Column(key, "report.col." + key, title, type);
    }

    public static Column data(String key, String title, ColumnType type) {
        return new Column(key, null, title, type);
    }
}
