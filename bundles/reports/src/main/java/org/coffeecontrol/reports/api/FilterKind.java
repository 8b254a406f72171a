package org.coffeecontrol.reports.api;

/** The filters a report accepts; each maps to one set of {@link ReportFilter}. */
public enum FilterKind {
    CLIENT, REGION, POS, EQUIPMENT, PRODUCT, SENSOR
}
