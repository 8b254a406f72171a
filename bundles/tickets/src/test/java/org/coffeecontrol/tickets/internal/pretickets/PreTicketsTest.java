package org.coffeecontrol.tickets.internal.pretickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.monitoring.api.MonitoringService;
import org.coffeecontrol.monitoring.api.Problem;
import org.coffeecontrol.monitoring.api.ProblemKind;
import org.coffeecontrol.monitoring.api.ProblemQuery;
import org.coffeecontrol.remote.api.DriftReport;
import org.coffeecontrol.remote.api.MachineDrift;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.RecipeDeviation;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketQuery;
import org.coffeecontrol.tickets.api.TicketSource;
import org.coffeecontrol.tickets.api.TicketState;
import org.coffeecontrol.tickets.internal.SourcesFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreTicketsTest {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    SourcesFixture f;
    AutoTickets auto;
    /** What the sweep reads as monitoring's open problems. */
    final List<Problem> open = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        f = new SourcesFixture();
        auto = new AutoTickets(f.db, f.tickets, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    PreTickets preTickets(String codes) {
        MonitoringService monitoring = (MonitoringService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { MonitoringService.class }, (proxy, m, args) -> {
                    if (m.getName().equals("problems")) {
                        ProblemQuery q = (ProblemQuery) args[1];
                        List<Problem> items = open.stream().skip(q.page().offset()).limit(q.page().limit()).toList();
                        return new Page<>(items, open.size(), q.page().offset(), q.page().limit());
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return new PreTickets(auto, monitoring, codes, 60, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Problem critical(long id, long equipmentId, String code, Instant end) {
        return new Problem(id, equipmentId, "WMF-" + equipmentId, equipmentId == 100 ? 10L : 20L,
                equipmentId == 100 ? 1L : 2L, ProblemKind.CRITICAL_ERROR, code, code + " Brewer jammed",
                NOW.minusSeconds(120), end);
    }

    List<Ticket> tickets(TicketSource source) {
        return f.tickets.search(Caller.system(), TicketQuery.all()).items().stream()
                .filter(t -> t.source() == source).toList();
    }

    @Test
    void aCriticalProblemOpensOnePreTicketPerMachineAndErrorWhileOpen() {
        PreTickets pre = preTickets("*");
        pre.opened(critical(1, 100, "E7", null));
        List<Ticket> opened = tickets(TicketSource.PRE_TICKET);
        assertEquals(1, opened.size());
        Ticket t = opened.get(0);
        assertEquals("P1", t.externalNumber());
        assertEquals(10L, t.posId());
        assertEquals(100L, t.equipmentId());
        assertEquals(TicketState.NEW, t.state());
        assertTrue(t.reason().startsWith("Critical error E7 Brewer jammed on WMF-100 since 2026-03-02 11:58"),
                t.reason());

        pre.opened(critical(1, 100, "E7", null)); // told twice
        pre.opened(critical(2, 100, "E7", null)); // the error came back while the ticket is open
        open.add(critical(2, 100, "E7", null));
        assertEquals(0, pre.sweep());
        assertEquals(1, tickets(TicketSource.PRE_TICKET).size(), "no duplicate while one is open");

        pre.opened(critical(3, 100, "E9", null)); // another error of the same machine is another cause
        pre.opened(critical(4, 200, "E7", null)); // the same error on another machine too
        assertEquals(3, tickets(TicketSource.PRE_TICKET).size());

        pre.closed(critical(1, 100, "E7", NOW));
        assertTrue(f.tickets.history(Caller.system(), t.id()).stream()
                .anyMatch(h -> "NOTE".equals(h.action()) && h.detail().startsWith("Problem cleared at 2026-03-02 "
                        + "12:00")), "the operator learns the problem is gone");

        Ticket current = f.tickets.get(Caller.system(), t.id());
        f.tickets.transition(f.operator(), t.id(), current.version(), TicketState.CANCELLED, "problem gone");
        pre.opened(critical(5, 100, "E7", null));
        assertEquals(4, tickets(TicketSource.PRE_TICKET).size(), "a new one once the old one is closed");
    }

    @Test
    void onlyConfiguredCodesOpenPreTicketsAndTheSweepCatchesUpMissedOnes() {
        PreTickets pre = preTickets("E7, e8");
        pre.opened(critical(1, 100, "E9", null));
        assertEquals(0, tickets(TicketSource.PRE_TICKET).size());
        open.add(critical(2, 100, "E8", null)); // opened while the tickets bundle was away
        open.add(critical(3, 200, "E9", null));
        assertEquals(1, pre.sweep());
        assertEquals("P2", tickets(TicketSource.PRE_TICKET).get(0).externalNumber());
        assertEquals(0, preTickets("").sweep(), "empty: none");
    }

    @Test
    void aMachineNotOnlineLongerThanTheLimitBecomesAFinding() {
        PreTickets pre = preTickets("*");
        open.add(new Problem(7, 100, "WMF-100", 10L, 1L, ProblemKind.NOT_ONLINE, null, "no contact since 10:30",
                NOW.minusSeconds(59 * 60), null));
        assertEquals(0, pre.sweep(), "59 minutes: not yet");
        open.set(0, new Problem(7, 100, "WMF-100", 10L, 1L, ProblemKind.NOT_ONLINE, null, "no contact since 10:30",
                NOW.minusSeconds(90 * 60), null));
        assertEquals(1, pre.sweep());
        assertEquals(0, pre.sweep());
        Ticket finding = tickets(TicketSource.FINDING).get(0);
        assertEquals("REMOTE", finding.category());
        assertTrue(finding.reason().startsWith("Connectivity: WMF-100 not online since 2026-03-02 10:30"),
                finding.reason());
    }

    @Test
    void recipeDriftOpensAFindingForDeviatingMachinesOnly() {
        RecipeDriftFindings drift = new RecipeDriftFindings(auto, null, f.catalog);
        DriftReport report = new DriftReport(NOW, 3, List.of(
                new MachineDrift(100, "WMF-100", "1500S+", 1, Outcome.OK, null, List.of(new RecipeDeviation("1",
                        "Americano 200", "coffee_g", new java.math.BigDecimal("9"), new java.math.BigDecimal("12"),
                        null))),
                new MachineDrift(200, "WMF-200", "1500S+", 2, Outcome.UNREACHABLE, "timeout", List.of()),
                new MachineDrift(200, "WMF-200", "1500S+", 2, Outcome.OK, null, List.of())));
        assertEquals(1, drift.check(report));
        assertEquals(0, drift.check(report), "one open finding per machine");
        Ticket t = tickets(TicketSource.FINDING).get(0);
        assertTrue(t.reason().contains("Americano 200 coffee_g: 12 instead of 9"), t.reason());
    }
}
