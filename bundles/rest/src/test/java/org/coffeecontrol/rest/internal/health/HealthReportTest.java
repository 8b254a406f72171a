package org.coffeecontrol.rest.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.health.HealthCheck;
import org.coffeecontrol.api.health.HealthStatus;
import org.coffeecontrol.api.health.HealthStatus.State;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    private static HealthCheck check(String name, HealthStatus status) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthStatus check() {
                return status;
            }
        };
    }

    private static final HealthCheck DATABASE_UP = check("database", HealthStatus.up("derby", Map.of("tables", 12)));
    private static final HealthCheck TELEMETRY_UP = check("telemetry", HealthStatus.up("published", null));

    @Test
    void allUpIs200() {
        HealthReport r = HealthReport.of(List.of(DATABASE_UP, TELEMETRY_UP, check("drivers", HealthStatus.up("3 families", null))), "1.0");
        assertEquals(State.UP, r.status());
        assertEquals(200, r.httpStatus());
        assertEquals(List.of("database", "drivers", "telemetry"), List.copyOf(r.checks().keySet()));
        assertEquals("1.0", r.version());
    }

    @Test
    void degradedStillServes() {
        HealthReport r = HealthReport.of(
                List.of(DATABASE_UP, TELEMETRY_UP, check("ui", new HealthStatus(State.DEGRADED, "slow", null))), "1.0");
        assertEquals(State.DEGRADED, r.status());
        assertEquals(200, r.httpStatus());
    }

    @Test
    void anyDownIs503() {
        HealthReport r = HealthReport.of(List.of(DATABASE_UP, TELEMETRY_UP, check("ui", new HealthStatus(State.DEGRADED, "slow", null)),
                check("drivers", HealthStatus.down("none"))), "1.0");
        assertEquals(State.DOWN, r.status());
        assertEquals(503, r.httpStatus());
    }

    @Test
    void withoutADatabaseCheckThePlatformIsDown() {
        HealthReport r = HealthReport.of(List.of(check("ui", HealthStatus.up("ok", null))), "1.0");
        assertEquals(503, r.httpStatus());
        assertEquals(State.DOWN, r.checks().get("database").state());
        assertEquals(503, HealthReport.of(List.of(), "1.0").httpStatus());
    }

    @Test
    void untilTheMachineEndpointIsPublishedThePlatformIsStarting() {
        HealthReport r = HealthReport.of(List.of(DATABASE_UP), "1.0");
        assertEquals(503, r.httpStatus());
        assertEquals(State.DOWN, r.checks().get("telemetry").state());
    }

    @Test
    void aThrowingCheckIsDownNotAnError() {
        HealthCheck broken = new HealthCheck() {
            @Override
            public String name() {
                return "drivers";
            }

            @Override
            public HealthStatus check() {
                throw new IllegalStateException("boom");
            }
        };
        HealthReport r = HealthReport.of(List.of(DATABASE_UP, TELEMETRY_UP, broken), "1.0");
        assertEquals(State.DOWN, r.checks().get("drivers").state());
        assertTrue(r.checks().get("drivers").message().contains("boom"));
    }
}
