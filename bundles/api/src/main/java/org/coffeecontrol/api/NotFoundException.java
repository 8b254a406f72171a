package org.coffeecontrol.api;

/** The object does not exist, or exists but the caller may not see it: both look the same from outside. */
public class NotFoundException extends CoffeeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
