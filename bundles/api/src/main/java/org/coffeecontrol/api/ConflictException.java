package org.coffeecontrol.api;

/** The request clashes with the current state: a duplicate key, a stale version, a reference still in use. */
public class ConflictException extends CoffeeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
