package org.coffeecontrol.driverkit;

import java.util.ArrayList;
import java.util.List;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.MachineEvent.CleaningRun;
import org.coffeecontrol.api.driver.MachineEvent.CounterReading;
import org.coffeecontrol.api.driver.MachineEvent.DrinkMade;
import org.coffeecontrol.api.driver.MachineEvent.ErrorCleared;
import org.coffeecontrol.api.driver.MachineEvent.ErrorRaised;
import org.coffeecontrol.api.driver.MachineEvent.Heartbeat;
import org.coffeecontrol.api.driver.MachineEvent.Notice;
import org.coffeecontrol.api.driver.MachineEvent.SensorReading;

/**
 * What core relies on in every decoded batch, whatever the family: it stores events without re-checking them, so a
 * null product or a repeated sequence number that slips through a driver would corrupt the store.
 */
public final class EventInvariants {

    private EventInvariants() {
    }

    /** @return one line per violation; empty when the batch is fit to store */
    public static List<String> violations(List<MachineEvent> events) {
        List<String> problems = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < events.size(); i++) {
            MachineEvent e = events.get(i);
            if (e == null) {
                problems.add("event " + i + " is null");
                continue;
            }
            String where = "event " + i + " (seq " + e.seq() + ")";
            if (e.seq() < 0) {
                problems.add(where + ": negative sequence number");
            }
            if (e.seq() <= previous) {
                problems.add(where + ": sequence number not above the previous " + previous);
            }
            previous = e.seq();
            if (e.time() == null) {
                problems.add(where + ": no time");
            }
            String field = missingField(e);
            if (field != null) {
                problems.add(where + ": " + field + " missing or blank");
            }
            if (e instanceof CleaningRun c && c.end() != null && c.time() != null && c.end().isBefore(c.time())) {
                problems.add(where + ": cleaning ends before it starts");
            }
            if (e instanceof SensorReading s && !Double.isFinite(s.value())) {
                problems.add(where + ": sensor value " + s.value() + " is not finite");
            }
            if (e instanceof DrinkMade d && d.sizeMl() != null && d.sizeMl() <= 0) {
                problems.add(where + ": cup size " + d.sizeMl() + " ml");
            }
        }
        return problems;
    }

    private static String missingField(MachineEvent e) {
        if (e instanceof DrinkMade d) {
            return blank(d.product()) ? "product" : null;
        } else if (e instanceof ErrorRaised r) {
            return blank(r.code()) ? "code" : r.text() == null ? "text" : r.severity() == null ? "severity" : null;
        } else if (e instanceof ErrorCleared c) {
            return blank(c.code()) ? "code" : null;
        } else if (e instanceof CleaningRun c) {
            return blank(c.program()) ? "program" : c.end() == null ? "end" : null;
        } else if (e instanceof SensorReading s) {
            return blank(s.sensor()) ? "sensor" : s.unit() == null ? "unit" : null;
        } else if (e instanceof CounterReading c) {
            return blank(c.key()) ? "key" : c.value() == null ? "value" : null;
        } else if (e instanceof Notice n) {
            return blank(n.code()) ? "code" : n.text() == null ? "text" : null;
        } else if (e instanceof Heartbeat) {
            return null;
        }
        return "known type";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
