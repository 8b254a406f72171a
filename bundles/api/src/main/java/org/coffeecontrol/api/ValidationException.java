package org.coffeecontrol.api;

/** Bad input: {@link #field()} names the offending field so that forms and REST clients can point at it. */
public class ValidationException extends CoffeeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ValidationException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field prefix, for display next to the field itself. */
    public String detail() {
        String m = getMessage();
        return m.substring(field.length() + 2);
    }
}
