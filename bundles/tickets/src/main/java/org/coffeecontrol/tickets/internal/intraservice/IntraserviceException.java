package org.coffeecontrol.tickets.internal.intraservice;

/** Intraservice could not be reached or answered something that does not follow its contract. */
public final class IntraserviceException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;

    public IntraserviceException(int status, String message) {
        super(message);
        this.status = status;
    }

    public IntraserviceException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status, 0 when there was no usable answer. */
    public int status() {
        return status;
    }
}
