package org.coffeecontrol.api.telemetry;

/**
 * What happened to one batch a machine sent.
 *
 * @param accepted     events newly stored
 * @param duplicates   events already stored before (a resend), ignored
 * @param lastSeq      highest sequence number of the batch, durable when status is STORED
 * @param deadLetterId where the payload was kept when it could not be stored as events
 */
public record IngestResult(Status status, int accepted, int duplicates, long lastSeq, Long deadLetterId,
        String message) {

    public enum Status {
        /** Every event of the batch is committed; the machine may forget them. */
        STORED,
        /** No driver for the family is installed; kept for replay. */
        DEAD_LETTERED,
        /** The driver could not decode it; kept for replay. */
        REJECTED,
        /** No machine with that family and serial; kept for replay. */
        UNKNOWN_MACHINE,
        /** Missing or wrong machine secret; nothing kept. */
        UNAUTHORIZED,
        /** Larger than the limit; nothing kept, the machine should split its batch. */
        TOO_LARGE
    }

    public static IngestResult failed(Status status, Long deadLetterId, String message) {
        return new IngestResult(status, 0, 0, -1, deadLetterId, message);
    }
}
