package org.coffeecontrol.api.telemetry;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to the events core has stored, for feature bundles that rebuild their own state from them: monitoring
 * replays what arrived while it was stopped, reports catch their rollups up and draw sensor curves. The
 * {@link TelemetryListener} tells about new events as they are committed; this log is where the older ones are read
 * back, so that no feature bundle depends on core's tables.
 *
 * <p>Reads are not filtered by a caller's visibility: they serve a bundle's own bookkeeping. A bundle that shows
 * events to a user checks the user's access to the machine first.
 *
 * @since 1.3
 */
@ProviderType
public interface EventLog {

    /** Every machine that has sent events: its newest stored sequence number and when it was last heard from. */
    List<MachineContact> contacts();

    /**
     * Passes the stored events {@code query} selects to {@code each}, in the query's order, from one read of the
     * store: a catch-up over many events costs one query, not one call per event. {@code each} runs on the calling
     * thread while the read is open; it should only collect or fold.
     *
     * @return how many events were passed
     */
    int read(EventQuery query, Consumer<StoredEvent> each);
}
