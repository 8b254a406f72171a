package org.coffeecontrol.ui.internal.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.monitoring.api.MachineStatus;
import org.coffeecontrol.monitoring.api.MonitoringService;
import org.coffeecontrol.monitoring.api.PosOverview;
import org.coffeecontrol.ui.internal.dev.MapServiceSource;
import org.junit.jupiter.api.Test;

class OverviewMarkersTest {

    private static final Caller ADMIN = new Caller("admin", EnumSet.of(Role.ADMIN), true, Set.of());
    private static final Caller CLIENT_7 = new Caller("c7", EnumSet.of(Role.CLIENT), false, Set.of(7L));
    private static final Caller OTHER_CLIENT_7 = new Caller("c7b", EnumSet.of(Role.MANAGER), false, Set.of(7L));

    private final List<PosOverview> fleet = new ArrayList<>(List.of(
            new PosOverview(1, "Bar \"One\" <b>", "P1", 7, 55.75, 37.62, MachineStatus.OK, 1, 1, 0),
            new PosOverview(2, "Two", "P2", 8, 59.93, 30.31, MachineStatus.PROBLEM, 2, 2, 1),
            new PosOverview(3, "No place", "P3", 7, null, null, MachineStatus.CLOSED, 0, 0, 0)));
    private final AtomicInteger builds = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final OverviewMarkers markers = new OverviewMarkers(new MapServiceSource().put(MonitoringService.class,
            overviewOnly()), now::get);

    /** The one call the snapshot makes, filtering by client visibility as the monitoring service does. */
    private MonitoringService overviewOnly() {
        return (MonitoringService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { MonitoringService.class }, (proxy, method, args) -> {
                    if (!method.getName().equals("overview")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    builds.incrementAndGet();
                    Caller c = (Caller) args[0];
                    return fleet.stream().filter(p -> c.canSeeClient(p.clientId())).toList();
                });
    }

    @Test
    void aSnapshotHoldsPositionsStatusesAndNamesAsJsonOfThePlacedPointsOfSale() {
        OverviewMarkers.Snapshot s = markers.current(ADMIN);
        assertEquals(Map.of(1L, MachineStatus.OK, 2L, MachineStatus.PROBLEM), s.statuses());
        String json = s.json();
        assertEquals(json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, s.size());
        assertTrue(json.startsWith("{\"v\":" + s.version() + ",\"colors\":{"), json);
        assertTrue(json.contains("\"PROBLEM\":\"" + Monitoring.colour(MachineStatus.PROBLEM) + "\""), json);
        assertTrue(json.contains("\"points\":[[1,55.75,37.62,\"OK\"],[2,59.93,30.31,\"PROBLEM\"]]"), json);
        // Names are JSON strings, quotes escaped; the map shows them as text, never as markup.
        assertTrue(json.endsWith("\"names\":[\"Bar \\\"One\\\" <b>\",\"Two\"]}"), json);
        assertTrue(s.gzipped().length > 10 && s.gzipped()[0] == (byte) 0x1f && s.gzipped()[1] == (byte) 0x8b);
    }

    @Test
    void oneBuildServesEveryCallerOfTheSameVisibilityUntilItIsTooOld() {
        OverviewMarkers.Snapshot first = markers.current(CLIENT_7);
        assertSame(first, markers.current(OTHER_CLIENT_7));
        assertEquals(1, builds.get());

        fleet.set(0, new PosOverview(1, "Bar", "P1", 7, 55.75, 37.62, MachineStatus.NOT_ONLINE, 1, 0, 0));
        now.addAndGet(OverviewMarkers.MAX_AGE_MILLIS);
        OverviewMarkers.Snapshot second = markers.current(CLIENT_7);
        assertEquals(2, builds.get());
        assertNotEquals(first.version(), second.version());
        assertEquals(Map.of(1L, MachineStatus.NOT_ONLINE), second.statuses());
        // A tab that drew the first one can still say so.
        assertSame(first, markers.version(OTHER_CLIENT_7, first.version()));
    }

    @Test
    void aCallerNeverGetsTheMarkersOfClientsItDoesNotSee() {
        OverviewMarkers.Snapshot all = markers.current(ADMIN);
        OverviewMarkers.Snapshot seven = markers.current(CLIENT_7);
        assertEquals(Set.of(1L), seven.statuses().keySet());
        assertFalse(seven.json().contains("Two"), seven.json());
        // Nor can it claim another visibility's version as what it drew.
        assertNull(markers.version(CLIENT_7, all.version()));
        assertSame(all, markers.version(ADMIN, all.version()));
    }
}
