package org.coffeecontrol.remote.internal.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coffeecontrol.api.driver.CommandSpec;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.remote.internal.Fixtures;
import org.junit.jupiter.api.Test;

class RemotePermissionsTest {

    private static final CommandSpec REBOOT = new CommandSpec("reboot", "Reboot", "", List.of(), true);
    private static final CommandSpec SCREEN = new CommandSpec("read-screen", "Screen", "", List.of(), false);
    private final Caller operator = Fixtures.caller("olga", Role.OPERATOR);
    private final Caller support = Fixtures.caller("tom", Role.TECH_SUPPORT);
    private final Caller client = Fixtures.caller("cleo", Role.CLIENT);

    @Test
    void defaultsSplitReadingFromChanging() {
        RemotePermissions p = RemotePermissions.from(Fixtures.config(Map.of()));
        assertTrue(p.mayRun(operator, SCREEN));
        assertFalse(p.mayRun(operator, REBOOT));
        assertTrue(p.mayRun(support, REBOOT));
        assertFalse(p.mayRun(client, SCREEN));
        assertTrue(p.mayRun(Caller.system(), REBOOT), "admins may always");
        assertEquals(EnumSet.of(Role.TECH_SUPPORT), p.sql());
    }

    @Test
    void perCommandOverridesWin() {
        RemotePermissions p = RemotePermissions.from(Fixtures.config(Map.of("commandRoles",
                " reboot = operator|TECH_SUPPORT , read-screen=CLIENT", "sqlRoles", "TECH_SUPPORT, OPERATOR")));
        assertTrue(p.mayRun(operator, REBOOT));
        assertTrue(p.mayRun(client, SCREEN));
        assertFalse(p.mayRun(operator, SCREEN), "the override replaces the default roles");
        assertEquals(Set.of(Role.TECH_SUPPORT, Role.OPERATOR), p.sql());
    }

    @Test
    void aBadConfigurationDoesNotLoad() {
        assertThrows(IllegalArgumentException.class,
                () -> RemotePermissions.from(Fixtures.config(Map.of("readCommandRoles", "OPERATOR,JANITOR"))));
        assertThrows(IllegalArgumentException.class,
                () -> RemotePermissions.from(Fixtures.config(Map.of("commandRoles", "reboot"))));
        assertThrows(IllegalArgumentException.class,
                () -> RemoteSettings.from(Fixtures.config(Map.of("allowedFolders", "logs,.."))));
        assertThrows(IllegalArgumentException.class,
                () -> RemoteSettings.from(Fixtures.config(Map.of("maxSessions", 0))));
    }
}
