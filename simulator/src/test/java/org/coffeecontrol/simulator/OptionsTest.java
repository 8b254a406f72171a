package org.coffeecontrol.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Instant NOW = Instant.parse("2025-03-12T10:00:00Z");

    private static Options parse(String... args) {
        return Options.parse(args, Map.of("COFFEE_ADMIN_PASSWORD", "pw"), NOW);
    }

    private static String error(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage();
    }

    @Test
    void theReadmesDemoCommand() {
        Options o = parse("--platform", "http://localhost:8181", "--machines", "120", "--pos", "50", "--clients", "3",
                "--seed", "42", "--ssh-port", "2222", "--seed-platform", "--backfill", "1d", "--speed", "1");
        assertEquals(URI.create("http://localhost:8181"), o.platform());
        assertEquals(120, o.machines());
        assertTrue(o.seedPlatform());
        assertEquals("pw", o.adminPassword(), "from the environment");
        assertEquals(NOW.minus(Duration.ofDays(1)), o.from());
        assertNull(o.to());
    }

    @Test
    void boundedReproducibleRun() {
        Options o = parse("--from", "2025-03-10T00:00:00Z", "--to", "now");
        assertEquals(Instant.parse("2025-03-10T00:00:00Z"), o.from());
        assertEquals(NOW, o.to());
        assertEquals(Duration.ofMinutes(90), Options.duration("--x", "PT90M"));
    }

    @Test
    void errorsNameTheFlag() {
        assertTrue(error("--machines", "many").startsWith("--machines:"));
        assertTrue(error("--speed", "0").startsWith("--speed:"));
        assertTrue(error("--backfill", "2 days").startsWith("--backfill:"));
        assertTrue(error("--ssh-port", "70000").startsWith("--ssh-port:"));
        assertTrue(error("--pos", "2", "--clients", "3").startsWith("--clients:"));
        assertTrue(error("--from", "2025-03-10T00:00:00Z", "--backfill", "1d").startsWith("--from:"));
        assertTrue(error("--to", "2025-03-01T00:00:00Z").startsWith("--to:"));
        assertTrue(error("--bogus", "1").startsWith("--bogus:"));
        assertTrue(error("--platform").startsWith("--platform:"));
        String noPassword = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] { "--seed-platform" }, Map.of(), NOW)).getMessage();
        assertTrue(noPassword.startsWith("--admin-password:"));
    }
}
