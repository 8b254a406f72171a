package org.coffeecontrol.remote.internal.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.Providers;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.CommandRun;
import org.coffeecontrol.remote.api.MachineAccess;
import org.coffeecontrol.remote.api.MachineFileService;
import org.coffeecontrol.remote.api.MachineSqlService;
import org.coffeecontrol.remote.api.RemoteCommand;
import org.coffeecontrol.remote.api.RemoteControlService;
import org.coffeecontrol.remote.api.RemoteFile;
import org.coffeecontrol.remote.api.SqlLogEntry;
import org.coffeecontrol.remote.api.SqlResult;
import org.coffeecontrol.remote.api.StoredQuery;
import org.coffeecontrol.remote.internal.machine.Futures;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/remote}: commands (RC-1), SQL (RC-3) and files (RC-5) of the machine with serial {@code {serial}}.
 * Work on a machine answers asynchronously, so a hung machine holds no request thread; its failures come back as
 * values in the body (commands, SQL) or as 409 with the reason (files).
 */
@Component(service = RemoteResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ Callers.AUTH, Callers.JSON })
@Path("/api/remote")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RemoteResource {

    private final RemoteControlService control;
    private final MachineSqlService sql;
    private final MachineFileService files;

    @Activate
    public RemoteResource(@Reference RemoteControlService control, @Reference MachineSqlService sql,
            @Reference MachineFileService files) {
        this.control = control;
        this.sql = sql;
        this.files = files;
    }

    /** Completes with the bare failure: JAX-RS maps the api's exceptions, not a CompletionException around them. */
    static <T> CompletionStage<T> async(CompletableFuture<T> work) {
        CompletableFuture<T> out = new CompletableFuture<>();
        work.whenComplete((value, failure) -> {
            if (failure != null) {
                out.completeExceptionally(Futures.unwrap(failure));
            } else {
                out.complete(value);
            }
        });
        return out;
    }

    // ---- commands (RC-1)

    @GET
    @Path("machines/{serial}/commands")
    public List<RemoteCommand> commands(@Context SecurityContext sc, @PathParam("serial") String serial) {
        return control.commands(Callers.of(sc), serial);
    }

    /**
     * 200 with the recorded run whatever the machine answered; 400 for refused arguments, 403 without the role. The
     * body {@code {"args": {...}}} is optional: a bare POST (no body, no Content-Type) runs the command without
     * arguments. One method reads both, because with a second, JSON-consuming method JAX-RS picks that one for a
     * request without Content-Type and then finds no reader for it (415).
     */
    @POST
    @Path("machines/{serial}/commands/{command}")
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<CommandRun> run(@Context SecurityContext sc, @Context HttpHeaders headers,
            @Context Providers providers, @PathParam("serial") String serial, @PathParam("command") String command,
            byte[] body) throws IOException {
        Caller caller = Callers.of(sc);
        return async(control.run(caller, serial, command, arguments(headers.getMediaType(), providers, body)));
    }

    private static Map<String, String> arguments(MediaType type, Providers providers, byte[] body)
            throws IOException {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return Map.of();
        }
        if (type != null && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new ValidationException("body", "arguments are JSON, {\"args\": {\"name\": \"value\"}}, sent as "
                    + MediaType.APPLICATION_JSON + "; a command without arguments needs no body");
        }
        MessageBodyReader<RestBodies.RunRequest> reader = providers.getMessageBodyReader(RestBodies.RunRequest.class,
                RestBodies.RunRequest.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
        RestBodies.RunRequest request = reader.readFrom(RestBodies.RunRequest.class, RestBodies.RunRequest.class,
                new Annotation[0], MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(),
                new ByteArrayInputStream(body));
        return request == null || request.args() == null ? Map.of() : request.args();
    }

    @GET
    @Path("machines/{serial}/history")
    public Page<CommandRun> history(@Context SecurityContext sc, @PathParam("serial") String serial,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        return control.history(Callers.of(sc), serial, new PageRequest(offset, limit));
    }

    // ---- access

    @GET
    @Path("machines/{serial}/access")
    public MachineAccess access(@Context SecurityContext sc, @PathParam("serial") String serial) {
        return control.access(Callers.of(sc), serial);
    }

    @PUT
    @Path("machines/{serial}/credentials")
    public MachineAccess credentials(@Context SecurityContext sc, @PathParam("serial") String serial,
            RestBodies.CredentialsRequest body) {
        if (body == null) {
            throw new ValidationException("body", "username and password are required");
        }
        return control.setCredentials(Callers.of(sc), serial, body.username(),
                body.password() == null ? null : body.password().toCharArray());
    }

    @DELETE
    @Path("machines/{serial}/host-key")
    public MachineAccess forgetHostKey(@Context SecurityContext sc, @PathParam("serial") String serial) {
        return control.forgetHostKey(Callers.of(sc), serial);
    }

    // ---- SQL (RC-3)

    @POST
    @Path("machines/{serial}/sql")
    public CompletionStage<SqlResult> sql(@Context SecurityContext sc, @PathParam("serial") String serial,
            RestBodies.SqlRequest body) {
        if (body == null || (body.sql() == null) == (body.queryId() == null)) {
            throw new ValidationException("sql", "give either sql or queryId");
        }
        int maxRows = body.maxRows() == null ? 0 : body.maxRows();
        Caller caller = Callers.of(sc);
        return async(body.queryId() != null ? sql.executeStored(caller, serial, body.queryId(), maxRows)
                : sql.execute(caller, serial, body.sql(), maxRows));
    }

    @GET
    @Path("machines/{serial}/sql-log")
    public Page<SqlLogEntry> sqlLog(@Context SecurityContext sc, @PathParam("serial") String serial,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        return sql.log(Callers.of(sc), serial, new PageRequest(offset, limit));
    }

    @GET
    @Path("queries")
    public List<StoredQuery> queries(@Context SecurityContext sc) {
        return sql.queries(Callers.of(sc));
    }

    @GET
    @Path("queries/{id}")
    public StoredQuery query(@Context SecurityContext sc, @PathParam("id") long id) {
        return sql.query(Callers.of(sc), id);
    }

    @POST
    @Path("queries")
    public Response createQuery(@Context SecurityContext sc, StoredQuery body) {
        if (body == null) {
            throw new ValidationException("body", "a stored query is required");
        }
        StoredQuery created = sql.saveQuery(Callers.of(sc),
                new StoredQuery(null, body.name(), body.description(), body.sql(), null, 0));
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/remote/queries/" + created.id())
                .entity(created).build();
    }

    @PUT
    @Path("queries/{id}")
    public StoredQuery updateQuery(@Context SecurityContext sc, @PathParam("id") long id, StoredQuery body) {
        if (body == null) {
            throw new ValidationException("body", "a stored query is required");
        }
        return sql.saveQuery(Callers.of(sc), new StoredQuery(id, body.name(), body.description(), body.sql(), null,
                body.version()));
    }

    @DELETE
    @Path("queries/{id}")
    public void deleteQuery(@Context SecurityContext sc, @PathParam("id") long id) {
        sql.deleteQuery(Callers.of(sc), id);
    }

    // ---- files (RC-5); the path is a query parameter so that clients cannot normalise "../" away before we see it

    @GET
    @Path("machines/{serial}/files")
    public CompletionStage<List<RemoteFile>> list(@Context SecurityContext sc, @PathParam("serial") String serial,
            @QueryParam("path") String path) {
        return async(files.list(Callers.of(sc), serial, path));
    }

    @GET
    @Path("machines/{serial}/files/content")
    @Produces({ MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON })
    public CompletionStage<Response> download(@Context SecurityContext sc, @PathParam("serial") String serial,
            @QueryParam("path") String path) {
        String name = path == null ? "file" : path.substring(path.lastIndexOf('/') + 1);
        return async(files.download(Callers.of(sc), serial, path).thenApply(bytes -> Response.ok(bytes,
                MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name.replace("\"", "") + "\"").build()));
    }

    @PUT
    @Path("machines/{serial}/files/content")
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<RemoteFile> upload(@Context SecurityContext sc, @PathParam("serial") String serial,
            @QueryParam("path") String path, InputStream body) throws IOException {
        long max = files.maxFileBytes();
        byte[] content = body == null ? new byte[0] : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (content.length > max) {
            throw new ValidationException("file", "larger than the limit of " + max + " bytes");
        }
        return async(files.upload(Callers.of(sc), serial, path, content));
    }
}
