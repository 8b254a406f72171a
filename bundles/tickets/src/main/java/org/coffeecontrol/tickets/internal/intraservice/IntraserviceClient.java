package org.coffeecontrol.tickets.internal.intraservice;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.ValidationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client for the subset of the Intraservice REST API (v4) the connector needs: list tasks changed since a time,
 * read one, create one, change its status with a comment. HTTP Basic authentication; JSON with the API's PascalCase
 * field names. Every answer is checked against the contract; anything else is an {@link IntraserviceException}
 * with a message that says what was wrong, never a half-read task.
 */
public final class IntraserviceClient {

    /** Connection settings, from ConfigAdmin pid {@code org.coffeecontrol.tickets.intraservice}. */
    public record Settings(String url, String user, String password, int timeoutMillis) {
    }

    static final String FIELDS = "Id,Name,Description,StatusId,ServiceId,Creator,Changed";
    static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    private static final int PAGE_SIZE = 100;
    /** A server that keeps announcing more pages must not keep a sync running forever. */
    private static final int MAX_PAGES = 1000;

    private final URI base;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public IntraserviceClient(Settings settings) {
        if (settings.url() == null || settings.url().isBlank()) {
            throw new ValidationException("url", "the Intraservice address is required");
        }
        URI uri;
        try {
            uri = URI.create(settings.url().endsWith("/") ? settings.url() : settings.url() + "/");
        } catch (IllegalArgumentException e) {
            throw new ValidationException("url", "'" + settings.url() + "' is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new ValidationException("url", "must be http:// or https://");
        }
        this.base = uri;
        String user = settings.user() == null ? "" : settings.user();
        String password = settings.password() == null ? "" : settings.password();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.timeout = Duration.ofMillis(Math.max(1000, settings.timeoutMillis()));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Every task changed after {@code since} (all of them when null), following the paginator. */
    public List<IntraserviceTask> changedSince(LocalDateTime since) {
        List<IntraserviceTask> out = new ArrayList<>();
        int page = 1;
        while (true) {
            StringBuilder query = new StringBuilder("api/task?fields=").append(FIELDS).append("&pagesize=")
                    .append(PAGE_SIZE).append("&page=").append(page);
            if (since != null) {
                query.append("&ChangedMoreThan=").append(URLEncoder.encode(DATE.format(since),
                        StandardCharsets.UTF_8));
            }
            JsonNode answer = call("GET", query.toString(), null);
            JsonNode tasks = answer.get("Tasks");
            if (tasks == null || !tasks.isArray()) {
                throw new IntraserviceException(200, "task list without a 'Tasks' array");
            }
            for (JsonNode t : tasks) {
                out.add(task(t));
            }
            JsonNode paginator = answer.get("Paginator");
            int pageCount = paginator == null ? 1 : intField(paginator, "PageCount", 1);
            if (page >= pageCount || tasks.isEmpty()) {
                return out;
            }
            if (++page > MAX_PAGES) {
                throw new IntraserviceException(200, "more than " + MAX_PAGES + " pages of tasks");
            }
        }
    }

    public IntraserviceTask task(long id) {
        JsonNode answer = call("GET", "api/task/" + id + "?fields=" + FIELDS, null);
        JsonNode task = answer.get("Task");
        if (task == null || !task.isObject()) {
            throw new IntraserviceException(200, "task " + id + ": answer without a 'Task' object");
        }
        return task(task);
    }

    /**
     * Creates a task and returns its Intraservice id. Installations require the service and the task type of a new
     * task ({@code ServiceId}, {@code TypeId}); null leaves a field out for those that have defaults. The id comes
     * back as {@code {"Task":{"Id":…}}} or, on some versions, as a top-level {@code Id}.
     */
    public long create(String name, String description, Integer serviceId, Integer typeId, int statusId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Name", name);
        body.put("Description", description);
        if (serviceId != null) {
            body.put("ServiceId", serviceId);
        }
        if (typeId != null) {
            body.put("TypeId", typeId);
        }
        body.put("StatusId", statusId);
        JsonNode answer = call("POST", "api/task", body);
        JsonNode task = answer.get("Task");
        JsonNode id = task != null && task.isObject() ? task.get("Id") : answer.get("Id");
        if (id == null || !id.canConvertToLong() || id.asLong() <= 0) {
            throw new IntraserviceException(200, "created task: answer without a positive 'Task.Id' or 'Id'");
        }
        return id.asLong();
    }

    /** Sets the task's status, with a comment that appears in its history. */
    public void setStatus(long id, int statusId, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("StatusId", statusId);
        if (comment != null && !comment.isBlank()) {
            body.put("Comment", comment);
        }
        call("PUT", "api/task/" + id, body);
    }

    private JsonNode call(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Authorization", authorization).header("Accept", "application/json");
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json; charset=utf-8").method(method,
                        HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            }
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                throw new IntraserviceException(status, method + " " + path.split("\\?")[0] + ": HTTP " + status
                        + message(response.body()));
            }
            if (response.body() == null || response.body().isBlank()) {
                return json.createObjectNode();
            }
            JsonNode node = json.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new IntraserviceException(status, method + " " + path.split("\\?")[0]
                        + ": answer is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IntraserviceException(0, method + " " + path.split("\\?")[0] + ": answer is not JSON ("
                    + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new IntraserviceException("Intraservice " + base + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntraserviceException("interrupted", e);
        }
    }

    private String message(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = json.readTree(body);
            JsonNode message = node == null ? null : node.get("Message");
            if (message != null && message.isTextual()) {
                // the API puts the cause (which field, which rule) into MessageDetail
                JsonNode detail = node.get("MessageDetail");
                return " — " + clip(message.asText() + (detail != null && detail.isTextual()
                        && !detail.asText().isBlank() ? " (" + detail.asText() + ")" : ""));
            }
        } catch (JsonProcessingException e) {
            // not JSON: show the start of what came
        }
        return " — " + clip(body);
    }

    private static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static IntraserviceTask task(JsonNode t) {
        if (!t.isObject()) {
            throw new IntraserviceException(200, "a task is not a JSON object");
        }
        JsonNode id = t.get("Id");
        if (id == null || !id.canConvertToLong() || id.asLong() <= 0) {
            throw new IntraserviceException(200, "a task without a positive 'Id'");
        }
        JsonNode status = t.get("StatusId");
        if (status == null || !status.canConvertToInt()) {
            throw new IntraserviceException(200, "task " + id.asLong() + " without a numeric 'StatusId'");
        }
        JsonNode name = t.get("Name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw new IntraserviceException(200, "task " + id.asLong() + " without a 'Name'");
        }
        LocalDateTime changed = null;
        JsonNode c = t.get("Changed");
        if (c != null && c.isTextual() && !c.asText().isBlank()) {
            try {
                changed = LocalDateTime.parse(c.asText());
            } catch (DateTimeParseException e) {
                throw new IntraserviceException(200, "task " + id.asLong() + ": 'Changed' is not a date: "
                        + c.asText());
            }
        }
        JsonNode service = t.get("ServiceId");
        return new IntraserviceTask(id.asLong(), name.asText(), text(t, "Description"), status.asInt(),
                service != null && service.canConvertToInt() ? service.asInt() : null, text(t, "Creator"), changed);
    }

    private static String text(JsonNode t, String field) {
        JsonNode v = t.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static int intField(JsonNode n, String field, int fallback) {
        JsonNode v = n.get(field);
        return v != null && v.canConvertToInt() ? v.asInt() : fallback;
    }
}
