package org.coffeecontrol.api.telemetry;

import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.driver.MachineEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: told about every newly stored event right after its commit (duplicates are not repeated),
 * so feature bundles such as monitoring keep live state without polling the database. Called from the ingest
 * writer threads, one call at a time (never concurrently; each machine's events in commit order): return quickly
 * (hand heavy work to your own executor) and never throw.
 */
@ConsumerType
public interface TelemetryListener {

    /** @param eventsByEquipmentId newly stored events, per equipment id, in sequence order */
    void eventsStored(Map<Long, List<MachineEvent>> eventsByEquipmentId);
}
