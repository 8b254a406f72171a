package org.coffeecontrol.reports.internal;

import java.time.Instant;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.telemetry.StoredEvent;

/**
 * An event as the rollups need it, whether it came from the ingest listener or from core's event log during a
 * catch-up: the same flat shape on both paths, so both fold into the rollups identically.
 */
record RawEvent(long seq, Instant time, String kind, String code, String text, Double num, String unit,
        String severity, Instant end) {

    static RawEvent of(MachineEvent e) {
        if (e instanceof MachineEvent.DrinkMade d) {
            return new RawEvent(d.seq(), d.time(), "DRINK", d.product(), null,
                    d.sizeMl() == null ? null : d.sizeMl().doubleValue(), null, null, null);
        } else if (e instanceof MachineEvent.Heartbeat h) {
            return new RawEvent(h.seq(), h.time(), "HEARTBEAT", null, null, null, null, null, null);
        } else if (e instanceof MachineEvent.SensorReading s) {
            return new RawEvent(s.seq(), s.time(), "SENSOR", s.sensor(), null, s.value(), s.unit(), null, null);
        } else if (e instanceof MachineEvent.CounterReading r) {
            return new RawEvent(r.seq(), r.time(), "COUNTER", r.key(), r.value(), null, null, null, null);
        } else if (e instanceof MachineEvent.CleaningRun r) {
            return new RawEvent(r.seq(), r.time(), "CLEANING", r.program(), r.completed() ? "completed" : "aborted",
                    null, null, null, r.end());
        } else if (e instanceof MachineEvent.ErrorRaised r) {
            return new RawEvent(r.seq(), r.time(), "ERROR", r.code(), r.text(), null, null,
                    r.severity() == null ? null : r.severity().name(), null);
        } else if (e instanceof MachineEvent.ErrorCleared r) {
            return new RawEvent(r.seq(), r.time(), "ERROR_CLEARED", r.code(), null, null, null, null, null);
        } else if (e instanceof MachineEvent.Notice n) {
            return new RawEvent(n.seq(), n.time(), "NOTICE", n.code(), n.text(), null, null, null, null);
        }
        throw new IllegalArgumentException("unknown event " + e);
    }

    /** As core stored it; the same columns the listener's events are flattened to. */
    static RawEvent of(StoredEvent e) {
        return new RawEvent(e.seq(), e.time(), e.kind(), e.code(), e.text(), e.value(), e.unit(), e.severity(),
                e.end());
    }
}
