package org.coffeecontrol.api.driver;

/** Severity of a machine error as the driver maps its family's codes. CRITICAL errors become detected problems. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
