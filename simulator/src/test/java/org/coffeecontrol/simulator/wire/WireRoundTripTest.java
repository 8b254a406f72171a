package org.coffeecontrol.simulator.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coffeecontrol.api.driver.DecodeResult;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.MachineEvent.CleaningRun;
import org.coffeecontrol.api.driver.MachineEvent.CounterReading;
import org.coffeecontrol.api.driver.MachineEvent.DrinkMade;
import org.coffeecontrol.api.driver.MachineEvent.ErrorCleared;
import org.coffeecontrol.api.driver.MachineEvent.ErrorRaised;
import org.coffeecontrol.api.driver.MachineEvent.Heartbeat;
import org.coffeecontrol.api.driver.MachineEvent.Notice;
import org.coffeecontrol.api.driver.MachineEvent.SensorReading;
import org.coffeecontrol.api.driver.Sensors;
import org.coffeecontrol.api.driver.Severity;
import org.coffeecontrol.api.driver.TelemetryBatch;
import org.coffeecontrol.drivers.drcoffee.internal.DrCoffeeDriver;
import org.coffeecontrol.drivers.thermoplan.internal.ThermoplanDriver;
import org.coffeecontrol.drivers.wmf.internal.WmfDriver;
import org.coffeecontrol.simulator.model.EventGenerator;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the simulated machines send is what the real drivers decode: encode, decode, compare. */
class WireRoundTripTest {

    private static final Map<String, MachineDriver> DRIVERS = Map.of("wmf", new WmfDriver("test"), "thermoplan",
            new ThermoplanDriver("test"), "drcoffee", new DrCoffeeDriver("test"));

    private static final int BATCH = 500;

    private static List<MachineEvent> roundTrip(String family, String serial, List<MachineEvent> events) {
        WireEncoder encoder = WireEncoders.forFamily(family);
        MachineDriver driver = DRIVERS.get(family);
        byte[] body = encoder.encode(serial, events);
        DecodeResult result = driver.decode(new TelemetryBatch(family, serial, encoder.contentType(), body));
        return assertInstanceOf(DecodeResult.Decoded.class, result, () -> family + ": " + result).events();
    }

    @ParameterizedTest
    @ValueSource(strings = { "wmf", "thermoplan", "drcoffee" })
    void encodersSpeakTheirDriversContentType(String family) {
        WireEncoder encoder = WireEncoders.forFamily(family);
        assertEquals(family, encoder.family());
        assertEquals(DRIVERS.get(family).info().contentType(), encoder.contentType());
    }

    @Test
    void everyEventTheFleetGeneratesSurvivesItsFamilysWireFormat() {
        FleetModel fleet = FleetModel.generate(new FleetSpec(42, 24, 8, 2));
        Instant from = Instant.parse("2025-03-14T05:00:00Z");
        Map<String, Set<Class<?>>> kindsPerFamily = new HashMap<>();
        Map<String, Integer> eventsPerFamily = new HashMap<>();
        for (MachineSpec machine : fleet.machines()) {
            EventGenerator generator = fleet.generator(machine.serial(), from);
            List<MachineEvent> events = generator.next(3 * BATCH);
            for (int i = 0; i < events.size(); i += BATCH) {
                List<MachineEvent> batch = events.subList(i, Math.min(events.size(), i + BATCH));
                assertEquals(batch, roundTrip(machine.family(), machine.serial(), batch), machine.serial());
            }
            events.forEach(e -> kindsPerFamily.computeIfAbsent(machine.family(), f -> new HashSet<>())
                    .add(e.getClass()));
            eventsPerFamily.merge(machine.family(), events.size(), Integer::sum);
        }
        assertEquals(Set.of("wmf", "thermoplan", "drcoffee"), eventsPerFamily.keySet(), "every family played");
        kindsPerFamily.forEach((family, kinds) -> assertTrue(
                kinds.containsAll(Set.of(DrinkMade.class, SensorReading.class, CounterReading.class, Heartbeat.class)),
                family + " played only " + kinds));
    }

    private static final Instant T = Instant.parse("2025-03-14T07:02:11.250Z");

    /** Every event kind with awkward values: quotes, separators, escapes, non-ASCII, unlisted names. */
    private static List<MachineEvent> awkwardEvents(String errorCode, Severity severity) {
        List<MachineEvent> events = new ArrayList<>();
        long seq = 1;
        events.add(new DrinkMade(seq++, T, "Americano 200", 200));
        events.add(new DrinkMade(seq++, T, "Espresso", 30));
        events.add(new DrinkMade(seq++, T, "Chocolate", null));
        events.add(new DrinkMade(seq++, T, "Cappuccino", null));
        events.add(new DrinkMade(seq++, T, "Раф \"ваниль\"; 100% love\\", 250));
        events.add(new ErrorRaised(seq++, T.plusSeconds(1), errorCode, "Text with ; \" % \n and ü", severity));
        events.add(new ErrorCleared(seq++, T.plusSeconds(2), errorCode));
        events.add(new CleaningRun(seq++, T.plusSeconds(3), "milk; rinse", T.plusSeconds(183), true));
        events.add(new CleaningRun(seq++, T.plusSeconds(200), "System cleaning", T.plusSeconds(200), false));
        events.add(new SensorReading(seq++, T, Sensors.BOILER_TEMP, 93.12345, Sensors.CELSIUS));
        events.add(new SensorReading(seq++, T, Sensors.WASTE_LEVEL, 0, Sensors.PERCENT));
        events.add(new SensorReading(seq++, T, "pressure", -0.5, "bar"));
        events.add(new SensorReading(seq++, T, "tiny", 1.0E-7, ""));
        events.add(new CounterReading(seq++, T, "descaling_count_current_value", "412"));
        events.add(new CounterReading(seq++, T, "custom key", ""));
        events.add(new Heartbeat(seq++, T));
        events.add(new Notice(seq++, T, "RINSE_UPCOMING", "Rinse due in 5 minutes"));
        events.add(new Notice(seq++, T, "RINSE_POSTPONED", "Rinse postponed by staff"));
        events.add(new Notice(seq++, T, "door_open", ""));
        events.add(new Heartbeat(Long.MAX_VALUE, T));
        return events;
    }

    @Test
    void wmfCarriesAwkwardValues() {
        List<MachineEvent> events = awkwardEvents("E-115", Severity.CRITICAL);
        assertEquals(events, roundTrip("wmf", "WMF04200001", events));
    }

    @Test
    void thermoplanCarriesAwkwardValuesAndModuleErrors() {
        List<MachineEvent> events = new ArrayList<>(awkwardEvents("28", Severity.CRITICAL));
        events.add(events.size() - 1, new ErrorRaised(10_000, T, "41/2", "Milk pump dry run", Severity.WARNING));
        events.add(events.size() - 1, new ErrorCleared(10_001, T, "41/2"));
        assertEquals(events, roundTrip("thermoplan", "BW404200001", events));
    }

    @Test
    void drCoffeeCarriesAwkwardValuesAndNanoseconds() {
        List<MachineEvent> events = new ArrayList<>(awkwardEvents("E01", Severity.CRITICAL));
        events.add(events.size() - 1, new Heartbeat(10_000, Instant.ofEpochSecond(1_741_935_731L, 1)));
        assertEquals(events, roundTrip("drcoffee", "DRC04200001", events));
    }

    @Test
    void anEmptyBatchIsAValidPoll() {
        for (String family : DRIVERS.keySet()) {
            assertEquals(List.of(), roundTrip(family, "S-1", List.of()), family);
        }
    }

    @Test
    void thermoplanTimesAreMilliseconds() {
        Instant fine = Instant.parse("2025-03-14T07:02:11.123456Z");
        assertEquals(List.of(new Heartbeat(1, Instant.parse("2025-03-14T07:02:11.123Z"))),
                roundTrip("thermoplan", "BW4", List.of(new Heartbeat(1, fine))));
    }

    @Test
    void unrepresentableEventsAreProgrammingErrors() {
        List<MachineEvent> wmfCode = List.of(new ErrorRaised(1, T, "E-1", "x", Severity.WARNING));
        assertThrows(IllegalArgumentException.class, () -> WireEncoders.forFamily("thermoplan").encode("S", wmfCode));
        List<MachineEvent> before1970 = List.of(new Heartbeat(1, Instant.parse("1969-12-31T23:59:59Z")));
        assertThrows(IllegalArgumentException.class, () -> WireEncoders.forFamily("drcoffee").encode("S", before1970));
        assertThrows(IllegalArgumentException.class, () -> WireEncoders.forFamily("siemens"));
    }
}
