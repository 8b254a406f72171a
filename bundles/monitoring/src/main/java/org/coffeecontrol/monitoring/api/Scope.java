package org.coffeecontrol.monitoring.api;

/**
 * What a figure is about: one machine, one POS, one client, or every machine the caller may see ({@code id} null).
 */
public record Scope(Kind kind, Long id) {

    public enum Kind { EQUIPMENT, POS, CLIENT, FLEET }

    public Scope {
        if ((kind == Kind.FLEET) != (id == null)) {
            throw new org.coffeecontrol.api.ValidationException("scope", kind == Kind.FLEET
                    ? "the fleet takes no id" : kind.name().toLowerCase(java.util.Locale.ROOT) + " needs an id");
        }
    }

    public static Scope fleet() {
        return new Scope(Kind.FLEET, null);
    }

    public static Scope equipment(long id) {
        return new Scope(Kind.EQUIPMENT, id);
    }

    public static Scope pos(long id) {
        return new Scope(Kind.POS, id);
    }

    public static Scope client(long id) {
        return new Scope(Kind.CLIENT, id);
    }
}
