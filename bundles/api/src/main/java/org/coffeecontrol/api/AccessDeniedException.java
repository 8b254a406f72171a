package org.coffeecontrol.api;

/** The caller is known but its role does not allow the action. */
public class AccessDeniedException extends CoffeeException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
