package org.coffeecontrol.api.health;

import java.util.Map;

/** @param details small facts worth showing (counts, versions, ports); never secrets */
public record HealthStatus(State state, String message, Map<String, Object> details) {
    public enum State { UP, DEGRADED, DOWN }

    public HealthStatus {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static HealthStatus up(String message, Map<String, Object> details) {
        return new HealthStatus(State.UP, message, details);
    }

    public static HealthStatus down(String message) {
        return new HealthStatus(State.DOWN, message, Map.of());
    }
}
