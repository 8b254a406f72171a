package org.coffeecontrol.monitoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.Severity;
import org.coffeecontrol.monitoring.api.JournalEntry;
import org.coffeecontrol.monitoring.api.JournalQuery;
import org.coffeecontrol.monitoring.api.JournalSource;
import org.coffeecontrol.monitoring.api.MachineState;
import org.coffeecontrol.monitoring.api.MachineStatus;
import org.coffeecontrol.monitoring.api.PosOverview;
import org.coffeecontrol.monitoring.api.Problem;
import org.coffeecontrol.monitoring.api.ProblemKind;
import org.coffeecontrol.monitoring.api.ProblemQuery;
import org.coffeecontrol.monitoring.api.Scope;
import org.junit.jupiter.api.Test;

class EngineTest {

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    private static List<Problem> problems(Fixture f, long equipmentId) {
        return f.service.problems(f.operator, new ProblemQuery(null, null, equipmentId, false, null)).items();
    }

    @Test
    void silenceDuringOpeningHoursBecomesNotOnlineAndContactClosesIt() throws Exception {
        Fixture f = new Fixture(t("2026-03-02T09:59:00Z"));
        f.at("2026-03-02T10:00:00Z");
        f.heartbeat(100);
        assertEquals(MachineStatus.OK, f.service.machine(f.operator, 100).status());

        f.sweepAt("2026-03-02T10:02:59Z");
        assertEquals(MachineStatus.OK, f.service.machine(f.operator, 100).status(), "within the interval");
        assertTrue(problems(f, 100).isEmpty());

        f.sweepAt("2026-03-02T10:03:00Z");
        MachineState down = f.service.machine(f.operator, 100);
        assertEquals(MachineStatus.NOT_ONLINE, down.status());
        assertFalse(down.online());
        Problem p = problems(f, 100).get(0);
        assertEquals(ProblemKind.NOT_ONLINE, p.kind());
        assertEquals(t("2026-03-02T10:00:00Z"), p.start(), "down since the last contact");
        assertNull(p.end());

        f.sweepAt("2026-03-02T10:05:00Z");
        assertEquals(1, problems(f, 100).size(), "one outage, one problem");

        f.at("2026-03-02T10:10:00Z");
        f.heartbeat(100);
        assertEquals(MachineStatus.OK, f.service.machine(f.operator, 100).status());
        assertEquals(t("2026-03-02T10:10:00Z"), problems(f, 100).get(0).end());

        List<JournalEntry> journal = f.service.journal(f.operator, JournalQuery.equipment(100)).items();
        assertEquals(2, journal.size());
        assertEquals(JournalSource.MONITORING, journal.get(0).source());
        assertEquals("back online after 10 min", journal.get(0).result());
        assertEquals("problem detected", journal.get(1).result());
        assertEquals(Engine.SYSTEM, journal.get(1).operator());
    }

    @Test
    void silentOutsideOpeningHoursIsClosedAndOpeningGivesAGrace() throws Exception {
        Fixture f = new Fixture(t("2026-03-02T19:54:00Z"));
        f.at("2026-03-02T19:55:00Z");
        f.heartbeat(100);
        f.sweepAt("2026-03-02T20:30:00Z");
        assertEquals(MachineStatus.CLOSED, f.service.machine(f.operator, 100).status());
        assertTrue(problems(f, 100).isEmpty(), "closed is not down");

        f.sweepAt("2026-03-03T08:02:00Z");
        assertTrue(problems(f, 100).isEmpty(), "silence counts from opening, not from last night");
        assertEquals(MachineStatus.CLOSED, f.service.machine(f.operator, 100).status(), "no flapping in the grace");

        f.sweepAt("2026-03-03T08:03:00Z");
        assertEquals(MachineStatus.NOT_ONLINE, f.service.machine(f.operator, 100).status());
        assertEquals(t("2026-03-03T08:00:00Z"), problems(f, 100).get(0).start());
    }

    /**
     * The platform reads hours in UTC; a POS in Novosibirsk (UTC+7) is open 08:00-20:00 of its own clock, which is
     * 01:00-13:00 UTC: at 13:30 UTC it is closed (not down), at 01:00 UTC it opens, and its uptime counts its hours.
     */
    @Test
    void aPosInAnotherZoneIsClosedOrDownByItsOwnLocalHours() throws Exception {
        Fixture f = new Fixture(t("2026-03-02T12:50:00Z"));
        f.catalog.addPos(30, 1, "Gamma Novosibirsk", Fixture.DAYTIME, null, "Asia/Novosibirsk");
        f.catalog.addMachine(300, "S300", 30L);
        f.restart();
        f.heartbeat(300);
        f.sweepAt("2026-03-02T13:30:00Z");
        assertEquals(MachineStatus.CLOSED, f.service.machine(f.operator, 300).status(), "20:30 in Novosibirsk");
        assertTrue(problems(f, 300).isEmpty(), "silent after its closing time is closed, not down");

        f.sweepAt("2026-03-03T01:02:00Z");
        assertTrue(problems(f, 300).isEmpty(), "08:02 local: silence counts from its opening");
        f.sweepAt("2026-03-03T01:03:00Z");
        assertEquals(MachineStatus.NOT_ONLINE, f.service.machine(f.operator, 300).status());
        assertEquals(t("2026-03-03T01:00:00Z"), problems(f, 300).get(0).start(), "opened at 08:00 local");

        f.at("2026-03-03T05:00:00Z");
        f.heartbeat(300);
        f.clock.set(t("2026-03-03T10:00:00Z"));
        org.coffeecontrol.monitoring.api.Uptime tuesday = f.service.uptime(f.operator, Scope.equipment(300),
                LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3));
        assertEquals(9 * 60, tuesday.openMinutes(), "open 08:00-17:00 local (01:00-10:00 UTC) so far");
        assertEquals(4 * 60, tuesday.downMinutes(), "down 08:00-12:00 local");
    }

    /**
     * A drink at 20:00 UTC on Monday is Tuesday 03:00 in Novosibirsk: it counts on the shop's Tuesday (its "drinks
     * today" on Tuesday), while one of a shop on the platform's UTC stays on Monday. The "no contact since" text of
     * its problem reads its own clock.
     */
    @Test
    void drinksCountOnTheShopsOwnDayAndTextsUseItsClock() throws Exception {
        Fixture f = new Fixture(t("2026-03-02T19:00:00Z"));
        f.catalog.addPos(30, 1, "Gamma Novosibirsk", Map.of(), null, "Asia/Novosibirsk");
        f.catalog.addMachine(300, "S300", 30L);
        f.restart();
        f.at("2026-03-02T20:00:00Z");
        f.send(300, new MachineEvent.DrinkMade(f.nextSeq(), t("2026-03-02T20:00:00Z"), "Latte", 200));
        f.send(200, new MachineEvent.DrinkMade(f.nextSeq(), t("2026-03-02T20:00:00Z"), "Latte", 200));
        LocalDate monday = LocalDate.of(2026, 3, 2);
        LocalDate tuesday = monday.plusDays(1);
        assertEquals(1, f.service.drinks(f.operator, Scope.pos(30), tuesday, tuesday).total(), "its Tuesday 03:00");
        assertEquals(0, f.service.drinks(f.operator, Scope.pos(30), monday, monday).total());
        assertEquals(1, f.service.drinks(f.operator, Scope.pos(20), monday, monday).total(), "UTC shop: Monday");

        f.sweepAt("2026-03-02T20:10:00Z");
        String text = problems(f, 300).get(0).text();
        assertEquals("no contact since 2026-03-03 03:00 (Asia/Novosibirsk)", text);
        assertEquals(Map.of(30L, java.time.ZoneId.of("Asia/Novosibirsk")), f.service.posZones(f.operator));
        assertEquals(Map.of(), f.service.posZones(f.beta), "POS 30 belongs to client 1");
    }

    @Test
    void criticalErrorsAreDebouncedAndCloseWhenCleared() throws Exception {
        Fixture f = new Fixture(t("2026-03-02T10:00:00Z"));
        f.send(200, new MachineEvent.ErrorRaised(f.nextSeq(), t("2026-03-02T10:00:00Z"), "E1", "Grinder", Severity.CRITICAL),
                new MachineEvent.ErrorCleared(f.nextSeq(), t("2026-03-02T10:00:10Z"), "E1"));
        f.sweepAt("2026-03-02T10:01:00Z");
        assertTrue(problems(f, 200).isEmpty(), "a 10 s blip is no problem");

        f.send(200, new MachineEvent.ErrorRaised(f.nextSeq(), t("2026-03-02T10:01:00Z"), "E2", "Boiler", Severity.CRITICAL),
                new MachineEvent.ErrorRaised(f.nextSeq(), t("2026-03-02T10:01:00Z"), "W1", "Beans low", Severity.WARNING));
        f.sweepAt("2026-03-02T10:01:20Z");
        assertTrue(problems(f, 200).isEmpty());
        assertEquals(MachineStatus.OK, f.service.machine(f.operator, 200).status());

        f.sweepAt("2026-03-02T10:01:30Z");
        List<Problem> open = problems(f, 200);
        assertEquals(1, open.size(), "warnings are no problems");
        assertEquals("E2", open.get(0).code());
        assertEquals(t("2026-03-02T10:01:00Z"), open.get(0).start());
        MachineState state = f.service.machine(f.operator, 200);
        assertEquals(MachineStatus.PROBLEM, state.status());
        assertEquals(2, state.errors().size());

        f.at("2026-03-02T10:05:00Z");
        f.send(200, new MachineEvent.ErrorCleared(f.nextSeq(), t("2026-03-02T10:05:00Z"), "E2"));
        assertEquals(t("2026-03-02T10:05:00Z"), problems(f, 200).get(0).end());
        state = f.service.machine(f.operator, 200);
        assertEquals(MachineStatus.OK, state.status());
        assertEquals(List.of("W1"), state.errors().stream().map(MachineState.CurrentError::code).toList());
    }

    @Test
    void errorsResentAfterAnOutageBecomeFinishedProblems() throws Exception {
        Fixture f = new Fixture(t("2026-03-02T12:00:00Z"));
        f.send(200, new MachineEvent.ErrorRaised(f.nextSeq(), t("2026-03-02T10:00:00Z"), "E9", "Milk", Severity.CRITICAL),
                new MachineEvent.ErrorCleared(f.nextSeq(), t("2026-03-02T10:20:00Z"), "E9"));
        Problem p = problems(f, 200).get(0);
        assertEquals(t("2026-03-02T10:00:00Z"), p.start());
        assertEquals(t("2026-03-02T10:20:00Z"), p.end());
        assertEquals(MachineStatus.OK, f.service.machine(f.operator, 200).status());
    }

    @Test
    void restartKeepsStateAndReplaysOnlyWhatItMissed() throws Exception {
        Fixture f = new Fixture(t("2026-03-02T10:00:00Z"));
        f.seq(10);
        f.send(100, new MachineEvent.DrinkMade(11, t("2026-03-02T09:59:00Z"), "Latte 200", 200),
                new MachineEvent.SensorReading(12, t("2026-03-02T09:59:30Z"), "milk_level", 40, "%"),
                new MachineEvent.CounterReading(13, t("2026-03-02T09:59:30Z"), "mpo_ver", "1.2"),
                new MachineEvent.ErrorRaised(14, t("2026-03-02T09:59:40Z"), "E5", "Door", Severity.CRITICAL));
        f.sweepAt("2026-03-02T10:00:30Z");
        assertEquals(MachineStatus.PROBLEM, f.service.machine(f.operator, 100).status());

        // While monitoring is stopped core keeps storing.
        f.db.coreStored(100, 15, t("2026-03-02T10:01:00Z"), "DRINK", "Latte 200", null, 200.0, null,
                t("2026-03-02T10:01:05Z"));
        f.db.coreStored(100, 16, t("2026-03-02T10:01:10Z"), "SENSOR", "milk_level", null, 35.0, null,
                t("2026-03-02T10:01:15Z"));
        f.at("2026-03-02T10:02:00Z");
        f.restart();

        MachineState s = f.service.machine(f.operator, 100);
        assertEquals(MachineStatus.PROBLEM, s.status());
        assertEquals(1, s.openProblems().size(), "the open problem survived, not reopened");
        assertEquals(35.0, s.sensors().get("milk_level").value());
        assertEquals("1.2", s.counters().get("mpo_ver").text());
        assertEquals(t("2026-03-02T10:01:00Z"), s.lastDrink().at());
        assertEquals(t("2026-03-02T10:01:15Z"), s.lastSeen());

        // the listener delivering what the replay already applied changes nothing
        f.send(100, new MachineEvent.DrinkMade(15, t("2026-03-02T10:01:00Z"), "Latte 200", 200));
        LocalDate monday = LocalDate.of(2026, 3, 2);
        assertEquals(2, f.service.drinks(f.operator, Scope.equipment(100), monday, monday).total());
        assertEquals(1, problems(f, 100).size());
    }

    @Test
    void overviewShowsTheWorstStatePerPointOfSale() throws Exception {
        Fixture f = new Fixture(t("2026-03-02T10:00:00Z"));
        f.heartbeat(100);
        f.heartbeat(101);
        f.heartbeat(200);
        f.sweepAt("2026-03-02T10:02:00Z");
        f.heartbeat(100);
        f.heartbeat(200);
        f.sweepAt("2026-03-02T10:03:30Z");
        List<PosOverview> all = f.service.overview(f.operator);
        assertEquals(List.of("Alpha Station", "Beta Station"), all.stream().map(PosOverview::name).toList());
        PosOverview alpha = all.get(0);
        assertEquals(MachineStatus.NOT_ONLINE, alpha.status(), "101 fell silent");
        assertEquals(2, alpha.machines());
        assertEquals(1, alpha.online());
        assertEquals(1, alpha.openProblems());
        assertEquals(MachineStatus.OK, all.get(1).status());

        assertEquals(List.of(10L), f.service.overview(f.alpha).stream().map(PosOverview::posId).toList());
        assertEquals(List.of(100L, 101L), f.service.machines(f.alpha, null).stream()
                .map(MachineState::equipmentId).toList());
    }
}
