/** Telemetry ingest, stored canonical events, dead letters and driver status (MON-1, PLT-2). */
@Export
@Version("1.0.0")
package org.coffeecontrol.api.telemetry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
