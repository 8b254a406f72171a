package org.coffeecontrol.reports.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.reports.api.ReportRequest;

/** Everything one report run needs: the checked request, the machines in scope and the stores. */
record Run(Caller caller, ReportRequest request, Scope scope, DataSource ds, Settings settings, Clock clock,
        Progress progress) {

    ZoneId zone() {
        return settings.zone();
    }

    LocalDate from() {
        return request.from();
    }

    LocalDate to() {
        return request.to();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }
}
