package org.coffeecontrol.monitoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.PrivilegedExceptionAction;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.security.auth.Subject;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.support.CommandException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.Severity;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.CallerPrincipal;
import org.coffeecontrol.monitoring.api.JournalEntry;
import org.coffeecontrol.monitoring.api.JournalSource;
import org.coffeecontrol.monitoring.api.NewJournalEntry;
import org.coffeecontrol.monitoring.internal.rest.MonitoringResource;
import org.coffeecontrol.monitoring.internal.rest.NotificationResource;
import org.coffeecontrol.monitoring.internal.shell.ShellAccess;
import org.junit.jupiter.api.Test;

class RestAndShellTest {

    private static SecurityContext as(Caller caller) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller == null ? null : new CallerPrincipal(caller);
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "BASIC";
            }
        };
    }

    @Test
    void resourcesTranslateQueryTextAndNeedACaller() throws Exception {
        Fixture f = new Fixture(Instant.parse("2026-03-02T10:00:00Z"));
        MonitoringResource r = new MonitoringResource(f.service);
        assertThrows(NotAuthorizedException.class, () -> r.overview(as(null)));
        assertEquals("from", assertThrows(ValidationException.class,
                () -> r.uptime(as(f.operator), "pos", 10L, "02.03.2026", null)).field());
        assertEquals("scope", assertThrows(ValidationException.class,
                () -> r.uptime(as(f.operator), "region", 1L, null, null)).field());
        assertEquals("scope", assertThrows(ValidationException.class,
                () -> r.drinks(as(f.operator), "pos", null, null, null)).field());
        assertEquals(2, r.uptime(as(f.operator), "POS", 10L, "2026-03-02", "2026-03-02").machines());

        Response created = r.addJournalEntry(as(f.operator), new NewJournalEntry(null, 10L, null, JournalSource.EMAIL,
                "Report requested", "Report sent", "362929", null, null, null, null, null));
        assertEquals(201, created.getStatus());
        assertEquals("362929", ((JournalEntry) created.getEntity()).ticketNumber());
        assertEquals(1, r.journal(as(f.alpha), null, 10L, 0, 50).total());

        NotificationResource n = new NotificationResource(f.service);
        n.subscribe(as(f.alpha), 10, false);
        assertEquals(List.of(10L), n.subscriptions(as(f.alpha)).stream().map(s -> s.posId()).toList());
        n.unsubscribe(as(f.alpha), 10);
        assertThrows(NotFoundException.class, () -> n.unsubscribe(as(f.alpha), 10));
        assertEquals(0, n.markRead(as(f.alpha), null).get("updated"));
    }

    @Test
    void shellCommandsRunAsTheSessionUserWithItsVisibility() throws Exception {
        Fixture f = new Fixture(Instant.parse("2026-03-02T10:00:00Z"));
        f.send(200, new MachineEvent.ErrorRaised(f.nextSeq(), Instant.parse("2026-03-02T09:00:00Z"), "E3",
                "Grinder blocked", Severity.CRITICAL));
        ShellAccess shell = new ShellAccess(f.service, f.catalog, f.users);

        String problems = run(subject("op"), () -> shell.problems(false));
        assertTrue(problems.contains("E3 Grinder blocked"), problems);
        assertTrue(problems.contains("Problems: 1 of 1"), problems);

        String machine = run(subject("op"), () -> shell.machine("S200"));
        assertTrue(machine.contains("Status:          PROBLEM"), machine);

        CommandException hidden = assertThrows(CommandException.class,
                () -> run(subject("alpha"), () -> shell.machine("S200")));
        assertTrue(hidden.getMessage().startsWith("Error: equipment S200 not found"), hidden.getMessage());

        String karafAdmin = run(subject("karaf", new RolePrincipal("admin")), () -> shell.problems(false));
        assertTrue(karafAdmin.contains("Problems: 1 of 1"), "a Karaf admin unknown to the database acts as ADMIN");
        CommandException stranger = assertThrows(CommandException.class,
                () -> run(subject("nobody"), () -> shell.problems(false)));
        assertTrue(stranger.getMessage().startsWith("Access denied"), stranger.getMessage());
    }

    private static Subject subject(String user, Principal... more) {
        Subject s = new Subject();
        s.getPrincipals().add(new UserPrincipal(user));
        s.getPrincipals().addAll(Set.of(more));
        return s;
    }

    /** Runs a command inside the subject as Karaf does and returns what it printed. */
    @SuppressWarnings("removal")
    private static String run(Subject subject, ShellAccess.Command command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> command.build().withOut(out).execute());
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
