package org.coffeecontrol.tickets.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.tickets.api.HistoryEntry;
import org.coffeecontrol.tickets.api.LineKind;
import org.coffeecontrol.tickets.api.NewTicket;
import org.coffeecontrol.tickets.api.PriorityRule;
import org.coffeecontrol.tickets.api.QueueItem;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketLine;
import org.coffeecontrol.tickets.api.TicketQuery;
import org.coffeecontrol.tickets.api.TicketSource;
import org.coffeecontrol.tickets.api.TicketState;
import org.coffeecontrol.tickets.api.TicketUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketServiceTest {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13 };

    Fleet fleet;
    TicketServiceImpl tickets;
    final List<String> journal = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        fleet = new Fleet();
        tickets = fleet.tickets(Settings.defaults());
        tickets.journal = (t, user, action) -> journal.add(t.number() + "|" + user + "|" + action);
    }

    Ticket repair(long posId, Long machine) {
        return tickets.create(fleet.operator, NewTicket.manual(posId, machine, "Grinder blocked"));
    }

    @Test
    void createTakesClientAndRegionFromThePointOfSale() {
        Ticket t = tickets.create(fleet.operator, new NewTicket(TicketSource.EMAIL, "MSG-1", "repair", null, null,
                100L, "Grinder Mahlkoenig #7", "Anna", "+7 900", "Milk system leaks", null));
        assertEquals("T000001", t.number());
        assertEquals(10L, t.posId());
        assertEquals(1L, t.clientId());
        assertEquals(5L, t.regionId());
        assertEquals("REPAIR", t.category());
        assertEquals(TicketState.NEW, t.state());
        assertEquals(t, tickets.byNumber(fleet.manager, "T000001"));
        assertEquals(t.id(), tickets.findByExternal(fleet.operator, TicketSource.EMAIL, "MSG-1").orElseThrow().id());
        assertEquals(List.of("CREATED"), tickets.history(fleet.operator, t.id()).stream().map(HistoryEntry::action).toList());
        assertEquals(1, journal.size());
    }

    @Test
    void duplicateExternalNumberIsAConflictAndStoresNothing() throws Exception {
        NewTicket in = new NewTicket(TicketSource.INTRASERVICE, "IS-77", null, null, 10L, null, null, null, null,
                "No coffee", null);
        tickets.create(fleet.operator, in);
        ConflictException e = assertThrows(ConflictException.class, () -> tickets.create(fleet.operator, in));
        assertTrue(e.getMessage().contains("IS-77"), e.getMessage());
        // the same number from another source is another ticket
        tickets.create(fleet.operator, new NewTicket(TicketSource.EKDS, "IS-77", null, null, 10L, null, null, null,
                null, "No coffee", null));
        assertEquals(2, fleet.count("SELECT COUNT(*) FROM cc_tkt_ticket"));
    }

    @Test
    void badInputNamesTheField() {
        assertEquals("reason", assertThrows(ValidationException.class,
                () -> tickets.create(fleet.operator, NewTicket.manual(10L, null, "  "))).field());
        assertEquals("equipmentId", assertThrows(ValidationException.class,
                () -> tickets.create(fleet.operator, NewTicket.manual(10L, 200L, "x"))).field());
        assertEquals("posId", assertThrows(ValidationException.class, () -> tickets.create(fleet.operator,
                new NewTicket(null, null, null, null, null, null, null, null, null, "x", null))).field());
        assertThrows(AccessDeniedException.class, () -> tickets.create(fleet.finance, NewTicket.manual(10L, null, "x")));
        assertThrows(NotFoundException.class, () -> tickets.create(fleet.clientOne, NewTicket.manual(20L, null, "x")));
    }

    @Test
    void operatorEscalatesAdminDispatchesMechanicCompletes() {
        Ticket t = repair(10L, 100L);
        Ticket taken = tickets.take(fleet.operator, t.id(), t.version());
        assertEquals(TicketState.IN_PROGRESS, taken.state());
        assertEquals("olga", taken.handledBy());

        // the second operator saw the same queue: he loses with a message that says who has it
        ConflictException race = assertThrows(ConflictException.class,
                () -> tickets.take(fleet.operator2, t.id(), t.version()));
        assertTrue(race.getMessage().contains("already taken by olga"), race.getMessage());

        Ticket escalated = tickets.escalate(fleet.operator, t.id(), taken.version(), "needs a new grinder");
        assertEquals(TicketState.NEW, escalated.state());
        assertTrue(escalated.fieldVisit());
        assertNull(escalated.handledBy());

        Ticket assigned = tickets.assign(fleet.serviceAdmin, t.id(), escalated.version(), "misha", null);
        assertEquals(TicketState.ASSIGNED, assigned.state());
        assertEquals("misha", assigned.executor());

        // the mechanic sees it among his own tickets only
        assertEquals(List.of(t.id()), tickets.search(fleet.mechanic, TicketQuery.all()).items().stream()
                .map(Ticket::id).toList());
        assertThrows(NotFoundException.class, () -> tickets.get(fleet.mechanic2, t.id()));

        Ticket started = tickets.transition(fleet.mechanic, t.id(), assigned.version(), TicketState.IN_PROGRESS, null);
        assertTrue(started.workStart() != null);
        Ticket withLines = tickets.saveLines(fleet.mechanic, t.id(), started.version(), List.of(
                new TicketLine(null, LineKind.PART, "GR-77", "Grinder burr set", new BigDecimal("2"), "SN-1", true),
                new TicketLine(null, LineKind.WORK, null, "Grinder replaced", new BigDecimal("1.5"), null, false)));
        assertEquals(2, withLines.lineCount());
        Ticket signed = tickets.sign(fleet.mechanic, t.id(), withLines.version(), PNG, "Shop manager Ivanova");
        assertTrue(signed.signed());
        assertArrayEquals(PNG, tickets.signature(fleet.serviceAdmin, t.id()).orElseThrow());
        Ticket done = tickets.transition(fleet.mechanic, t.id(), signed.version(), TicketState.DONE, null);
        assertTrue(done.workEnd() != null);
        Ticket closed = tickets.transition(fleet.serviceAdmin, t.id(), done.version(), TicketState.CLOSED, null);
        assertEquals(TicketState.CLOSED, closed.state());

        List<TicketLine> lines = tickets.lines(fleet.serviceAdmin, t.id());
        assertEquals(new BigDecimal("1.5"), lines.get(1).quantity());
        assertEquals(List.of("CREATED", "TAKEN", "ESCALATED", "ASSIGNED", "TRANSITION", "LINES", "SIGNED",
                "TRANSITION", "TRANSITION"), tickets.history(fleet.serviceAdmin, t.id()).stream()
                        .map(HistoryEntry::action).toList());
        assertEquals(9, journal.size());
        assertTrue(journal.get(3).contains("assigned to misha"), journal.get(3));
        // closed is final for everybody but the service administrator's send-back
        assertThrows(ConflictException.class, () -> tickets.saveLines(fleet.serviceAdmin, t.id(), closed.version(),
                List.of()));
    }

    @Test
    void forbiddenTransitionsAreRefusedAndChangeNothing() {
        Ticket t = repair(10L, null);
        ConflictException skip = assertThrows(ConflictException.class,
                () -> tickets.transition(fleet.serviceAdmin, t.id(), t.version(), TicketState.DONE, null));
        assertTrue(skip.getMessage().contains("cannot move to DONE"), skip.getMessage());
        ValidationException noReason = assertThrows(ValidationException.class,
                () -> tickets.transition(fleet.operator, t.id(), t.version(), TicketState.CANCELLED, " "));
        assertEquals("reason", noReason.field());
        Ticket assigned = tickets.assign(fleet.serviceAdmin, t.id(), t.version(), "misha", null);
        assertThrows(AccessDeniedException.class,
                () -> tickets.transition(fleet.mechanic, t.id(), assigned.version(), TicketState.CANCELLED, "no"));
        assertThrows(AccessDeniedException.class,
                () -> tickets.transition(fleet.operator, t.id(), assigned.version(), TicketState.IN_PROGRESS, null));
        assertEquals("executor", assertThrows(ValidationException.class,
                () -> tickets.assign(fleet.serviceAdmin, t.id(), assigned.version(), "fima", null)).field());
        Ticket same = tickets.get(fleet.serviceAdmin, t.id());
        assertEquals(assigned.version(), same.version());
        assertEquals(TicketState.ASSIGNED, same.state());

        Ticket cancelled = tickets.transition(fleet.operator, t.id(), same.version(), TicketState.CANCELLED,
                "problem gone");
        assertEquals("problem gone", cancelled.cancelReason());
        assertThrows(ConflictException.class, () -> tickets.transition(fleet.serviceAdmin, t.id(),
                cancelled.version(), TicketState.IN_PROGRESS, "again"));
    }

    @Test
    void staleVersionSaysWhoChangedIt() {
        Ticket t = repair(10L, null);
        tickets.update(fleet.serviceAdmin, t.id(), TicketUpdate.of(t));
        ConflictException e = assertThrows(ConflictException.class,
                () -> tickets.update(fleet.operator, t.id(), TicketUpdate.of(t)));
        assertTrue(e.getMessage().contains("sasha"), e.getMessage());
    }

    @Test
    void remoteResolutionClosesWithTheResult() {
        Ticket t = repair(10L, 100L);
        assertEquals("result", assertThrows(ValidationException.class,
                () -> tickets.resolveRemotely(fleet.operator, t.id(), t.version(), "")).field());
        Ticket closed = tickets.resolveRemotely(fleet.operator, t.id(), t.version(), "rebooted over SSH");
        assertEquals(TicketState.CLOSED, closed.state());
        assertEquals("rebooted over SSH", closed.result());
    }

    @Test
    void clientsSeeOnlyTheirTickets() {
        Ticket mine = repair(10L, null);
        Ticket theirs = repair(20L, null);
        assertEquals(List.of(mine.id()), tickets.search(fleet.clientOne, TicketQuery.all()).items().stream()
                .map(Ticket::id).toList());
        assertThrows(NotFoundException.class, () -> tickets.get(fleet.clientOne, theirs.id()));
        assertThrows(NotFoundException.class, () -> tickets.history(fleet.clientOne, theirs.id()));
        assertThrows(AccessDeniedException.class, () -> tickets.search(fleet.finance, TicketQuery.all()));
    }

    @Test
    void attachmentsAreSizeLimited() throws Exception {
        tickets = new TicketServiceImpl(fleet.ds, fleet.catalog(), fleet.users(), new Settings(16, 2048,
                Settings.parseVisits("A=1"), List.of(), java.time.ZoneOffset.UTC, 3, java.time.LocalTime.MIN,
                java.time.LocalTime.MAX), java.time.Clock.systemUTC());
        Ticket t = repair(10L, null);
        var a = tickets.attach(fleet.operator, t.id(), "photo/1.jpg", "image/jpeg", "0123456789".getBytes());
        assertEquals("photo_1.jpg", a.fileName());
        assertArrayEquals("0123456789".getBytes(), tickets.attachmentContent(fleet.manager, t.id(), a.id()));
        assertEquals("content", assertThrows(ValidationException.class, () -> tickets.attach(fleet.operator, t.id(),
                "big.bin", null, new byte[17])).field());
        assertEquals(1, tickets.get(fleet.operator, t.id()).attachmentCount());
        tickets.detach(fleet.operator, t.id(), a.id());
        assertTrue(tickets.attachments(fleet.operator, t.id()).isEmpty());
    }

    @Test
    void notesAndRemovedFilesReachTheJournal() {
        Ticket t = repair(10L, null);
        var a = tickets.attach(fleet.operator, t.id(), "photo.jpg", "image/jpeg", "0123456789".getBytes());
        tickets.detach(fleet.operator, t.id(), a.id());
        tickets.note(fleet.operator, t.id(), "Service act sent by e-mail to pos@example.test");
        assertEquals(List.of(t.number() + "|olga|Ticket " + t.number() + " opened (MANUAL)",
                t.number() + "|olga|Ticket " + t.number() + ": file photo.jpg attached",
                t.number() + "|olga|Ticket " + t.number() + ": file photo.jpg removed",
                t.number() + "|olga|Ticket " + t.number() + ": Service act sent by e-mail to pos@example.test"),
                journal);
        assertTrue(tickets.history(fleet.operator, t.id()).stream().anyMatch(h -> "DETACHED".equals(h.action())
                && h.detail().contains("photo.jpg")));
        // a file of another ticket (or one already removed) is not found, and nothing reaches the journal
        assertThrows(NotFoundException.class, () -> tickets.detach(fleet.operator, t.id(), a.id()));
        assertEquals(4, journal.size());
    }

    @Test
    void queueOrdersByRulesThenArrival() {
        Ticket first = repair(10L, null);
        Ticket second = repair(20L, null);
        Ticket third = tickets.create(fleet.operator, new NewTicket(null, null, "coffee overuse", null, 10L, null,
                null, null, null, "Too much coffee", null));
        assertEquals(List.of(first.id(), second.id(), third.id()), ids(tickets.queue(fleet.operator)));

        assertThrows(AccessDeniedException.class, () -> tickets.savePriorityRule(fleet.operator,
                new PriorityRule(null, "x", null, null, null, null, 1)));
        tickets.savePriorityRule(fleet.manager, new PriorityRule(null, "SLA B first", null, null, "b", null, 10));
        PriorityRule overuse = tickets.savePriorityRule(fleet.manager,
                new PriorityRule(null, "overuse", null, "COFFEE OVERUSE", null, null, 20));
        List<QueueItem> q = tickets.queue(fleet.operator);
        assertEquals(List.of(third.id(), second.id(), first.id()), ids(q));
        assertEquals(List.of("overuse"), q.get(0).rules());

        tickets.deletePriorityRule(fleet.manager, overuse.id());
        // escalated tickets leave the queue for dispatch
        tickets.escalate(fleet.operator, second.id(), second.version(), null);
        assertEquals(List.of(first.id(), third.id()), ids(tickets.queue(fleet.operator)));
        assertFalse(ids(tickets.queue(fleet.manager)).contains(second.id()));
    }

    private static List<Long> ids(List<QueueItem> q) {
        return q.stream().map(i -> i.ticket().id()).toList();
    }

    @Test
    void schemaMigrationRunsOnce() throws Exception {
        fleet.tickets(Settings.defaults());
        assertEquals(1, fleet.count("SELECT COUNT(*) FROM cc_tkt_schema"));
        assertEquals(Set.of(1L), Set.of(fleet.count("SELECT MAX(version) FROM cc_tkt_schema")));
    }
}
