package org.coffeecontrol.ui.internal.reports;

import org.coffeecontrol.reports.api.Column;
import org.coffeecontrol.reports.api.ReportDefinition;
import org.coffeecontrol.ui.internal.i18n.Tr;

/**
 * Report titles in the user's language. The reports bundle names a translation key and an English text; the UI
 * translates the keys it knows and shows the English text for the others (a report or column added later).
 */
final class ReportText {

    private ReportText() {
    }

    static String title(Tr tr, ReportDefinition d) {
        return translated(tr, d.titleKey(), d.title());
    }

    static String title(Tr tr, Column c) {
        return c.titleKey() == null ? c.title() : translated(tr, c.titleKey(), c.title());
    }

    static String translated(Tr tr, String key, String fallback) {
        if (key == null) {
            return fallback;
        }
        String t = tr.t(key);
        // Translations marks a missing key as "!key".
        return t.startsWith("!") ? fallback : t;
    }
}
