package org.coffeecontrol.api.telemetry;

/** Counts since the platform started, per family. */
public record IngestCounters(String family, long batches, long eventsStored, long duplicates, long deadLetters,
        long rejected, long unknownMachine, long unauthorized) {
}
