/**
 * Telemetry ingest, stored canonical events, dead letters and driver status (MON-1, PLT-2), and the machine outbox
 * whiteboard through which feature bundles hand jobs to machines calling home (1.1: {@link
 * org.coffeecontrol.api.telemetry.MachineOutbox}, {@link org.coffeecontrol.api.telemetry.TelemetryService#authenticate}),
 * and the read API over the stored events that feature bundles rebuild their state from (1.3: {@link
 * org.coffeecontrol.api.telemetry.EventLog}).
 */
@Export
@Version("1.3.0")
package org.coffeecontrol.api.telemetry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
