package org.coffeecontrol.monitoring.internal.shell;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.monitoring.api.MonitoringService;
import org.coffeecontrol.shell.api.ShellCaller;

/**
 * Base of the monitoring commands: runs them as the logged-in Coffee Control user, so the service applies that
 * user's client visibility, and reports expected failures as one line (exit status 1 over SSH exec).
 */
abstract class MonitoringAction implements Action {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Reference
    MonitoringService monitoring;

    @Reference
    CatalogService catalog;

    @Reference
    UserService users;

    @Reference
    Session session;

    // Karaf swaps System.out per session thread, so this reaches the caller's terminal.
    PrintStream out = System.out;

    @Override
    public Object execute() throws Exception {
        return ShellCaller.run(session, users, this::run);
    }

    abstract void run(Caller caller) throws Exception;

    /** A machine by serial number (exact), or by ID ({@code 12} or {@code #12}). */
    Equipment machine(Caller caller, String ref) {
        String r = ref.strip();
        if (!r.startsWith("#")) {
            for (Equipment e : catalog.equipment(caller, CatalogQuery.text(r)).items()) {
                if (r.equalsIgnoreCase(e.serialNumber())) {
                    return e;
                }
            }
        }
        return catalog.equipment(caller, id("equipment", r));
    }

    /** A point of sale by code or name (exact), or by ID. */
    PointOfSale pos(Caller caller, String ref) {
        String r = ref.strip();
        if (!r.startsWith("#")) {
            for (PointOfSale p : catalog.pointsOfSale(caller, CatalogQuery.text(r)).items()) {
                if (r.equalsIgnoreCase(p.code()) || r.equalsIgnoreCase(p.name())) {
                    return p;
                }
            }
        }
        return catalog.pointOfSale(caller, id("point of sale", r));
    }

    private static long id(String what, String ref) {
        String digits = ref.startsWith("#") ? ref.substring(1) : ref;
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new NotFoundException(what, ref);
        }
    }

    String time(Instant t) {
        return t == null ? "-" : TIME.format(LocalDateTime.ofInstant(t, monitoring.zone()));
    }

    static String text(Object o) {
        return o == null ? "-" : String.valueOf(o);
    }
}
