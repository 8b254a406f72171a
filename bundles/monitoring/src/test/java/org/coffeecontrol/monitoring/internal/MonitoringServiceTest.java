package org.coffeecontrol.monitoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.Severity;
import org.coffeecontrol.api.health.HealthStatus;
import org.coffeecontrol.core.internal.mail.SmtpMailService;
import org.coffeecontrol.monitoring.api.DrinksSold;
import org.coffeecontrol.monitoring.api.JournalEntry;
import org.coffeecontrol.monitoring.api.JournalQuery;
import org.coffeecontrol.monitoring.api.JournalSource;
import org.coffeecontrol.monitoring.api.NewJournalEntry;
import org.coffeecontrol.monitoring.api.Notification;
import org.coffeecontrol.monitoring.api.NotificationKind;
import org.coffeecontrol.monitoring.api.ProblemQuery;
import org.coffeecontrol.monitoring.api.Scope;
import org.coffeecontrol.monitoring.api.Uptime;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

class MonitoringServiceTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    private static MachineEvent drink(Fixture f, String time, String product) {
        return new MachineEvent.DrinkMade(f.nextSeq(), t(time), product, 200);
    }

    @Test
    void drinksComeFromTheRollupPerScopeAndOnlyForVisibleClients() throws Exception {
        Fixture f = new Fixture(t("2026-03-02T12:00:00Z"));
        f.send(100, drink(f, "2026-03-02T09:00:00Z", "Americano 200"), drink(f, "2026-03-02T09:05:00Z", "Latte 200"),
                drink(f, "2026-03-02T09:06:00Z", "Americano 200"));
        f.send(101, drink(f, "2026-03-01T23:59:00Z", "Americano 200"));
        f.send(200, drink(f, "2026-03-02T10:00:00Z", "Espresso"));

        DrinksSold fleet = f.service.drinks(f.operator, Scope.fleet(), MONDAY, MONDAY);
        assertEquals(4, fleet.total(), "Sunday's drink is another day");
        assertEquals("Americano 200", fleet.products().get(0).product());
        assertEquals(2, fleet.products().get(0).count());

        assertEquals(3, f.service.drinks(f.alpha, Scope.fleet(), MONDAY, MONDAY).total(), "alpha sees client 1 only");
        assertEquals(4, f.service.drinks(f.alpha, Scope.pos(10), MONDAY.minusDays(1), MONDAY).total());
        assertEquals(1, f.service.drinks(f.operator, Scope.client(2), MONDAY, MONDAY).total());
        assertThrows(NotFoundException.class, () -> f.service.drinks(f.alpha, Scope.pos(20), MONDAY, MONDAY));
        assertThrows(ValidationException.class, () -> f.service.drinks(f.operator, Scope.fleet(), MONDAY,
                MONDAY.minusDays(1)));
    }

    @Test
    void uptimeCountsOpeningMinutesWithoutProblems() throws Exception {
        Fixture f = new Fixture(t("2026-03-02T08:00:00Z"));
        f.heartbeat(100);
        f.heartbeat(200);
        f.at("2026-03-02T12:00:00Z");
        f.heartbeat(100);
        f.sweepAt("2026-03-02T12:04:00Z"); // 100 silent since 12:00; 101 never seen since 08:00; 200 silent since 08:00
        f.at("2026-03-02T13:00:00Z");
        f.heartbeat(100);
        f.clock.set(t("2026-03-03T00:00:00Z"));

        Uptime machine = f.service.uptime(f.operator, Scope.equipment(100), MONDAY, MONDAY);
        assertEquals(720, machine.openMinutes(), "08:00-20:00");
        assertEquals(60, machine.downMinutes());
        assertEquals(91.67, machine.percent());

        Uptime pos = f.service.uptime(f.operator, Scope.pos(10), MONDAY, MONDAY);
        assertEquals(2, pos.machines());
        assertEquals(1440, pos.openMinutes());
        assertEquals(60 + 720, pos.downMinutes(), "101 never reported");

        Uptime beta = f.service.uptime(f.operator, Scope.pos(20), MONDAY, MONDAY);
        assertEquals(1440, beta.openMinutes(), "no hours: open around the clock");
        assertEquals(1440 - 8 * 60, beta.downMinutes(), "down from 08:00 to midnight");

        f.clock.set(t("2026-03-02T10:00:00Z"));
        Uptime soFar = f.service.uptime(f.operator, Scope.equipment(100), MONDAY, MONDAY);
        assertEquals(120, soFar.openMinutes(), "the rest of the day has not happened yet");

        assertEquals(1, f.service.uptime(f.alpha, Scope.fleet(), MONDAY, MONDAY).machines() / 2);
        assertThrows(NotFoundException.class, () -> f.service.uptime(f.beta, Scope.equipment(100), MONDAY, MONDAY));
    }

    @Test
    void journalIsAppendOnlyWithTicketRuleAndPosViewMergesMachines() throws Exception {
        Fixture f = new Fixture(t("2026-03-02T10:00:00Z"));
        ValidationException noTicket = assertThrows(ValidationException.class, () -> f.service.addJournalEntry(
                f.operator, entry(100L, null, JournalSource.PHONE, null, null)));
        assertEquals("ticketNumber", noTicket.field());

        JournalEntry first = f.service.addJournalEntry(f.operator,
                entry(100L, null, JournalSource.PHONE, "5D-13906285", null));
        assertEquals(10, first.posId(), "the machine's POS");
        assertEquals("S100", first.serialNumber());
        assertEquals("op", first.operator());
        f.service.addJournalEntry(f.operator, entry(null, 10L, JournalSource.OPERATOR, null, null));
        f.at("2026-03-02T10:05:00Z");
        JournalEntry fix = f.service.addJournalEntry(f.operator,
                entry(100L, null, JournalSource.PHONE, "5D-13906286", first.id()));
        assertEquals(first.id(), fix.correctionOf());

        List<JournalEntry> pos = f.service.journal(f.operator, JournalQuery.pos(10)).items();
        assertEquals(3, pos.size(), "machine entries appear in the POS journal");
        JournalEntry original = pos.stream().filter(e -> e.id() == first.id()).findFirst().orElseThrow();
        assertEquals("5D-13906285", original.ticketNumber(), "corrections never change the original");
        assertEquals(fix.id(), original.correctedBy());
        assertEquals(2, f.service.journal(f.operator, JournalQuery.equipment(100)).items().size());

        assertThrows(AccessDeniedException.class, () -> f.service.addJournalEntry(f.alpha,
                entry(100L, null, JournalSource.OPERATOR, null, null)));
        assertThrows(NotFoundException.class, () -> f.service.journal(f.beta, JournalQuery.pos(10)));
        ValidationException otherPos = assertThrows(ValidationException.class, () -> f.service.addJournalEntry(
                f.operator, entry(200L, null, JournalSource.OPERATOR, null, first.id())));
        assertEquals("correctionOf", otherPos.field());
        assertEquals("problem", assertThrows(ValidationException.class, () -> f.service.addJournalEntry(f.operator,
                new NewJournalEntry(100L, null, null, JournalSource.OPERATOR, " ", null, null, null, null, null, null,
                        null))).field());
    }

    private static NewJournalEntry entry(Long equipmentId, Long posId, JournalSource source, String ticket,
            Long correctionOf) {
        return new NewJournalEntry(equipmentId, posId, null, source, "Milk not dispensed", "Remote restart", ticket,
                "Zimilkina A.A.", "POS staff", "Sorokina A.E.", "rinsed, one run-up, test cappuccino ok",
                correctionOf);
    }

    @Test
    void subscribersAreNotifiedInAppAndByMailWhileTheyMaySeeThePos() throws Exception {
        Fixture f = new Fixture(t("2026-03-02T10:00:00Z"));
        f.service.subscribe(f.alpha, 10, true);
        f.service.subscribe(f.operator, 10, false);
        assertThrows(NotFoundException.class, () -> f.service.subscribe(f.beta, 10, true));
        List<Audience.Email> mails = new ArrayList<>();
        f.service.mail = m -> {
            mails.add(new Audience.Email(m.to(), m.subject(), m.body()));
            return "<" + mails.size() + "@test>";
        };

        f.heartbeat(100);
        f.send(100, new MachineEvent.ErrorRaised(f.nextSeq(), t("2026-03-02T09:00:00Z"), "E7", "Brewer jammed",
                Severity.CRITICAL));
        List<Notification> alpha = f.service.notifications(f.alpha, false, null).items();
        assertEquals(1, alpha.size());
        assertEquals(NotificationKind.PROBLEM_OPENED, alpha.get(0).kind());
        assertEquals("Problem: S100 at Alpha Station", alpha.get(0).title());
        assertEquals(1, f.service.unreadNotifications(f.operator));
        assertEquals(0, f.service.unreadNotifications(f.beta));

        f.at("2026-03-02T10:01:00Z");
        f.send(100, new MachineEvent.ErrorCleared(f.nextSeq(), t("2026-03-02T10:01:00Z"), "E7"));
        alpha = f.service.notifications(f.alpha, true, null).items();
        assertEquals(List.of(NotificationKind.PROBLEM_CLEARED, NotificationKind.PROBLEM_OPENED),
                alpha.stream().map(Notification::kind).toList());

        assertEquals(1, f.service.markRead(f.alpha, List.of(alpha.get(1).id())));
        assertEquals(1, f.service.clearRead(f.alpha), "clear removes only the read one");
        List<Notification> left = f.service.notifications(f.alpha, false, PageRequest.first(10)).items();
        assertEquals(1, left.size());
        assertNull(left.get(0).readAt());

        f.service.unsubscribe(f.alpha, 10);
        f.sweepAt("2026-03-02T10:04:00Z");
        f.heartbeat(100);
        assertEquals(1, f.service.notifications(f.alpha, false, null).total(), "unsubscribed: nothing new");
        assertEquals(List.of(NotificationKind.BACK_ONLINE, NotificationKind.PROBLEM_OPENED),
                f.service.notifications(f.operator, false, null).items().stream().limit(2)
                        .map(Notification::kind).toList(), "the operator still watches");
        assertEquals(1, f.service.problems(f.operator, new ProblemQuery(null, 10L, null, true, null)).total(),
                "101 is still silent");
        assertEquals(2, f.service.problems(f.operator, ProblemQuery.open()).total(), "so is 200");
        assertEquals(1, f.service.problems(f.alpha, ProblemQuery.open()).total(), "alpha sees its own only");
    }

    @Test
    void aWatchedProblemArrivesByEmailOverSmtp() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            Fixture f = new Fixture(t("2026-03-02T10:00:00Z"));
            f.service.mail = new SmtpMailService(new SmtpMailService.Settings("127.0.0.1", smtp.getSmtp().getPort(),
                    "monitoring@coffee.test", "", "", false, false, 5000));
            f.service.subscribe(f.alpha, 10, true);
            f.service.subscribe(f.operator, 10, false);
            f.send(101, new MachineEvent.ErrorRaised(f.nextSeq(), t("2026-03-02T09:00:00Z"), "E7", "Brewer jammed",
                    Severity.CRITICAL));
            assertTrue(smtp.waitForIncomingEmail(5000, 1));
            MimeMessage[] received = smtp.getReceivedMessages();
            assertEquals(1, received.length, "the operator chose in-app only");
            assertEquals("alpha@example.test", received[0].getAllRecipients()[0].toString());
            assertEquals("[Coffee Control] Problem: S101 at Alpha Station", received[0].getSubject());
            assertTrue(((String) received[0].getContent()).contains("E7 Brewer jammed"));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void healthTurnsDegradedWhenSweepsStop() throws Exception {
        Fixture f = new Fixture(t("2026-03-02T10:00:00Z"));
        f.heartbeat(100);
        HealthStatus ok = f.service.check();
        assertEquals(HealthStatus.State.UP, ok.state());
        assertEquals("1 of 3 machines online", ok.message());
        f.clock.advance(java.time.Duration.ofMinutes(2));
        assertEquals(HealthStatus.State.DEGRADED, f.service.check().state());
        f.engine().sweep();
        assertEquals(HealthStatus.State.UP, f.service.check().state());
    }

    @Test
    void emailsGoToTheUsersAddressAfterTheCommit() throws Exception {
        Fixture f = new Fixture(t("2026-03-02T10:00:00Z"));
        List<String> sent = new ArrayList<>();
        f.service.deliver(m -> {
            sent.add(m.to() + "|" + m.subject());
            return "<" + sent.size() + "@test>";
        },
                List.of(new Audience.Email("alpha", "[Coffee Control] Problem", "text"),
                        new Audience.Email("ghost", "[Coffee Control] Problem", "text")));
        assertEquals(List.of("alpha@example.test|[Coffee Control] Problem"), sent, "unknown users are skipped");
        assertTrue(f.service.maySee("alpha", 1));
        assertTrue(!f.service.maySee("alpha", 2));
    }
}
