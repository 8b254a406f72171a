package org.coffeecontrol.tickets.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * A field engineer as dispatch knows him (TKT-4): a platform user with the ENGINEER role, where he starts from and
 * when he works.
 *
 * @param workDays  days he works; empty means Monday to Friday
 * @param workStart start of his working day (local time of the platform's zone)
 * @param workEnd   end of his working day
 * @param maxOpen   open tickets at which he counts as busy
 */
public record Mechanic(String username, String displayName, Double homeLatitude, Double homeLongitude,
        Set<DayOfWeek> workDays, LocalTime workStart, LocalTime workEnd, int maxOpen, boolean active) {

    public Mechanic {
        workDays = workDays == null ? Set.of() : Set.copyOf(workDays);
    }
}
