package org.coffeecontrol.core.internal.telemetry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.api.security.PublicEndpoint;
import org.coffeecontrol.api.telemetry.DeadLetter;
import org.coffeecontrol.api.telemetry.DriverStatus;
import org.coffeecontrol.api.telemetry.IngestCounters;
import org.coffeecontrol.api.telemetry.IngestResult;
import org.coffeecontrol.api.telemetry.MachineJob;
import org.coffeecontrol.api.telemetry.MachineOutbox;
import org.coffeecontrol.api.telemetry.PolledMachine;
import org.coffeecontrol.api.telemetry.ReplayResult;
import org.coffeecontrol.api.telemetry.StoredEvent;
import org.coffeecontrol.api.telemetry.TelemetryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Machines call home here ({@code POST /api/telemetry/{family}/{serial}}, machine secret as bearer token);
 * operators inspect and replay dead letters. The machine endpoint writes its small JSON answer itself so that it
 * works and stays cheap whatever JSON provider is installed. A stored batch's answer carries the jobs the
 * {@link MachineOutbox}es hold for the machine; core does not know what they mean.
 */
@Component(service = TelemetryResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ Callers.AUTH, Callers.JSON })
@Path("/api")
public class TelemetryResource {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryResource.class);

    private final TelemetryService telemetry;
    private final List<MachineOutbox> outboxes = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public TelemetryResource(@Reference TelemetryService telemetry) {
        this.telemetry = telemetry;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addOutbox(MachineOutbox outbox) {
        outboxes.add(outbox);
    }

    public void removeOutbox(MachineOutbox outbox) {
        outboxes.remove(outbox);
    }

    /** Machine secret as presented in the header, body as sent; the answer says what is now durable. */
    @POST
    @Path("telemetry/{family}/{serial}")
    @PublicEndpoint
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response ingest(@PathParam("family") String family, @PathParam("serial") String serial,
            @HeaderParam("Authorization") String authorization, @HeaderParam("Content-Type") String declaredType,
            @HeaderParam(TelemetryContentTypeFilter.ORIGINAL_CONTENT_TYPE) String unparseableType,
            @HeaderParam("Content-Length") Long contentLength, InputStream body) {
        String contentType = unparseableType != null ? unparseableType : declaredType;
        if (contentLength != null && contentLength > TelemetryService.MAX_BATCH_BYTES) {
            return answer(IngestResult.failed(IngestResult.Status.TOO_LARGE, null,
                    "batch of " + contentLength + " bytes exceeds " + TelemetryService.MAX_BATCH_BYTES + "; split it"));
        }
        byte[] bytes;
        try {
            bytes = readAtMost(body, TelemetryService.MAX_BATCH_BYTES);
        } catch (IOException e) {
            return Response.status(400).type(MediaType.APPLICATION_JSON)
                    .entity(json("REJECTED", 0, 0, -1, null, "could not read the request body: " + e.getMessage())).build();
        }
        if (bytes == null) {
            return answer(IngestResult.failed(IngestResult.Status.TOO_LARGE, null,
                    "batch exceeds " + TelemetryService.MAX_BATCH_BYTES + " bytes; split it"));
        }
        String secret = bearer(authorization);
        try {
            IngestResult result = telemetry.ingest(family, serial, secret, contentType, bytes);
            if (result.status() != IngestResult.Status.STORED || outboxes.isEmpty()) {
                return answer(result);
            }
            return answer(result, telemetry.authenticate(family, serial, secret).map(this::jobs).orElse(List.of()));
        } catch (TelemetryServiceImpl.OverloadedException e) {
            return Response.status(503).header("Retry-After", "5").type(MediaType.APPLICATION_JSON)
                    .entity(json("RETRY", 0, 0, -1, null, e.getMessage())).build();
        }
    }

    /** What every outbox holds for the machine; a failing outbox costs its own jobs, never the answer. */
    private List<MachineJob> jobs(PolledMachine machine) {
        List<MachineJob> out = new java.util.ArrayList<>();
        for (MachineOutbox o : outboxes) {
            try {
                out.addAll(o.poll(machine));
            } catch (RuntimeException e) {
                LOG.warn("Machine outbox {} failed for {}", o.getClass().getName(), machine.serial(), e);
            }
        }
        return out;
    }

    /**
     * The daemon's outcome of a job it received with a batch answer: {@code status=ok|failed}, the body as the
     * machine produced it. 200 when an outbox took it, 404 when no outbox knows the job.
     */
    @POST
    @Path("telemetry/{family}/{serial}/jobs/{jobId}/result")
    @PublicEndpoint
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response jobResult(@PathParam("family") String family, @PathParam("serial") String serial,
            @PathParam("jobId") String jobId, @QueryParam("status") String status,
            @HeaderParam("Authorization") String authorization, InputStream body) {
        java.util.Optional<PolledMachine> machine;
        try {
            machine = telemetry.authenticate(family, serial, bearer(authorization));
        } catch (TelemetryServiceImpl.OverloadedException e) {
            return jobAnswer(503, "RETRY", e.getMessage());
        }
        if (machine.isEmpty()) {
            return Response.fromResponse(jobAnswer(401, "UNAUTHORIZED", "unknown machine or wrong machine secret"))
                    .header("WWW-Authenticate", "Bearer realm=\"coffee-machines\"").build();
        }
        if (status == null || !(status.equalsIgnoreCase("ok") || status.equalsIgnoreCase("failed"))) {
            return jobAnswer(400, "REJECTED", "status must be ok or failed");
        }
        byte[] bytes;
        try {
            bytes = readAtMost(body, TelemetryService.MAX_BATCH_BYTES);
        } catch (IOException e) {
            return jobAnswer(400, "REJECTED", "could not read the request body: " + e.getMessage());
        }
        if (bytes == null) {
            return jobAnswer(413, "TOO_LARGE", "result exceeds " + TelemetryService.MAX_BATCH_BYTES + " bytes");
        }
        for (MachineOutbox o : outboxes) {
            try {
                if (o.complete(machine.get(), jobId, status.equalsIgnoreCase("ok"), bytes)) {
                    return Response.ok("{\"status\":\"ACCEPTED\"}", MediaType.APPLICATION_JSON).build();
                }
            } catch (RuntimeException e) {
                LOG.warn("Machine outbox {} failed on the result of {} from {}", o.getClass().getName(), jobId,
                        serial, e);
                return jobAnswer(503, "RETRY", "the result could not be stored; send it again");
            }
        }
        return jobAnswer(404, "UNKNOWN_JOB", "no job " + jobId + " waits for this machine");
    }

    private static Response jobAnswer(int status, String state, String reason) {
        Response.ResponseBuilder b = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity("{\"status\":\"" + state + "\",\"reason\":\"" + escape(reason) + "\"}");
        return status == 503 ? b.header("Retry-After", "5").build() : b.build();
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
    }

    static Response answer(IngestResult r) {
        return answer(r, List.of());
    }

    static Response answer(IngestResult r, List<MachineJob> jobs) {
        int status = switch (r.status()) {
            case STORED -> 200;
            case DEAD_LETTERED -> 202;
            case REJECTED -> 422;
            case UNKNOWN_MACHINE -> 404;
            case UNAUTHORIZED -> 401;
            case TOO_LARGE -> 413;
        };
        Response.ResponseBuilder b = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(json(r.status().name(), r.accepted(), r.duplicates(), r.lastSeq(), r.deadLetterId(), r.message(),
                        jobs));
        if (status == 401) {
            b.header("WWW-Authenticate", "Bearer realm=\"coffee-machines\"");
        }
        return b.build();
    }

    static String json(String status, int accepted, int duplicates, long lastSeq, Long deadLetterId, String reason) {
        return json(status, accepted, duplicates, lastSeq, deadLetterId, reason, List.of());
    }

    static String json(String status, int accepted, int duplicates, long lastSeq, Long deadLetterId, String reason,
            List<MachineJob> jobs) {
        StringBuilder sb = new StringBuilder(160).append("{\"status\":\"").append(status).append('"');
        if ("STORED".equals(status)) {
            sb.append(",\"accepted\":").append(accepted).append(",\"duplicates\":").append(duplicates)
                    .append(",\"lastSeq\":").append(lastSeq).append(",\"jobs\":[");
            for (int i = 0; i < jobs.size(); i++) {
                MachineJob j = jobs.get(i);
                sb.append(i > 0 ? "," : "").append("{\"id\":\"").append(escape(j.id())).append("\",\"type\":\"")
                        .append(escape(j.type())).append('"');
                for (java.util.Map.Entry<String, String> f : new java.util.TreeMap<>(j.fields()).entrySet()) {
                    if (!f.getKey().equals("id") && !f.getKey().equals("type")) {
                        sb.append(",\"").append(escape(f.getKey())).append("\":\"").append(escape(f.getValue())).append('"');
                    }
                }
                sb.append('}');
            }
            sb.append(']');
        } else {
            if (deadLetterId != null) {
                sb.append(",\"deadLetterId\":").append(deadLetterId);
            }
            sb.append(",\"reason\":\"").append(escape(reason)).append('"');
        }
        return sb.append('}').toString();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** @return null when the stream holds more than {@code max} bytes */
    static byte[] readAtMost(InputStream in, int max) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(buf)) > 0;) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    // ---- operators

    public record SecretBody(String secret) {
    }

    @PUT
    @Path("equipment/{id}/telemetry-secret")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setSecret(@Context SecurityContext sc, @PathParam("id") long id, SecretBody body) {
        if (body == null) {
            throw new ValidationException("secret", "is required");
        }
        telemetry.setMachineSecret(Callers.of(sc), id, body.secret());
        return Response.noContent().build();
    }

    @GET
    @Path("equipment/{id}/events")
    @Produces(MediaType.APPLICATION_JSON)
    public List<StoredEvent> events(@Context SecurityContext sc, @PathParam("id") long id,
            @QueryParam("limit") Integer limit) {
        return telemetry.lastEvents(Callers.of(sc), id, limit == null ? 50 : limit);
    }

    @GET
    @Path("telemetry/drivers")
    @Produces(MediaType.APPLICATION_JSON)
    public List<DriverStatus> drivers(@Context SecurityContext sc) {
        Callers.of(sc);
        return telemetry.drivers();
    }

    @GET
    @Path("telemetry/counters")
    @Produces(MediaType.APPLICATION_JSON)
    public List<IngestCounters> counters(@Context SecurityContext sc) {
        Callers.of(sc).require("see ingest counters", TelemetryServiceImpl.OPERATIONS);
        return telemetry.counters();
    }

    @GET
    @Path("telemetry/dead-letters")
    @Produces(MediaType.APPLICATION_JSON)
    public Page<DeadLetter> deadLetters(@Context SecurityContext sc, @QueryParam("family") String family,
            @QueryParam("state") DeadLetter.State state, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return telemetry.deadLetters(Callers.of(sc), family, state,
                new PageRequest(offset == null ? 0 : offset, limit == null ? 0 : limit));
    }

    @GET
    @Path("telemetry/dead-letters/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public DeadLetter deadLetter(@Context SecurityContext sc, @PathParam("id") long id) {
        return telemetry.deadLetter(Callers.of(sc), id);
    }

    @GET
    @Path("telemetry/dead-letters/{id}/payload")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public byte[] payload(@Context SecurityContext sc, @PathParam("id") long id) {
        return telemetry.deadLetterPayload(Callers.of(sc), id);
    }

    @POST
    @Path("telemetry/dead-letters/{id}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    public ReplayResult replay(@Context SecurityContext sc, @PathParam("id") long id) {
        return telemetry.replay(Callers.of(sc), id);
    }

    @POST
    @Path("telemetry/dead-letters/replay")
    @Produces(MediaType.APPLICATION_JSON)
    public ReplayResult replayAll(@Context SecurityContext sc, @QueryParam("family") String family) {
        return telemetry.replayAll(Callers.of(sc), family);
    }

    @DELETE
    @Path("telemetry/dead-letters/{id}")
    public Response purgeOne(@Context SecurityContext sc, @PathParam("id") long id) {
        telemetry.purge(Callers.of(sc), id);
        return Response.noContent().build();
    }

    @DELETE
    @Path("telemetry/dead-letters")
    @Produces(MediaType.APPLICATION_JSON)
    public java.util.Map<String, Integer> purgeReplayed(@Context SecurityContext sc) {
        return java.util.Map.of("purged", telemetry.purge(Callers.of(sc), null));
    }
}
