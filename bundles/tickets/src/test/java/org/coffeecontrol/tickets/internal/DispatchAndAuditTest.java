package org.coffeecontrol.tickets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.tickets.api.AuditPlan;
import org.coffeecontrol.tickets.api.AuditRequest;
import org.coffeecontrol.tickets.api.AuditRunResult;
import org.coffeecontrol.tickets.api.Checklist;
import org.coffeecontrol.tickets.api.ChecklistAnswer;
import org.coffeecontrol.tickets.api.ChecklistItem;
import org.coffeecontrol.tickets.api.DispatchAdvice;
import org.coffeecontrol.tickets.api.Mechanic;
import org.coffeecontrol.tickets.api.MechanicCandidate;
import org.coffeecontrol.tickets.api.NewTicket;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketQuery;
import org.coffeecontrol.tickets.api.TicketSource;
import org.coffeecontrol.tickets.api.TicketState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DispatchAndAuditTest {

    /** A Wednesday at 10:00 UTC: inside default working hours. */
    static final Clock WEDNESDAY = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    Fleet fleet;
    TicketServiceImpl tickets;
    DispatchServiceImpl dispatch;
    AuditServiceImpl audits;

    @BeforeEach
    void setUp() throws Exception {
        fleet = new Fleet();
        Settings s = Settings.defaults();
        tickets = new TicketServiceImpl(fleet.ds, fleet.catalog(), fleet.users(), s, WEDNESDAY);
        dispatch = new DispatchServiceImpl(new FieldDesk(fleet.ds, tickets, fleet.catalog(), fleet.users(), s, WEDNESDAY));
        audits = new AuditServiceImpl(new FieldDesk(fleet.ds, tickets, fleet.catalog(), fleet.users(), s, WEDNESDAY));
    }

    @Test
    void suggestsTheFreeMechanicNearestToThePos() {
        // misha lives in Kazan, maks in Moscow; the POS is in Moscow
        dispatch.saveMechanic(fleet.serviceAdmin, new Mechanic("misha", "Misha", 55.79, 49.12, Set.of(), null, null, 2, true));
        dispatch.saveMechanic(fleet.serviceAdmin, new Mechanic("maks", "Maks", 55.75, 37.62, Set.of(), null, null, 1, true));
        Ticket t = tickets.create(fleet.operator, NewTicket.manual(10L, 100L, "Leak"));
        DispatchAdvice advice = dispatch.advise(fleet.serviceAdmin, t.id());
        assertEquals("INTRASERVICE", advice.route());
        assertEquals("CoffeeService LLC", advice.organisation());
        assertEquals("misha", advice.posMechanic());
        assertEquals("maks", advice.suggested());
        assertTrue(advice.candidates().get(0).distanceKm() < 5, advice.toString());

        // maks gets a ticket and reaches his limit of one: now misha is the free one, although farther away
        Ticket other = tickets.create(fleet.operator, NewTicket.manual(10L, null, "Other"));
        tickets.assign(fleet.serviceAdmin, other.id(), other.version(), "maks", null);
        DispatchAdvice after = dispatch.advise(fleet.serviceAdmin, t.id());
        assertEquals("misha", after.suggested());
        MechanicCandidate maks = after.candidates().stream().filter(c -> c.username().equals("maks")).findFirst().orElseThrow();
        assertFalse(maks.free());
        assertEquals(1, maks.openTickets());
        assertThrows(AccessDeniedException.class, () -> dispatch.advise(fleet.mechanic, t.id()));
    }

    @Test
    void nobodyIsFreeOutsideWorkingHours() {
        dispatch.saveMechanic(fleet.serviceAdmin, new Mechanic("misha", null, null, null, Set.of(DayOfWeek.MONDAY),
                null, null, 3, true));
        dispatch.saveMechanic(fleet.serviceAdmin, new Mechanic("maks", null, null, null, Set.of(),
                LocalTime.of(12, 0), LocalTime.of(20, 0), 3, true));
        Ticket t = tickets.create(fleet.operator, NewTicket.manual(10L, null, "Leak"));
        assertNull(dispatch.advise(fleet.serviceAdmin, t.id()).suggested());
        Mechanic always = dispatch.saveMechanic(fleet.serviceAdmin, new Mechanic("maks", null, null, null,
                Set.of(DayOfWeek.values()), null, null, 3, true));
        assertEquals(Set.of(DayOfWeek.values()), dispatch.mechanic(fleet.serviceAdmin, "maks").workDays());
        assertEquals("maks", dispatch.advise(fleet.serviceAdmin, t.id()).suggested(), always.toString());
        assertEquals("username", assertThrows(ValidationException.class, () -> dispatch.saveMechanic(
                fleet.serviceAdmin, new Mechanic("olga", null, null, null, Set.of(), null, null, 3, true))).field());
        assertEquals("workEnd", assertThrows(ValidationException.class, () -> dispatch.saveMechanic(
                fleet.serviceAdmin, new Mechanic("misha", null, null, null, Set.of(), LocalTime.NOON,
                        LocalTime.of(9, 0), 3, true))).field());
    }

    @Test
    void monthlyAuditRunIsIdempotentAndAssignsThePosAuditMechanic() {
        YearMonth dec = YearMonth.of(2026, 12);
        AuditPlan plan = audits.preview(fleet.serviceAdmin, new AuditRequest(null, null, null));
        assertEquals(dec, plan.month());
        // SLA A = 4 visits at P10, B = 2 at P20, none at P30 (no SLA level)
        assertEquals(6, plan.toCreate());
        assertEquals(1, plan.warnings().stream().filter(w -> w.contains("No SLA")).count());
        assertEquals(0, countTickets());

        List<int[]> progress = new ArrayList<>();
        AuditRunResult run = audits.run(fleet.serviceAdmin, new AuditRequest(dec, null, null),
                (d, total) -> progress.add(new int[] { d, total }));
        assertEquals(6, run.created());
        assertEquals(6, progress.size());
        assertEquals(6, progress.get(5)[0]);
        List<Ticket> created = tickets.search(fleet.serviceAdmin, new TicketQuery(null, null, TicketSource.AUDIT,
                1L, null, null, null, null, null, null, null, null)).items();
        assertEquals(4, created.size());
        assertTrue(created.stream().allMatch(t -> t.state() == TicketState.ASSIGNED && "maks".equals(t.executor())));

        AuditRunResult again = audits.run(fleet.serviceAdmin, new AuditRequest(dec, null, null), null);
        assertEquals(0, again.created());
        assertEquals(6, again.skipped());
        assertEquals(6, countTickets());
        assertEquals(0, audits.preview(fleet.serviceAdmin, new AuditRequest(dec, null, null)).toCreate());
        assertThrows(AccessDeniedException.class, () -> audits.preview(fleet.operator, new AuditRequest(dec, null, null)));
        assertEquals("mechanic", assertThrows(ValidationException.class, () -> audits.preview(fleet.serviceAdmin,
                new AuditRequest(dec, "olga", null))).field());
    }

    private int countTickets() {
        return (int) tickets.search(fleet.serviceAdmin, TicketQuery.all()).total();
    }

    @Test
    void checklistStartsFromTheTemplateAndCompletesOnlyWhenAnswered() {
        audits.run(fleet.serviceAdmin, new AuditRequest(YearMonth.of(2026, 12), null, 1L), null);
        Ticket t = tickets.search(fleet.serviceAdmin, TicketQuery.all()).items().get(0);
        Checklist blank = audits.checklist(fleet.mechanic2, t.id());
        assertEquals(Settings.defaults().checklistTemplate(), blank.items());
        List<ChecklistItem> half = new ArrayList<>(blank.items());
        half.set(0, new ChecklistItem(half.get(0).key(), half.get(0).label(), ChecklistAnswer.NOT_OK, "dirty"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> audits.saveChecklist(fleet.mechanic2, t.id(), half, true));
        assertEquals("items[1].answer", e.field());
        audits.saveChecklist(fleet.mechanic2, t.id(), half, false);
        List<ChecklistItem> all = half.stream().map(i -> i.answer() != null ? i
                : new ChecklistItem(i.key(), i.label(), ChecklistAnswer.OK, null)).toList();
        Checklist done = audits.saveChecklist(fleet.mechanic2, t.id(), all, true);
        assertTrue(done.complete());
        assertEquals("maks", done.completedBy());
        List<Checklist> report = audits.completedChecklists(fleet.manager, null, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"));
        assertEquals(1, report.size());
        assertEquals(ChecklistAnswer.NOT_OK, report.get(0).items().get(0).answer());
        assertTrue(audits.completedChecklists(fleet.clientOne, 2L, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z")).isEmpty());
        // another engineer does not even see the ticket
        assertThrows(org.coffeecontrol.api.NotFoundException.class, () -> audits.checklist(fleet.mechanic, t.id()));
    }

    @Test
    void distanceIsGreatCircle() {
        // Moscow to Kazan is about 720 km as the crow flies
        double km = DispatchServiceImpl.distanceKm(55.7558, 37.6173, 55.7963, 49.1088);
        assertTrue(km > 700 && km < 740, String.valueOf(km));
    }
}
