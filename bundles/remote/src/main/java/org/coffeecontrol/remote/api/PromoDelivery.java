package org.coffeecontrol.remote.api;

import java.time.Instant;

/**
 * One line of a campaign's send log: one machine.
 *
 * @param outcome  how the last attempt ended (null before the first)
 * @param message  why it failed or was skipped
 */
public record PromoDelivery(long id, long campaignId, long equipmentId, String serial, String family, State state,
        int attempts, Instant updatedAt, Long durationMillis, Outcome outcome, String message) {

    public enum State {
        /** Waiting for a transfer slot. */
        PENDING,
        /** Being sent. */
        SENDING,
        /** On the machine. */
        SENT,
        /** The last attempt failed; {@code message} says why. Resend to try again. */
        FAILED,
        /** The machine has not called home lately: it gets the image when it does. */
        SKIPPED_OFFLINE
    }
}
