package org.coffeecontrol.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.coffeecontrol.api.catalog.OpeningHours;
import org.coffeecontrol.api.driver.MachineEvent;
import org.junit.jupiter.api.Test;

class EventGeneratorTest {

    private static final Instant MONDAY = Instant.parse("2025-03-10T00:00:00Z");
    private static final FleetModel FLEET = FleetModel.generate(FleetSpec.demo(42));
    private static final Set<String> CANONICAL_PRODUCTS = Set.of("Americano 200", "Cappuccino 200", "Espresso",
            "Double espresso", "Latte 200", "Flat white 200", "Hot water 200", "Milk 50", "Moccaccino 200",
            "Chocolate", "Chocolate with milk");

    private static String serial(int i) {
        return FLEET.machines().get(i).serial();
    }

    @Test
    void sameSeedSameEventsHoweverTheTimeIsChunked() {
        String serial = serial(3);
        Instant end = MONDAY.plus(Duration.ofDays(2));
        List<MachineEvent> once = FLEET.generator(serial, MONDAY).advanceTo(end);

        EventGenerator g = FLEET.generator(serial, MONDAY);
        List<MachineEvent> chunked = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(1);
        Instant t = MONDAY;
        while (t.isBefore(end)) {
            t = t.plusSeconds(1 + r.nextInt(4000));
            chunked.addAll(g.advanceTo(t.isAfter(end) ? end : t));
        }
        assertTrue(once.size() > 3000, "two days make thousands of events, got " + once.size());
        assertEquals(once, chunked);

        List<MachineEvent> otherSeed = FleetModel.generate(new FleetSpec(43, 120, 50, 3))
                .generator(FleetModel.generate(new FleetSpec(43, 120, 50, 3)).machines().get(3).serial(), MONDAY)
                .advanceTo(end);
        assertNotEquals(once, otherSeed);
    }

    @Test
    void anInjectedErrorIsRaisedAtTheNextStepAndStaysUntilCleared() {
        MachineSpec wmf = FLEET.machines().stream().filter(m -> m.family().equals(FamilyProfile.WMF)).findFirst()
                .orElseThrow();
        EventGenerator g = FLEET.generator(wmf.serial(), MONDAY);
        g.advanceTo(MONDAY.plus(Duration.ofHours(1)));
        g.injectError("E-61");
        List<MachineEvent> next = g.advanceTo(g.cursor().plus(EventGenerator.STEP));
        MachineEvent.ErrorRaised raised = next.stream().filter(MachineEvent.ErrorRaised.class::isInstance)
                .map(MachineEvent.ErrorRaised.class::cast).filter(e -> e.code().equals("E-61")).findFirst()
                .orElseThrow(() -> new AssertionError("no E-61 raised in " + next));
        assertEquals(org.coffeecontrol.api.driver.Severity.CRITICAL, raised.severity());

        // Unlike a random fault it does not clear by itself (E-61 clears after ~3 h on its own).
        List<MachineEvent> day = g.advanceTo(g.cursor().plus(Duration.ofDays(1)));
        assertFalse(day.stream().anyMatch(e -> e instanceof MachineEvent.ErrorCleared c && c.code().equals("E-61")));
        assertTrue(g.activeErrors().contains("E-61"));

        g.clearInjectedError("E-61");
        List<MachineEvent> cleared = g.advanceTo(g.cursor().plus(EventGenerator.STEP));
        assertTrue(cleared.stream().anyMatch(e -> e instanceof MachineEvent.ErrorCleared c && c.code().equals("E-61")),
                "cleared at the next step: " + cleared);
        assertFalse(g.activeErrors().contains("E-61"));
        assertThrows(IllegalArgumentException.class, () -> g.injectError("28"), "a Thermoplan code on a WMF");
    }

    @Test
    void sequenceNumbersIncreaseAndAreNeverReusedByALaterStart() {
        String serial = serial(0);
        List<MachineEvent> first = FLEET.generator(serial, MONDAY).advanceTo(MONDAY.plus(Duration.ofDays(1)));
        assertStrictlyIncreasing(first);
        List<MachineEvent> later = FLEET.generator(serial, MONDAY.plus(Duration.ofDays(1)))
                .advanceTo(MONDAY.plus(Duration.ofDays(2)));
        assertTrue(later.get(0).seq() > first.get(first.size() - 1).seq());
    }

    @Test
    void drinksOnlyWhileTheShopIsOpen() {
        int checked = 0;
        for (MachineSpec m : FLEET.machines()) {
            PosSpec pos = FLEET.posOf(m);
            if (pos.openingHours().get("MON").equals("00:00-24:00")) {
                continue;
            }
            OpeningHours hours = pos.hours();
            List<MachineEvent> week = FLEET.generator(m.serial(), MONDAY).advanceTo(MONDAY.plus(Duration.ofDays(7)));
            long drinks = 0;
            for (MachineEvent e : week) {
                if (e instanceof MachineEvent.DrinkMade d) {
                    drinks++;
                    LocalDateTime local = LocalDateTime.ofInstant(d.time(), pos.region().zone());
                    assertTrue(hours.isOpen(local), m.serial() + " sold " + d.product() + " at " + local
                            + " while " + pos.code() + " is closed (" + pos.openingHours() + ")");
                }
            }
            assertTrue(drinks > 50, m.serial() + " sold only " + drinks + " drinks in a week");
            if (++checked == 5) {
                return;
            }
        }
        assertTrue(checked > 0, "the demo fleet has shops with opening hours");
    }

    @Test
    void productMixHeartbeatsAndRushHours() {
        Map<String, Integer> products = new HashMap<>();
        int[] drinksByHour = new int[24];
        int heartbeats = 0;
        for (int i = 0; i < 12; i++) {
            MachineSpec m = FLEET.machines().get(i);
            for (MachineEvent e : FLEET.generator(m.serial(), MONDAY).advanceTo(MONDAY.plus(Duration.ofDays(1)))) {
                if (e instanceof MachineEvent.DrinkMade d) {
                    products.merge(d.product(), 1, Integer::sum);
                    drinksByHour[LocalDateTime.ofInstant(d.time(), FLEET.posOf(m).region().zone()).getHour()]++;
                } else if (e instanceof MachineEvent.Heartbeat) {
                    heartbeats++;
                }
            }
        }
        assertTrue(CANONICAL_PRODUCTS.containsAll(products.keySet()), products.keySet().toString());
        String top = products.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals("Americano 200", top, "Americano leads the mix like in the manual: " + products);
        assertTrue(drinksByHour[8] > 2 * drinksByHour[3], "morning rush beats the night");
        // 1440 a day per machine, minus connectivity drops
        assertTrue(heartbeats > 12 * 1200 && heartbeats <= 12 * 1440, "heartbeats " + heartbeats);
    }

    @Test
    void errorsClearThemselvesAndCleaningRunsDaily() {
        int raised = 0;
        int cleanings = 0;
        for (int i = 0; i < 20; i++) {
            Set<String> active = new HashSet<>();
            for (MachineEvent e : FLEET.generator(serial(i), MONDAY).advanceTo(MONDAY.plus(Duration.ofDays(7)))) {
                if (e instanceof MachineEvent.ErrorRaised r) {
                    assertTrue(active.add(r.code()), "raised twice without clearing: " + r);
                    assertTrue(FLEET.profileOf(FLEET.machines().get(i)).error(r.code()).isPresent());
                    raised++;
                } else if (e instanceof MachineEvent.ErrorCleared c) {
                    assertTrue(active.remove(c.code()), "cleared but not raised: " + c);
                } else if (e instanceof MachineEvent.CleaningRun c) {
                    assertTrue(c.end().isAfter(c.time()));
                    cleanings++;
                }
            }
            assertTrue(active.size() <= 2, "errors stay active for good: " + active);
        }
        assertTrue(raised > 10, "errors raised: " + raised);
        // two scheduled rinses a day, most of them run
        assertTrue(cleanings > 20 * 7 * 1.5 && cleanings < 20 * 7 * 3, "cleanings " + cleanings);
    }

    @Test
    void rebootGoesQuietThenBoots() {
        EventGenerator g = FLEET.generator(serial(0), MONDAY);
        g.advanceTo(MONDAY.plus(Duration.ofHours(10)));
        g.requestReboot(Duration.ofMinutes(5));
        List<MachineEvent> after = g.advanceTo(MONDAY.plus(Duration.ofHours(11)));
        MachineEvent.Notice reboot = (MachineEvent.Notice) after.get(0);
        assertEquals("REBOOT", reboot.code());
        MachineEvent boot = after.stream().filter(e -> e instanceof MachineEvent.Notice n && n.code().equals("BOOT"))
                .findFirst().orElseThrow();
        assertEquals(reboot.time().plus(Duration.ofMinutes(5)), boot.time());
        assertFalse(after.stream().anyMatch(e -> e.time().isAfter(reboot.time()) && e.time().isBefore(boot.time())),
                "nothing while powered off");
    }

    @Test
    void pinLockStopsDrinks() {
        MachineSpec busy = FLEET.machines().get(1);
        EventGenerator g = FLEET.generator(busy.serial(), MONDAY);
        g.setPinLocked(true);
        List<MachineEvent> day = g.advanceTo(MONDAY.plus(Duration.ofDays(1)));
        assertEquals("PIN_ON", ((MachineEvent.Notice) day.stream().filter(e -> e instanceof MachineEvent.Notice)
                .findFirst().orElseThrow()).code());
        assertFalse(day.stream().anyMatch(e -> e instanceof MachineEvent.DrinkMade));
    }

    @Test
    void nextGivesExactlyTheRequestedNumberOfEventsInOrder() {
        EventGenerator g = FLEET.generator(serial(5), MONDAY);
        List<MachineEvent> a = g.next(1000);
        List<MachineEvent> b = g.next(1000);
        assertEquals(1000, a.size());
        assertEquals(1000, b.size());
        List<MachineEvent> all = new ArrayList<>(a);
        all.addAll(b);
        assertStrictlyIncreasing(all);
        assertEquals(all, FLEET.generator(serial(5), MONDAY).next(2000));
    }

    private static void assertStrictlyIncreasing(List<MachineEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).seq() > events.get(i - 1).seq(), "seq at " + i);
        }
    }
}
