package org.coffeecontrol.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class FleetModelTest {

    @Test
    void sameSpecGivesTheSameFleet() {
        FleetModel a = FleetModel.generate(FleetSpec.demo(42));
        FleetModel b = FleetModel.generate(FleetSpec.demo(42));
        assertEquals(a.machines(), b.machines());
        assertEquals(a.pointsOfSale(), b.pointsOfSale());
        assertEquals(a.clients(), b.clients());
    }

    @Test
    void anotherSeedGivesAnotherFleet() {
        FleetModel a = FleetModel.generate(FleetSpec.demo(42));
        FleetModel b = FleetModel.generate(FleetSpec.demo(43));
        assertNotEquals(a.machines().get(0).serial(), b.machines().get(0).serial());
        assertNotEquals(a.pointsOfSale(), b.pointsOfSale());
    }

    @Test
    void growingTheFleetKeepsTheExistingMachinesAndShops() {
        FleetModel small = FleetModel.generate(new FleetSpec(7, 30, 20, 3));
        FleetModel big = FleetModel.generate(new FleetSpec(7, 60, 20, 3));
        assertEquals(small.machines(), big.machines().subList(0, 30));
        assertEquals(small.pointsOfSale(), big.pointsOfSale());
    }

    @Test
    void demoFleetIsComplete() {
        FleetModel f = FleetModel.generate(FleetSpec.demo(42));
        assertEquals(120, f.machines().size());
        assertEquals(50, f.pointsOfSale().size());
        assertEquals(3, f.clients().size());
        Set<String> serials = f.machines().stream().map(MachineSpec::serial).collect(Collectors.toSet());
        assertEquals(120, serials.size(), "serials are unique");
        assertEquals(Set.of("wmf", "thermoplan", "drcoffee"),
                f.machines().stream().map(MachineSpec::family).collect(Collectors.toSet()));
        // every client owns a shop, every shop has a machine
        assertEquals(f.clients().stream().map(ClientSpec::code).collect(Collectors.toSet()),
                f.pointsOfSale().stream().map(PosSpec::clientCode).collect(Collectors.toSet()));
        assertEquals(f.pointsOfSale().stream().map(PosSpec::code).collect(Collectors.toSet()),
                f.machines().stream().map(MachineSpec::posCode).collect(Collectors.toSet()));
        Set<String> regions = new HashSet<>();
        for (PosSpec p : f.pointsOfSale()) {
            p.hours(); // valid for the platform's parser
            assertTrue(Math.abs(p.latitude() - p.region().latitude()) < 0.1, p.code() + " lies near its city");
            regions.add(p.region().code());
        }
        assertEquals(regions, f.regions().stream().map(RegionSpec::code).collect(Collectors.toSet()));
    }

    @Test
    void aCodePrefixSeparatesTwoFleetsOfTheSameShapeAndLeavesTheRestAlone() {
        FleetModel plain = FleetModel.generate(new FleetSpec(7, 12, 6, 3));
        FleetModel mine = FleetModel.generate(new FleetSpec(7, 12, 6, 3, "MON-"));
        assertEquals("POS-0001", plain.pointsOfSale().get(0).code());
        assertEquals("CL01", plain.clients().get(0).code());
        assertEquals("MON-POS-0001", mine.pointsOfSale().get(0).code());
        assertEquals("MON-CL01", mine.clients().get(0).code());
        assertEquals("MON " + plain.clients().get(0).name(), mine.clients().get(0).name(), "client names are unique");
        for (int i = 0; i < 12; i++) {
            MachineSpec a = plain.machines().get(i);
            MachineSpec b = mine.machines().get(i);
            assertEquals(a.serial(), b.serial());
            assertEquals("MON-" + a.posCode(), b.posCode());
        }
        assertEquals(plain.pointsOfSale().get(3).openingHours(), mine.pointsOfSale().get(3).openingHours());
        assertThrows(IllegalArgumentException.class, () -> new FleetSpec(1, 1, 1, 1, "no spaces"));
    }

    @Test
    void rejectsImpossibleSpecs() {
        assertThrows(IllegalArgumentException.class, () -> new FleetSpec(1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new FleetSpec(1, 10, 2, 3));
    }

    @Test
    void secretsAreStableAndDistinct() {
        assertEquals(Secrets.telemetrySecret(42, "WMF1"), Secrets.telemetrySecret(42, "WMF1"));
        assertNotEquals(Secrets.telemetrySecret(42, "WMF1"), Secrets.telemetrySecret(42, "WMF2"));
        assertNotEquals(Secrets.telemetrySecret(42, "WMF1"), Secrets.telemetrySecret(43, "WMF1"));
        assertNotEquals(Secrets.telemetrySecret(42, "WMF1"), Secrets.sshPassword(42, "WMF1"));
        assertTrue(Secrets.servicePin(42, "WMF1").matches("\\d{4}"));
    }
}
