package org.coffeecontrol.monitoring.internal.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.monitoring.api.MachineState;
import org.coffeecontrol.monitoring.api.Problem;

@Service
@Command(scope = "coffee", name = "machine", description = "Live state of one machine: online, errors, problems, "
        + "last drink and cleaning, sensors, counters (MON-6)")
public class MachineCommand extends MonitoringAction {

    @Argument(name = "machine", description = "Serial number or ID (#12)", required = true)
    String machine;

    @Override
    void run(Caller caller) {
        Equipment e = machine(caller, machine);
        MachineState s = monitoring.machine(caller, e.id());
        out.println("Machine #" + s.equipmentId() + " serial " + text(s.serialNumber()));
        field("Status", s.status() + " since " + time(s.since()));
        field("Online", s.online() ? "yes" : "no");
        field("Point of sale", text(s.posId()));
        field("Last seen", time(s.lastSeen()));
        field("Last drink", s.lastDrink() == null ? "-"
                : s.lastDrink().product() + " at " + time(s.lastDrink().at()));
        field("Last cleaning", s.lastCleaning() == null ? "-" : s.lastCleaning().program() + " at "
                + time(s.lastCleaning().start()) + (s.lastCleaning().completed() ? "" : " (aborted)"));
        out.println("  Current errors:" + (s.errors().isEmpty() ? " -" : ""));
        for (MachineState.CurrentError err : s.errors()) {
            out.println("    " + err.code() + " " + text(err.severity()) + " since " + time(err.since()) + "  "
                    + text(err.text()));
        }
        out.println("  Open problems:" + (s.openProblems().isEmpty() ? " -" : ""));
        Instant now = Instant.now();
        for (Problem p : s.openProblems()) {
            out.println("    #" + p.id() + " " + p.kind() + " since " + time(p.start()) + " ("
                    + minutes(p.duration(now)) + ")  " + text(p.text()));
        }
        readings("Sensors", s.sensors(), true);
        readings("Counters", s.counters(), false);
    }

    private void readings(String label, Map<String, MachineState.Reading> readings, boolean numeric) {
        out.println("  " + label + ":" + (readings.isEmpty() ? " -" : ""));
        readings.forEach((name, r) -> out.println("    " + String.format("%-30s ", name)
                + (numeric ? text(r.value()) + " " + (r.unit() == null ? "" : r.unit()) : text(r.text()))
                + "  (" + time(r.at()) + ")"));
    }

    private void field(String label, String value) {
        out.println(String.format("  %-16s %s", label + ":", value));
    }

    static String minutes(Duration d) {
        long m = d.toMinutes();
        return m < 60 ? m + " min" : m / 60 + " h " + m % 60 + " min";
    }
}
