package org.coffeecontrol.tickets.internal.intraservice;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Intraservice that follows the contract in docs/tickets-sources.md: Basic authentication,
 * {@code GET /api/task} with fields/page/pagesize/ChangedMoreThan answering {@code {"Tasks":[…],"Paginator":{…}}},
 * {@code GET /api/task/{id}} answering {@code {"Task":{…}}}, {@code POST /api/task} creating one (Name, ServiceId and TypeId required, as the real API does), {@code PUT
 * /api/task/{id}} changing StatusId with a Comment; errors as {@code {"Message":"…"}}. A canned raw answer can be
 * set to play a broken server.
 */
final class FakeIntraservice implements AutoCloseable {

    /**
     * The time-out the tests give the client. It only bounds a hung test: nothing here measures it (the hung-server
     * test sets its own), and on a CI machine at a load average of 70 the fake's single dispatcher thread can wait
     * several seconds for a core, which a 5 s time-out turned into a spurious "unreachable".
     */
    static final int CLIENT_TIMEOUT_MILLIS = 120_000;

    final Map<Long, ObjectNode> tasks = new TreeMap<>();
    final List<String> comments = new ArrayList<>();
    final List<String> requests = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final String user;
    private final String password;
    private long nextId = 1000;
    /** When set, every request gets this status and body instead. */
    volatile Integer cannedStatus;
    volatile String cannedBody;
    LocalDateTime clock = LocalDateTime.parse("2026-03-02T09:00:00");

    FakeIntraservice(String user, String password) throws IOException {
        this.user = user;
        this.password = password;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/task", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    synchronized ObjectNode add(String name, String description, int statusId) {
        ObjectNode t = json.createObjectNode();
        long id = ++nextId;
        t.put("Id", id);
        t.put("Name", name);
        t.put("Description", description);
        t.put("StatusId", statusId);
        t.put("ServiceId", 7);
        t.put("Creator", "Helpdesk Operator");
        t.put("Changed", clock.toString());
        tasks.put(id, t);
        return t;
    }

    synchronized void change(long id, int statusId) {
        tasks.get(id).put("StatusId", statusId);
        tasks.get(id).put("Changed", clock.toString());
    }

    private synchronized void handle(HttpExchange x) throws IOException {
        try (x) {
            requests.add(x.getRequestMethod() + " " + x.getRequestURI());
            if (cannedStatus != null) {
                send(x, cannedStatus, cannedBody);
                return;
            }
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(x.getRequestHeaders().getFirst("Authorization"))) {
                send(x, 401, "{\"Message\":\"Authorization has been denied for this request.\"}");
                return;
            }
            String path = x.getRequestURI().getPath();
            Map<String, String> q = query(x.getRequestURI().getRawQuery());
            String method = x.getRequestMethod();
            if (path.equals("/api/task") && method.equals("GET")) {
                list(x, q);
            } else if (path.equals("/api/task") && method.equals("POST")) {
                JsonNode body = json.readTree(x.getRequestBody());
                for (String required : new String[] { "Name", "ServiceId", "TypeId" }) {
                    if (!body.hasNonNull(required) || body.get(required).asText().isBlank()) {
                        send(x, 400, "{\"Message\":\"The request is invalid.\",\"MessageDetail\":\""
                                + required + " is required\"}");
                        return;
                    }
                }
                ObjectNode t = add(body.get("Name").asText(), body.path("Description").asText(null),
                        body.path("StatusId").asInt(31));
                t.put("ServiceId", body.get("ServiceId").asInt());
                t.put("TypeId", body.get("TypeId").asInt());
                ObjectNode answer = json.createObjectNode();
                answer.set("Task", t);
                send(x, 201, json.writeValueAsString(answer));
            } else if (path.startsWith("/api/task/")) {
                long id = Long.parseLong(path.substring("/api/task/".length()));
                ObjectNode t = tasks.get(id);
                if (t == null) {
                    send(x, 404, "{\"Message\":\"Task " + id + " not found\"}");
                } else if (method.equals("GET")) {
                    ObjectNode answer = json.createObjectNode();
                    answer.set("Task", t);
                    send(x, 200, json.writeValueAsString(answer));
                } else if (method.equals("PUT")) {
                    JsonNode body = json.readTree(x.getRequestBody());
                    if (body.has("StatusId")) {
                        change(id, body.get("StatusId").asInt());
                    }
                    if (body.hasNonNull("Comment")) {
                        comments.add(id + ": " + body.get("Comment").asText());
                    }
                    send(x, 200, "");
                } else {
                    send(x, 405, "{\"Message\":\"method not allowed\"}");
                }
            } else {
                send(x, 404, "{\"Message\":\"no such resource\"}");
            }
        }
    }

    private void list(HttpExchange x, Map<String, String> q) throws IOException {
        LocalDateTime since = q.containsKey("ChangedMoreThan") ? LocalDateTime.parse(q.get("ChangedMoreThan"))
                : null;
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode t : tasks.values()) {
            if (since == null || LocalDateTime.parse(t.get("Changed").asText()).isAfter(since)) {
                matching.add(t);
            }
        }
        int size = Integer.parseInt(q.getOrDefault("pagesize", "20"));
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        int pageCount = Math.max(1, (matching.size() + size - 1) / size);
        ArrayNode out = json.createArrayNode();
        for (int i = (page - 1) * size; i < Math.min(matching.size(), page * size); i++) {
            out.add(matching.get(i));
        }
        ObjectNode answer = json.createObjectNode();
        answer.set("Tasks", out);
        ObjectNode paginator = answer.putObject("Paginator");
        paginator.put("Count", matching.size());
        paginator.put("Page", page);
        paginator.put("PageCount", pageCount);
        paginator.put("PageSize", size);
        send(x, 200, json.writeValueAsString(answer));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
