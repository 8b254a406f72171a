package org.coffeecontrol.drivers.wmf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.DecodeResult;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.TelemetryBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WmfDriverTest {

    private final WmfDriver driver = new WmfDriver("1.0.0");

    private DecodeResult decode(String eventsJson) {
        String body = "{\"protocol\":\"wmf-telemetry/1\",\"serial\":\"S1\",\"events\":[" + eventsJson + "]}";
        return driver.decode(new TelemetryBatch("wmf", "S1", WmfDriver.CONTENT_TYPE,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private String rejection(String eventsJson) {
        return assertInstanceOf(DecodeResult.Rejected.class, decode(eventsJson)).reason();
    }

    @Test
    void escapedRecipeNamesMapLikePlainOnes() {
        DecodeResult result = decode("{\"seq\":1,\"ts\":\"2025-03-14T07:00:00Z\",\"type\":\"beverage\","
                + "\"recipe\":\"Caf\\u00e9 Cr\\u00e8me\",\"ml\":300,\"extra\":{\"ignored\":[1,2]}}");
        assertEquals(List.of(new MachineEvent.DrinkMade(1, java.time.Instant.parse("2025-03-14T07:00:00Z"),
                "Americano 300", 300)), assertInstanceOf(DecodeResult.Decoded.class, result).events());
    }

    @Test
    void anEmptyBatchIsAValidPoll() {
        assertEquals(List.of(), assertInstanceOf(DecodeResult.Decoded.class, decode("")).events());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"seq\":1,\"ts\":\"2025-03-14T07:00:00Z\",\"type\":\"brew\"}|events[0].type: unknown event type \"brew\"",
            "{\"seq\":1.5,\"ts\":\"2025-03-14T07:00:00Z\",\"type\":\"alive\"}|events[0].seq: 1.5 is not a whole number",
            "{\"seq\":9223372036854775808,\"ts\":\"2025-03-14T07:00:00Z\",\"type\":\"alive\"}|events[0].seq: 9223372036854775808 is not a whole number",
            "{\"seq\":-1,\"ts\":\"2025-03-14T07:00:00Z\",\"type\":\"alive\"}|events[0].seq: -1 is outside",
            "{\"seq\":\"1\",\"ts\":\"2025-03-14T07:00:00Z\",\"type\":\"alive\"}|events[0].seq: a number is required",
            "{\"seq\":1,\"ts\":\"14.03.2025 07:00\",\"type\":\"alive\"}|events[0].ts: \"14.03.2025 07:00\" is not an ISO-8601",
            "{\"seq\":1,\"ts\":\"2025-03-14T07:00:00\",\"type\":\"alive\"}|events[0].ts:",
            "{\"seq\":1,\"ts\":\"2025-03-14T07:00:00Z\",\"type\":\"beverage\",\"recipe\":\"Espresso\",\"ml\":0}|events[0].ml: 0 is outside",
            "{\"seq\":1,\"ts\":\"2025-03-14T07:00:00Z\",\"type\":\"message\",\"id\":\"E-1\",\"state\":\"blinking\"}|events[0].state: expected",
            "{\"seq\":1,\"ts\":\"2025-03-14T07:00:00Z\",\"type\":\"cleaning\",\"program\":\"Rinse\",\"end\":\"2025-03-14T06:00:00Z\",\"result\":\"complete\"}|events[0].end: before ts",
            "{\"seq\":2,\"ts\":\"2025-03-14T07:00:00Z\",\"type\":\"alive\"},{\"seq\":2,\"ts\":\"2025-03-14T07:00:00Z\",\"type\":\"alive\"}|events[1].seq: 2 is not above the previous 2",
            "{\"seq\":1,\"seq\":2,\"ts\":\"2025-03-14T07:00:00Z\",\"type\":\"alive\"}|duplicate member \"seq\"",
            "{\"seq\":1,\"ts\":\"2025-03-14T07:00:00Z\",\"type\":\"sensor\",\"name\":\"boiler\",\"value\":1e999}|events[0].value: out of range",
            "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]|nested deeper than 16"
    })
    void badEventsAreRejectedNamingTheField(String events, String expectedReason) {
        String reason = rejection(events);
        assertTrue(reason.contains(expectedReason), reason);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2025-03-14T07:02:11Z", "2025-03-14T07:02:11.2Z", "2025-03-14T07:02:11.250Z",
            "2025-03-14T07:02:11.123456789Z", "2024-02-29T23:59:59.999Z", "0001-01-01T00:00:00Z",
            "2025-03-14T09:02:11+02:00", "2025-03-14T07:02:11.012Z", "2025-03-14T07:58:05.095032704Z",
            "2025-03-14T07:58:05.000065408Z" })
    void theFastTimePathAgreesWithTheIsoParser(String time) {
        Instant expected = java.time.OffsetDateTime.parse(time).toInstant();
        DecodeResult result = decode("{\"seq\":1,\"ts\":\"" + time + "\",\"type\":\"alive\"}");
        assertEquals(List.of(new MachineEvent.Heartbeat(1, expected)),
                assertInstanceOf(DecodeResult.Decoded.class, result).events());
        if (time.endsWith("Z") && !time.startsWith("0001")) {
            assertEquals(expected, WmfBatchDecoder.utcInstant(time), "the fast path itself, not the fallback");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "2025-02-29T07:02:11Z", "2025-03-14T24:00:00Z",
            "2025-03-14T07:02:11.1234567890Z", "2025-03-14 07:02:11Z", "2025-3-14T07:02:11Z", "2025-03-14T07:02:1xZ" })
    void impossibleTimesAreRejected(String time) {
        assertTrue(WmfBatchDecoder.utcInstant(time) == null);
        assertInstanceOf(DecodeResult.Rejected.class,
                decode("{\"seq\":1,\"ts\":\"" + time + "\",\"type\":\"alive\"}"));
    }

    @Test
    void theSerialInThePayloadMustBeTheAuthenticatedOne() {
        byte[] body = "{\"protocol\":\"wmf-telemetry/1\",\"serial\":\"S2\",\"events\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        DecodeResult result = driver.decode(new TelemetryBatch("wmf", "S1", WmfDriver.CONTENT_TYPE, body));
        assertEquals("serial: payload names \"S2\" but the machine authenticated as \"S1\"",
                assertInstanceOf(DecodeResult.Rejected.class, result).reason());
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] body = { '{', (byte) 0xC3, (byte) 0x28, '}' };
        DecodeResult result = driver.decode(new TelemetryBatch("wmf", "S1", WmfDriver.CONTENT_TYPE, body));
        assertEquals("not UTF-8 text", assertInstanceOf(DecodeResult.Rejected.class, result).reason());
    }

    @Test
    void pinsAreSubstitutedAndNeverEchoed() {
        assertEquals(new CommandPlan.Exec("wmf-service pin enter service 4711", Duration.ofSeconds(15)),
                driver.plan("enter-service-pin", Map.of("pin", "4711")));
        CommandPlan.Refused refused = assertInstanceOf(CommandPlan.Refused.class,
                driver.plan("enter-service-pin", Map.of("pin", "47119999")));
        assertFalse(refused.reason().contains("4711"), refused.reason());
    }

    @Test
    void lastDrinksIsBoundedToOneHundred() {
        assertEquals("wmf-service drinks last 100", assertInstanceOf(CommandPlan.Exec.class,
                driver.plan("last-drinks", Map.of("count", "100"))).commandLine());
        assertInstanceOf(CommandPlan.Refused.class, driver.plan("last-drinks", Map.of("count", "101")));
        assertInstanceOf(CommandPlan.Refused.class, driver.plan("last-drinks", Map.of("count", "05")));
    }

    @Test
    void wmfHasNoChangeSerialCommand() {
        assertInstanceOf(CommandPlan.Refused.class, driver.plan("change-serial", Map.of("serial", "X1")));
    }
}
