package org.coffeecontrol.driverkit.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.coffeecontrol.api.driver.DecodeResult;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.TelemetryBatch;
import org.junit.jupiter.api.Test;

class BatchDecodingTest {

    private static TelemetryBatch batch(byte[] body) {
        return new TelemetryBatch("toy", "S1", "text/plain", body);
    }

    @Test
    void rejectionsBecomeValuesAndEventsPassThrough() {
        assertEquals(DecodeResult.rejected("line 2: bad"),
                BatchDecoding.decode(batch(new byte[] { 1 }), b -> { throw new PayloadRejected("line 2: bad"); }));
        List<MachineEvent> events = List.of(new MachineEvent.Heartbeat(1, Instant.EPOCH));
        assertEquals(DecodeResult.decoded(events), BatchDecoding.decode(batch(new byte[] { 1 }), b -> events));
    }

    @Test
    void emptyAndMissingBodiesNeverReachTheParser() {
        BatchDecoding.Parser failing = b -> {
            throw new AssertionError("parser called");
        };
        assertEquals(DecodeResult.rejected("empty payload"), BatchDecoding.decode(batch(new byte[0]), failing));
        assertEquals(DecodeResult.rejected("empty payload"), BatchDecoding.decode(batch(null), failing));
    }

    @Test
    void utf8IsStrictAndLongTextsAreShortened() throws PayloadRejected {
        assertEquals("Café", BatchDecoding.utf8(new byte[] { 'C', 'a', 'f', (byte) 0xC3, (byte) 0xA9 }));
        assertThrows(PayloadRejected.class, () -> BatchDecoding.utf8(new byte[] { (byte) 0xC3, (byte) 0x28 }));
        assertEquals("x".repeat(40) + "…", BatchDecoding.shorten("x".repeat(41)));
        assertEquals("short", BatchDecoding.shorten("short"));
    }
}
