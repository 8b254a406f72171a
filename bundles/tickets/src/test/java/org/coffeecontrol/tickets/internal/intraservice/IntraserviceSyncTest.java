package org.coffeecontrol.tickets.internal.intraservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.InboxItem;
import org.coffeecontrol.tickets.api.IntraserviceSyncResult;
import org.coffeecontrol.tickets.api.NewTicket;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketQuery;
import org.coffeecontrol.tickets.api.TicketSource;
import org.coffeecontrol.tickets.api.TicketState;
import org.coffeecontrol.tickets.internal.SourcesFixture;
import org.coffeecontrol.tickets.internal.mail.InboxStore;
import org.coffeecontrol.tickets.internal.mail.MailImporter;
import org.coffeecontrol.tickets.internal.mail.TicketInboxImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against the local fake that follows the documented contract, with the real ticket service. */
class IntraserviceSyncTest {

    private FakeIntraservice fake;
    private SourcesFixture f;
    private IntraserviceSyncImpl sync;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeIntraservice("coffee", "s3cret");
        f = new SourcesFixture();
        sync = new IntraserviceSyncImpl(new IntraserviceClient(new IntraserviceClient.Settings(fake.url(), "coffee",
                "s3cret", FakeIntraservice.CLIENT_TIMEOUT_MILLIS)), IntraserviceSyncImpl.Mapping.parse(7, 12, 31,
                        "ASSIGNED=27,IN_PROGRESS=27,DONE=29,CLOSED=28,CANCELLED=30", "28,30"), f.db, f.tickets, f.catalog, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private List<Ticket> imported() {
        return f.tickets.search(Caller.system(), TicketQuery.all()).items().stream()
                .filter(t -> t.source() == TicketSource.INTRASERVICE).toList();
    }

    @Test
    void tasksComeInStatusesGoBothWaysAndFieldTicketsGoOut() {
        long a = fake.add("Не работает кофемашина P10", "Заявитель: Анна", 31).get("Id").asLong();
        long b = fake.add("Кофемашина в аэропорту", "адрес неизвестен", 31).get("Id").asLong();
        fake.add("Old closed task at P10", null, 28);

        IntraserviceSyncResult first = sync.sync(f.operator());
        assertEquals(new IntraserviceSyncResult(1, 1, 0, 0, 0, List.of()), first);
        Ticket t = imported().get(0);
        assertEquals(String.valueOf(a), t.externalNumber());
        assertEquals(10L, t.posId());
        assertEquals("Helpdesk Operator", t.applicant());
        assertEquals(new IntraserviceSyncResult(0, 0, 0, 0, 0, List.of()), sync.sync(f.operator()),
                "nothing changed since");

        t = f.tickets.assign(f.serviceAdmin(), t.id(), t.version(), "misha", null);
        fake.clock = fake.clock.plusMinutes(1);
        assertEquals(1, sync.sync(f.operator()).statusOut());
        assertEquals(27, fake.tasks.get(a).get("StatusId").asInt());
        assertTrue(fake.comments.get(0).startsWith(a + ": Coffee Control " + t.number() + ": ASSIGNED"),
                fake.comments.toString());
        assertEquals(0, sync.sync(f.operator()).statusOut(), "our own change does not come back as theirs");

        fake.clock = fake.clock.plusMinutes(1);
        fake.change(a, 30);
        assertEquals(1, sync.sync(f.operator()).statusIn());
        Ticket cancelled = f.tickets.get(Caller.system(), t.id());
        assertEquals(TicketState.CANCELLED, cancelled.state());
        assertTrue(cancelled.cancelReason().contains("closed in Intraservice"), cancelled.cancelReason());

        // the task without a POS waits in triage; assigned by a person, it is linked and synchronised from then on
        TicketInboxImpl inbox = new TicketInboxImpl(new MailImporter(new InboxStore(f.db.jdbc()), f.tickets,
                f.catalog, Clock.systemUTC()), f.tickets, f.catalog, Clock.systemUTC());
        InboxItem item = inbox.list(f.operator(), true, null).items().get(0);
        assertEquals(TicketSource.INTRASERVICE, item.source());
        Ticket assigned = inbox.assign(f.operator(), item.id(), 30L, null);
        assertEquals(String.valueOf(b), assigned.externalNumber());
        f.tickets.assign(f.serviceAdmin(), assigned.id(), assigned.version(), "maks", null);

        // a field ticket of an Intraservice-routed POS goes out as a task, once
        Ticket field = f.tickets.create(f.operator(), NewTicket.manual(10L, 100L, "Течёт молоко"));
        f.tickets.escalate(f.operator(), field.id(), field.version(), "нужен выезд");
        Ticket ekds = f.tickets.create(f.operator(), NewTicket.manual(20L, null, "EKDS route, not ours"));
        f.tickets.escalate(f.operator(), ekds.id(), ekds.version(), "выезд");
        IntraserviceSyncResult out = sync.sync(f.serviceAdmin());
        assertEquals(1, out.exported(), out.toString());
        assertEquals(1, out.statusOut(), "the assigned triage ticket: " + out);
        assertEquals(27, fake.tasks.get(b).get("StatusId").asInt());
        long created = fake.tasks.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(fake.tasks.get(created).get("Name").asText().startsWith(field.number() + ": Shell Tverskaya"));
        assertEquals(0, sync.sync(f.serviceAdmin()).exported());
    }

    @Test
    void aBrokenServerIsReportedAndChangesNothing() {
        fake.add("P10 broken", null, 31);
        fake.cannedStatus = 200;
        fake.cannedBody = "{\"Tasks\":[{\"Id\":\"x\"}]}";
        IntraserviceSyncResult r = sync.sync(f.operator());
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).contains("without a positive 'Id'"), r.errors().toString());
        assertEquals(0, imported().size());
        fake.cannedStatus = null;
        assertEquals(1, sync.sync(f.operator()).imported(), "the next sync picks it up");
        assertThrows(AccessDeniedException.class, () -> sync.sync(f.mechanic()));
    }
}
