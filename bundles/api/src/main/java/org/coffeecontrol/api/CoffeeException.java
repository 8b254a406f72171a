package org.coffeecontrol.api;

/** Base of the expected failures a service reports to its callers (REST maps each to a status code). */
public abstract class CoffeeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected CoffeeException(String message) {
        super(message);
    }
}
