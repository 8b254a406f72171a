package org.coffeecontrol.drivers.thermoplan.internal;

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

class ThermoplanDriverTest {

    private final ThermoplanDriver driver = new ThermoplanDriver("1.0.0");

    private DecodeResult decode(String records) {
        String body = "#D2D/1 serial=S1\r\n" + records;
        return driver.decode(new TelemetryBatch("thermoplan", "S1", ThermoplanDriver.CONTENT_TYPE,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void quotedValuesKeepEscapesAndCrLfLinesAreAccepted() {
        DecodeResult result = decode("Info seq=1 time=0 code=note text=\"say \\\"hi\\\"\\n = ok\"\r\n");
        assertEquals(List.of(new MachineEvent.Notice(1, Instant.EPOCH, "note", "say \"hi\"\n = ok")),
                assertInstanceOf(DecodeResult.Decoded.class, result).events());
    }

    @Test
    void unknownFieldsAreIgnoredForNewerFirmware() {
        DecodeResult result = decode("Heartbeat seq=3 time=1000 uptime_s=86400");
        assertEquals(List.of(new MachineEvent.Heartbeat(3, Instant.ofEpochMilli(1000))),
                assertInstanceOf(DecodeResult.Decoded.class, result).events());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Heartbeat seq=1|line 2 (Heartbeat): field time is missing",
            "Heartbeat seq=1 time=-5|line 2 (Heartbeat): field time must be a whole number",
            "Heartbeat seq=1 time=253402300800000|field time must be a whole number in 0..253402300799999",
            "Heartbeat seq=99999999999999999999 time=1|field seq must be a whole number",
            "Coffee seq=1 time=1|line 2 (Coffee): unknown record type",
            "Heartbeat seq=1 time=1 =x|line 2, column 24: expected a field name",
            "Heartbeat seq=1 seq=2 time=1|duplicate field 'seq'",
            "Info seq=1 time=1 code=x text=\"open|unterminated quoted value",
            "ErrorEvent seq=1 time=1 error_number=28 active=maybe|field active must be one of true, false",
            "SensorValue seq=1 time=1 name=x value=1e3|field value must be a decimal number",
            "RinseFinished seq=1 time=1000 started=2000 program=rinse result=ok|started is after time",
            "Heartbeat seq=2 time=1\\nHeartbeat seq=2 time=1|line 3 (Heartbeat): seq 2 is not above the previous 2"
    })
    void badRecordsAreRejectedNamingLineAndField(String records, String expected) {
        String reason = assertInstanceOf(DecodeResult.Rejected.class, decode(records.replace("\\n", "\n")))
                .reason();
        assertTrue(reason.contains(expected), reason);
    }

    @Test
    void theHeaderIsRequiredAndNamesTheSerial() {
        byte[] body = "Heartbeat seq=1 time=1".getBytes(StandardCharsets.UTF_8);
        assertEquals("line 1: expected the header #D2D/1 serial=…", assertInstanceOf(DecodeResult.Rejected.class,
                driver.decode(new TelemetryBatch("thermoplan", "S1", "", body))).reason());
        byte[] other = "#D2D/1 serial=S2\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("line 1: serial S2 in the payload, but the machine authenticated as S1",
                assertInstanceOf(DecodeResult.Rejected.class,
                        driver.decode(new TelemetryBatch("thermoplan", "S1", "", other))).reason());
    }

    @Test
    void pinsFillTheTemplateAfterValidation() {
        assertEquals("bw4ctl pin service 0815", assertInstanceOf(CommandPlan.Exec.class,
                driver.plan("enter-service-pin", Map.of("pin", "0815"))).commandLine());
        assertInstanceOf(CommandPlan.Refused.class, driver.plan("enter-service-pin", Map.of("pin", "08151")));
    }

    @Test
    void thermoplanHasNoFirstStartOrChangeSerial() {
        assertInstanceOf(CommandPlan.Refused.class, driver.plan("first-start", Map.of()));
        assertInstanceOf(CommandPlan.Refused.class, driver.plan("change-serial", Map.of("serial", "BW4-1")));
    }
}
