package org.coffeecontrol.ui.internal.layout;

/** Top-level groups of the left menu, in display order. A group with no visible entry is not shown. */
public enum MenuSection {
    MAIN(null), CATALOGUES("menu.catalogues"), REPORTS("menu.reports"), SERVICE("menu.service");

    private final String labelKey;

    MenuSection(String labelKey) {
        this.labelKey = labelKey;
    }

    /** Null for the section whose entries stand at the top level. */
    public String labelKey() {
        return labelKey;
    }
}
