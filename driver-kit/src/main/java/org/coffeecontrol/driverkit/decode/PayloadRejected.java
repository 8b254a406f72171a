package org.coffeecontrol.driverkit.decode;

/**
 * Thrown inside a decoder to abandon a payload; {@link BatchDecoding#decode} turns it into the
 * {@code DecodeResult.Rejected} reason, so it never leaves the driver. No stack trace: it is an expected outcome.
 */
public final class PayloadRejected extends Exception {
    private static final long serialVersionUID = 1L;

    public PayloadRejected(String reason) {
        super(reason, null, false, false);
    }
}
