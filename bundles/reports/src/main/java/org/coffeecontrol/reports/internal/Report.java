package org.coffeecontrol.reports.internal;

import org.coffeecontrol.reports.api.ReportDefinition;
import org.coffeecontrol.reports.api.ReportResult;

/** One report: what it offers and how it runs. Implementations read only rollups (and APIs), never raw events. */
interface Report {

    ReportDefinition definition();

    ReportResult run(Run run);
}
