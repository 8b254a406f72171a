package org.coffeecontrol.simulator.platform;

/** The platform answered a catalogue request with an error, or could not be reached. */
public final class PlatformException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String field;

    public PlatformException(int status, String field, String message) {
        super((status > 0 ? "HTTP " + status + " " : "") + (field != null ? field + ": " : "") + message);
        this.status = status;
        this.field = field;
    }

    /** 0 when the platform was not reached at all. */
    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
