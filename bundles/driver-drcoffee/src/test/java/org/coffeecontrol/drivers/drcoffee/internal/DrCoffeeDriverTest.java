package org.coffeecontrol.drivers.drcoffee.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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

class DrCoffeeDriverTest {

    private final DrCoffeeDriver driver = new DrCoffeeDriver("1.0.0");

    private DecodeResult decode(String lines) {
        String body = "CZ;1;S1\n" + lines;
        return driver.decode(new TelemetryBatch("drcoffee", "S1", DrCoffeeDriver.CONTENT_TYPE,
                body.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void nanosecondTimesAndUtf8EscapesSurvive() {
        DecodeResult result = decode("7;1741935731.123456789;NOTE;greeting;%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82%25");
        assertEquals(List.of(new MachineEvent.Notice(7, Instant.ofEpochSecond(1741935731, 123456789), "greeting",
                "Привет%")), assertInstanceOf(DecodeResult.Decoded.class, result).events());
    }

    @Test
    void aDrinkWithoutSizeHasNoSizeInItsName() {
        DecodeResult result = decode("1;0;DRINK;4;");
        assertEquals(List.of(new MachineEvent.DrinkMade(1, Instant.EPOCH, "Cappuccino", null)),
                assertInstanceOf(DecodeResult.Decoded.class, result).events());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1;0;HB;extra|line 2: 4 fields, expected 3",
            "1;0;DRINK;42;200|line 2, field 4 (product): unknown product 42",
            "1;0;DRINK;0;200|line 2: 5 fields, expected 6",
            "1;0;DRINK;3;0|line 2, field 5 (ml): a whole number in 1..10000 expected",
            "1;1e9;HB|line 2, field 2 (time): epoch seconds",
            "1;253402300800;HB|line 2, field 2 (time): after the year 9999",
            "x;0;HB|line 2, field 1 (seq): a whole number",
            "1;0;BREW|line 2, field 3 (type): unknown record type BREW",
            "1;0;NOTE;c;bad %4|line 2, field 5 (text): '%' must be followed by two hex digits",
            "1;0;NOTE;c;%C3%28|line 2, field 5 (text): escapes are not UTF-8",
            "1;0;CLEAN;RINSE;0;MAYBE|line 2, field 6 (result): OK or ABORT expected",
            "1;10;CLEAN;RINSE;5;OK|line 2, field 5 (end): before the start",
            "1;0;SENS;TBOIL;NaN|line 2, field 5 (value): a decimal number",
            "5;0;HB\\n5;0;HB|line 3, field 1 (seq): 5 is not above the previous 5"
    })
    void badLinesAreRejectedNamingLineAndField(String lines, String expected) {
        String reason = assertInstanceOf(DecodeResult.Rejected.class, decode(lines.replace("\\n", "\n")))
                .reason();
        assertTrue(reason.contains(expected), reason);
    }

    @Test
    void rawNonAsciiBytesAreRejected() {
        byte[] body = "CZ;1;S1\n1;0;NOTE;c;Привет".getBytes(StandardCharsets.UTF_8);
        DecodeResult result = driver.decode(new TelemetryBatch("drcoffee", "S1", "", body));
        assertEquals("byte 19: not printable ASCII (escape text with %XX)",
                assertInstanceOf(DecodeResult.Rejected.class, result).reason());
    }

    @Test
    void changeSerialTakesOnlyATypePlateSerial() {
        assertEquals("dcc SETSERIAL DRC12300042", assertInstanceOf(CommandPlan.Exec.class,
                driver.plan("change-serial", Map.of("serial", "DRC12300042"))).commandLine());
        assertInstanceOf(CommandPlan.Refused.class, driver.plan("change-serial", Map.of("serial", "drc12300042")));
        assertInstanceOf(CommandPlan.Refused.class, driver.plan("change-serial", Map.of("serial", "DRC-1230")));
    }

    @Test
    void drCoffeeHasNoFirstStart() {
        assertInstanceOf(CommandPlan.Refused.class, driver.plan("first-start", Map.of()));
    }
}
