package org.coffeecontrol.simulator.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class HttpTelemetryTransportTest {

    private final HttpTelemetryTransport t = new HttpTelemetryTransport(URI.create("http://127.0.0.1:1"),
            HttpClient.newHttpClient(), Duration.ofSeconds(1));

    @Test
    void readsTheStoredAnswerWithJobs() {
        UploadResult r = t.interpret(200,
                "{\"status\":\"STORED\",\"accepted\":3,\"duplicates\":2,\"lastSeq\":99,\"jobs\":[{\"type\":\"sql\"}]}");
        UploadResult.Stored s = assertInstanceOf(UploadResult.Stored.class, r);
        assertEquals(3, s.accepted());
        assertEquals(2, s.duplicates());
        assertEquals(99, s.lastSeq());
        assertEquals("{\"type\":\"sql\"}", s.jobs().get(0));
    }

    @Test
    void anUnreadable200IsNotTakenAsDurable() {
        assertInstanceOf(UploadResult.Failed.class, t.interpret(200, "<html>proxy</html>"));
    }

    @Test
    void mapsTheOtherStatuses() {
        assertEquals("no driver", assertInstanceOf(UploadResult.DeadLettered.class,
                t.interpret(202, "{\"status\":\"DEAD_LETTERED\",\"deadLetterId\":5,\"reason\":\"no driver\"}")).reason());
        assertInstanceOf(UploadResult.Rejected.class, t.interpret(422, "{\"reason\":\"x\"}"));
        assertEquals(401, assertInstanceOf(UploadResult.Refused.class, t.interpret(401, "")).status());
        assertInstanceOf(UploadResult.TooLarge.class, t.interpret(413, ""));
        assertInstanceOf(UploadResult.Failed.class, t.interpret(500, "{\"status\":500,\"message\":\"boom\"}"));
        assertInstanceOf(UploadResult.Failed.class, t.interpret(503, "not json"));
    }
}
