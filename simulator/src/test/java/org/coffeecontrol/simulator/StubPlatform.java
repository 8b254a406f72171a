package org.coffeecontrol.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the platform's ingest endpoint: stores sequence numbers per machine (deduplicated), and answers
 * with whatever status the test chooses per request.
 */
public final class StubPlatform implements AutoCloseable {

    static {
        // The JDK server writes headers and body apart: without TCP_NODELAY every request waits for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public record Request(String path, String authorization, String contentType, List<Long> seqs) {
    }

    private final HttpServer server;
    public final Map<String, Set<Long>> stored = new ConcurrentHashMap<>();
    public final List<Request> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    public final AtomicInteger calls = new AtomicInteger();
    private volatile IntSupplier status = () -> 200;

    public StubPlatform() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/telemetry/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Chooses the status of each following request. */
    public void answer(IntSupplier status) {
        this.status = status;
    }

    private void handle(HttpExchange ex) throws IOException {
        calls.incrementAndGet();
        byte[] body = ex.getRequestBody().readAllBytes();
        List<Long> seqs = LineEncoder.seqs(body);
        String path = ex.getRequestURI().getPath();
        requests.add(new Request(path, ex.getRequestHeaders().getFirst("Authorization"),
                ex.getRequestHeaders().getFirst("Content-Type"), seqs));
        int code = status.getAsInt();
        String answer;
        if (code == 200) {
            String serial = path.substring(path.lastIndexOf('/') + 1);
            Set<Long> set = stored.computeIfAbsent(serial, s -> new ConcurrentSkipListSet<>());
            int dup = 0;
            for (long s : seqs) {
                if (!set.add(s)) {
                    dup++;
                }
            }
            answer = "{\"status\":\"STORED\",\"accepted\":" + (seqs.size() - dup) + ",\"duplicates\":" + dup
                    + ",\"lastSeq\":" + (seqs.isEmpty() ? -1 : seqs.get(seqs.size() - 1)) + ",\"jobs\":[]}";
        } else if (code == 202) {
            answer = "{\"status\":\"DEAD_LETTERED\",\"deadLetterId\":7,\"reason\":\"no driver\"}";
        } else if (code == 422) {
            answer = "{\"status\":\"REJECTED\",\"deadLetterId\":8,\"reason\":\"line 1: bad\"}";
        } else {
            answer = "{\"status\":" + code + ",\"message\":\"stub says " + code + "\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
