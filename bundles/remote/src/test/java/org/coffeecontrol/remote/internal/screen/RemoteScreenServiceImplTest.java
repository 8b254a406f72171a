package org.coffeecontrol.remote.internal.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.remote.api.RemoteScreen;
import org.coffeecontrol.remote.internal.Fixtures;
import org.coffeecontrol.remote.internal.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteScreenServiceImplTest {

    private static final String PASSWORD = "vnc-Secret-7731";

    @TempDir
    Path dir;

    private Harness h;
    private RemoteScreenServiceImpl service;
    private final Caller support = Fixtures.caller("tom", Role.TECH_SUPPORT, 1);
    private final Caller operator = Fixtures.caller("olga", Role.OPERATOR, 1);

    @BeforeEach
    void start() throws Exception {
        h = new Harness(dir, Map.of());
        service = new RemoteScreenServiceImpl(h.gateway, h.database);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    void defaultsToTheMachinesHostOnPort5900() {
        RemoteScreen s = service.screen(operator, "M1");
        assertEquals("127.0.0.1", s.host());
        assertEquals(5900, s.port());
        assertEquals("vnc://127.0.0.1:5900", s.url());
        assertFalse(s.passwordSet());
    }

    @Test
    void thePasswordIsSealedAndShownOnlyToPermittedRoles() {
        service.setScreen(support, "M1", "10.8.0.12", 5901, PASSWORD.toCharArray());
        RemoteScreen seen = service.screen(operator, "M1");
        assertEquals("vnc://10.8.0.12:5901", seen.url());
        assertTrue(seen.passwordSet());
        assertNull(seen.password(), "operators see that a password exists, not the password");
        assertEquals(PASSWORD, service.screen(support, "M1").password());
        String stored = h.database.jdbc().one("SELECT secret FROM cc_remote_screen WHERE equipment_id = 1",
                rs -> rs.getString(1)).orElseThrow();
        assertFalse(stored.contains(PASSWORD), "stored encrypted");
        assertFalse(seen.toString().contains(PASSWORD));
        // null keeps the password, empty removes it
        assertTrue(service.setScreen(support, "M1", null, null, null).passwordSet());
        assertEquals("vnc://127.0.0.1:5900", service.screen(support, "M1").url());
        assertFalse(service.setScreen(support, "M1", null, null, new char[0]).passwordSet());
        assertEquals("vnc://[fd00::12]:5900", RemoteScreenServiceImpl.url("fd00::12", 5900));
    }

    @Test
    void rolesVisibilityAndInputAreChecked() {
        assertThrows(AccessDeniedException.class, () -> service.setScreen(operator, "M1", null, null, null));
        assertThrows(AccessDeniedException.class, () -> service.screen(Fixtures.caller("c", Role.CLIENT, 1), "M1"));
        assertThrows(NotFoundException.class, () -> service.screen(support, "M2"));
        assertEquals("host", assertThrows(ValidationException.class,
                () -> service.setScreen(support, "M1", "evil;rm -rf /", null, null)).field());
        assertEquals("port", assertThrows(ValidationException.class,
                () -> service.setScreen(support, "M1", null, 70000, null)).field());
    }
}
