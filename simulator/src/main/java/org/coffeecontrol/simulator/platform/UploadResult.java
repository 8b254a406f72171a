package org.coffeecontrol.simulator.platform;

import java.util.List;

/** The platform's answer to one telemetry batch, as the ingest contract defines it. */
public sealed interface UploadResult {

    /** 200: every event of the batch is durable. {@code jobs} are raw JSON objects waiting for the machine. */
    record Stored(int accepted, int duplicates, long lastSeq, List<String> jobs) implements UploadResult {
        public Stored {
            jobs = List.copyOf(jobs);
        }
    }

    /** 202: no driver for the family; the platform keeps the payload for replay. */
    record DeadLettered(String deadLetterId, String reason) implements UploadResult {
    }

    /** 422: undecodable; kept as a dead letter. */
    record Rejected(String deadLetterId, String reason) implements UploadResult {
    }

    /** 401, 404 and other 4xx: the machine is not (yet) known or not trusted; resend later, slowly. */
    record Refused(int status, String reason) implements UploadResult {
    }

    /** 413: split the batch. */
    record TooLarge() implements UploadResult {
    }

    /** 5xx, network error or timeout: resend later with backoff. */
    record Failed(String reason) implements UploadResult {
    }
}
