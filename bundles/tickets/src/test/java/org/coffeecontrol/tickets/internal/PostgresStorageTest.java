package org.coffeecontrol.tickets.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.List;
import java.util.Set;

import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.tickets.api.Attachment;
import org.coffeecontrol.tickets.api.LineKind;
import org.coffeecontrol.tickets.api.NewTicket;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketLine;
import org.coffeecontrol.tickets.api.TicketQuery;
import org.coffeecontrol.tickets.api.TicketSource;
import org.coffeecontrol.tickets.api.TicketState;
import org.coffeecontrol.tickets.internal.sources.SourcesDatabase;
import org.junit.jupiter.api.Test;

/**
 * The ticket storage on a real PostgreSQL, in every build that has the server binaries (skipped, saying so,
 * elsewhere): both schema histories apply, and the statements that differ most between databases — identity keys,
 * BYTEA, booleans, decimals, OFFSET/FETCH paging, the unique external number — behave as on Derby. The whole unit
 * suite runs on PostgreSQL with {@code -Ppostgresql}.
 */
class PostgresStorageTest {

    @Test
    void ticketsAndSourcesSchemasAndStatementsWorkOnPostgres() throws Exception {
        Fleet fleet = new Fleet(TestDatabase.freshPostgres());
        try (Connection c = fleet.ds.getConnection()) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
        }
        TicketServiceImpl tickets = fleet.tickets(Settings.defaults());
        new SourcesDatabase(fleet.ds);
        // a second start finds both histories complete and changes nothing
        assertEquals(Schema.SCRIPTS.size(), Schema.migrate(fleet.ds));
        new SourcesDatabase(fleet.ds);

        Ticket t = tickets.create(fleet.operator, new NewTicket(TicketSource.EMAIL, "MSG-PG-1", "repair", null, null,
                100L, null, "Анна", null, "Не работает капучинатор", null));
        assertEquals("T000001", t.number());
        assertThrows(ConflictException.class, () -> tickets.create(fleet.operator, new NewTicket(TicketSource.EMAIL,
                "MSG-PG-1", null, null, 10L, null, null, null, null, "again", null)));
        Ticket taken = tickets.take(fleet.operator, t.id(), t.version());
        Ticket escalated = tickets.escalate(fleet.operator, t.id(), taken.version(), "needs a visit");
        assertTrue(escalated.fieldVisit());
        assertEquals(TicketState.NEW, escalated.state());
        assertTrue(tickets.queue(fleet.operator).stream().noneMatch(q -> q.ticket().id() == t.id()),
                "an escalated ticket leaves the operator queue");

        Ticket assigned = tickets.assign(fleet.serviceAdmin, t.id(), escalated.version(), "misha", null);
        tickets.saveLines(fleet.mechanic, t.id(), assigned.version(), List.of(new TicketLine(null,
                LineKind.PART, "PUMP-12", "Насос молока", new BigDecimal("1.250"), "MP-1", true)));
        assertEquals(0, new BigDecimal("1.25").compareTo(tickets.lines(fleet.mechanic, t.id()).get(0).quantity()));
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13 };
        Attachment a = tickets.attach(fleet.mechanic, t.id(), "photo.png", "image/png", png);
        assertArrayEquals(png, tickets.attachmentContent(fleet.mechanic, t.id(), a.id()));
        Ticket signed = tickets.sign(fleet.mechanic, t.id(), tickets.get(fleet.mechanic, t.id()).version(), png, "Анна");
        assertTrue(signed.signed());

        for (int i = 0; i < 5; i++) {
            tickets.create(fleet.operator, NewTicket.manual(10L, null, "Grinder " + i));
        }
        var page = tickets.search(fleet.manager, new TicketQuery(null, Set.of(TicketState.NEW), null, null, 10L,
                null, null, null, null, null, false, new PageRequest(2, 2)));
        assertEquals(5, page.total());
        assertEquals(2, page.items().size());
        assertEquals(List.of("Grinder 2", "Grinder 1"), page.items().stream().map(Ticket::reason).toList());
    }
}
