package org.coffeecontrol.core.internal.catalog;

final class Strings {
    private Strings() {
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
