package org.coffeecontrol.rest.internal.health;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.coffeecontrol.api.health.HealthCheck;
import org.coffeecontrol.api.health.HealthStatus;
import org.coffeecontrol.api.health.HealthStatus.State;

/**
 * The body of {@code GET /api/health}: the worst state of all checks wins. A platform without a database check is
 * down, because nothing works without the database, and so is one whose machine endpoint is not published yet:
 * while either is missing the platform is still starting (or broken), and callers waiting for health must wait.
 */
public record HealthReport(State status, Map<String, HealthStatus> checks, String version) {

    static final String DATABASE = "database";
    static final String TELEMETRY = "telemetry";

    public static HealthReport of(Collection<HealthCheck> checks, String version) {
        Map<String, HealthStatus> results = new LinkedHashMap<>();
        checks.stream().sorted(Comparator.comparing(HealthReport::nameOf)).forEach(c -> results.put(nameOf(c), run(c)));
        for (String required : new String[] { DATABASE, TELEMETRY }) {
            results.putIfAbsent(required, HealthStatus.down("no " + required + " health check is registered yet"));
        }
        State worst = State.UP;
        for (HealthStatus s : results.values()) {
            if (s.state().compareTo(worst) > 0) {
                worst = s.state();
            }
        }
        return new HealthReport(worst, results, version);
    }

    /** 503 tells load balancers and monitors to stop sending traffic; a degraded platform still serves. */
    public int httpStatus() {
        return status == State.DOWN ? 503 : 200;
    }

    private static String nameOf(HealthCheck check) {
        try {
            return check.name();
        } catch (RuntimeException e) {
            return check.getClass().getName();
        }
    }

    /** The contract says a check never throws; one that does must not take the endpoint down with it. */
    private static HealthStatus run(HealthCheck check) {
        try {
            HealthStatus status = check.check();
            return status != null ? status : HealthStatus.down("check returned no status");
        } catch (RuntimeException e) {
            return HealthStatus.down("check failed: " + e);
        }
    }
}
