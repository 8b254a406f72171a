package org.coffeecontrol.api.telemetry;

import java.time.Instant;
import java.util.Set;

/**
 * Which stored events of one machine {@link EventLog#read} passes on, built from {@link #of(long)}:
 *
 * <pre>{@code
 * EventQuery.of(id).afterSeq(watermark).limit(20_000)                      // a catch-up, chunk by chunk
 * EventQuery.of(id).kinds("SENSOR").between(from, to).inTimeOrder()         // a sensor curve
 * }</pre>
 *
 * @param afterSeq only events with a greater sequence number ({@link Long#MIN_VALUE}: from the first)
 * @param upToSeq  only events with this sequence number or a smaller one ({@link Long#MAX_VALUE}: to the last)
 * @param from     only events at or after this event time, null for no lower bound
 * @param to       only events before this event time, null for no upper bound
 * @param kinds    only these {@link StoredEvent#kind() kinds}; empty for all
 * @param order    sequence order, or event time order (ties by sequence)
 * @param limit    at most this many events (the first ones in {@code order}); 0 for no limit
 * @since 1.3
 */
public record EventQuery(long equipmentId, long afterSeq, long upToSeq, Instant from, Instant to, Set<String> kinds,
        Order order, int limit) {

    public enum Order {
        SEQUENCE, TIME
    }

    public EventQuery {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        order = order == null ? Order.SEQUENCE : order;
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    /** Every stored event of the machine, in sequence order. */
    public static EventQuery of(long equipmentId) {
        return new EventQuery(equipmentId, Long.MIN_VALUE, Long.MAX_VALUE, null, null, Set.of(), Order.SEQUENCE, 0);
    }

    public EventQuery afterSeq(long seq) {
        return new EventQuery(equipmentId, seq, upToSeq, from, to, kinds, order, limit);
    }

    public EventQuery upToSeq(long seq) {
        return new EventQuery(equipmentId, afterSeq, seq, from, to, kinds, order, limit);
    }

    /** Event times in {@code [from, to)}; either may be null. */
    public EventQuery between(Instant from, Instant to) {
        return new EventQuery(equipmentId, afterSeq, upToSeq, from, to, kinds, order, limit);
    }

    public EventQuery kinds(String... kinds) {
        return new EventQuery(equipmentId, afterSeq, upToSeq, from, to, Set.of(kinds), order, limit);
    }

    public EventQuery inTimeOrder() {
        return new EventQuery(equipmentId, afterSeq, upToSeq, from, to, kinds, Order.TIME, limit);
    }

    public EventQuery limit(int limit) {
        return new EventQuery(equipmentId, afterSeq, upToSeq, from, to, kinds, order, limit);
    }
}
