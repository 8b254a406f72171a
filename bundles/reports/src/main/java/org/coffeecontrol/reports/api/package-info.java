/**
 * Reports (REP-1..REP-8): report definitions, report runs (synchronous or as jobs with progress and cancel),
 * results as columns, rows and totals, and their export to xlsx or csv. Every call takes the
 * {@link org.coffeecontrol.api.security.Caller} and shows only the clients it may see.
 */
@Export
@Version("1.1.0")
package org.coffeecontrol.reports.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
