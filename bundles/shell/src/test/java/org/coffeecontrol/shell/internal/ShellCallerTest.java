package org.coffeecontrol.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PrivilegedAction;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.shell.support.CommandException;
import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.shell.api.ShellCaller;
import org.junit.jupiter.api.Test;

class ShellCallerTest {

    private final InMemoryUsers users = new InMemoryUsers();

    @Test
    void databaseUserActsWithOwnRolesAndClients() {
        users.put("olga", EnumSet.of(Role.CLIENT), Set.of(7L));
        Caller caller = ShellCaller.resolve(Shell.login("olga"), users);
        assertEquals("olga", caller.username());
        assertEquals(Set.of(Role.CLIENT), caller.roles());
        assertFalse(caller.allClients());
        assertTrue(caller.canSeeClient(7));
        assertFalse(caller.canSeeClient(8));
    }

    @Test
    void karafAdminUnknownToDatabaseIsAdminUnderOwnName() {
        Caller caller = ShellCaller.resolve(Shell.console(), users);
        assertEquals("karaf", caller.username());
        assertEquals(Set.of(Role.ADMIN), caller.roles());
        assertTrue(caller.allClients());
    }

    @Test
    void databaseRolesWinOverKarafAdminRole() {
        // The same name in our database means that person's rights, not the container's.
        users.put("karaf", EnumSet.of(Role.OPERATOR), Set.of());
        Caller caller = ShellCaller.resolve(Shell.console(), users);
        assertEquals(Set.of(Role.OPERATOR), caller.roles());
    }

    @Test
    void unknownNonAdminIsRefused() {
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> ShellCaller.resolve(Shell.login("guest", "viewer"), users));
        assertTrue(e.getMessage().contains("guest"), e.getMessage());
    }

    @Test
    void subjectWithoutUserPrincipalIsRefused() {
        Subject rolesOnly = new Subject();
        rolesOnly.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.RolePrincipal("admin"));
        assertThrows(AccessDeniedException.class, () -> ShellCaller.resolve(rolesOnly, users));
        assertThrows(AccessDeniedException.class, () -> ShellCaller.resolve(null, users));
    }

    @Test
    @SuppressWarnings("removal")
    void currentSubjectIsTheOneOfTheEnclosingDoAs() {
        Subject subject = Shell.console();
        assertNull(ShellCaller.currentSubject(null));
        Subject seen = Subject.doAs(subject, (PrivilegedAction<Subject>) () -> ShellCaller.currentSubject(null));
        assertSame(subject, seen);
    }

    @Test
    @SuppressWarnings("removal")
    void runPassesTheCallerAndTurnsExpectedFailuresIntoOneLine() throws Exception {
        users.put("olga", EnumSet.of(Role.CLIENT), Set.of(7L));
        List<String> seen = new ArrayList<>();
        Subject.doAs(Shell.login("olga"), (PrivilegedExceptionAction<Object>) () -> ShellCaller.run(null, users,
                caller -> seen.add(caller.username())));
        assertEquals(List.of("olga"), seen);

        PrivilegedActionException failed = assertThrows(PrivilegedActionException.class,
                () -> Subject.doAs(Shell.login("olga"), (PrivilegedExceptionAction<Object>) () -> ShellCaller.run(
                        null, users, caller -> {
                            throw new ValidationException("from", "'2026-13-01'\nis not a date");
                        })));
        CommandException e = assertInstanceOf(CommandException.class, failed.getCause());
        assertEquals("Invalid from: '2026-13-01' is not a date", e.getNiceHelp());

        assertThrows(CommandException.class, () -> ShellCaller.run(null, users, caller -> seen.add("anonymous")));
        assertEquals(List.of("olga"), seen, "no work runs without an authenticated user");
    }
}
