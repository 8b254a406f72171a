package org.coffeecontrol.tickets.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
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
import org.coffeecontrol.tickets.api.Attachment;
import org.coffeecontrol.tickets.api.AuditPlan;
import org.coffeecontrol.tickets.api.AuditRequest;
import org.coffeecontrol.tickets.api.AuditRunResult;
import org.coffeecontrol.tickets.api.AuditService;
import org.coffeecontrol.tickets.api.Checklist;
import org.coffeecontrol.tickets.api.ChecklistItem;
import org.coffeecontrol.tickets.api.DispatchAdvice;
import org.coffeecontrol.tickets.api.DispatchService;
import org.coffeecontrol.tickets.api.HistoryEntry;
import org.coffeecontrol.tickets.api.Mechanic;
import org.coffeecontrol.tickets.api.NewTicket;
import org.coffeecontrol.tickets.api.PriorityRule;
import org.coffeecontrol.tickets.api.QueueItem;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketLine;
import org.coffeecontrol.tickets.api.TicketQuery;
import org.coffeecontrol.tickets.api.TicketService;
import org.coffeecontrol.tickets.api.TicketSource;
import org.coffeecontrol.tickets.api.TicketState;
import org.coffeecontrol.tickets.api.TicketUpdate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Tickets over REST (TKT-1..TKT-5). Changes take the {@code version} the client read and answer 409 when somebody
 * else changed the ticket meanwhile (or took it first); every rule lives in the services.
 */
@Component(service = TicketResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ Callers.AUTH, Callers.JSON })
@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketResource {

    /** Body of a state change. */
    public record Move(TicketState state, long version, String reason) {
    }

    /** Body of an assignment. */
    public record Assignment(String executor, long version, Instant plannedEnd) {
    }

    /** Body of take / resolve / escalate: the version read, and the result or reason where one is needed. */
    public record Action(long version, String text) {
    }

    public record Lines(long version, List<TicketLine> lines) {
    }

    public record Note(String text) {
    }

    public record ChecklistBody(List<ChecklistItem> items, boolean complete) {
    }

    /** Body of audit preview and run; {@code month} as {@code 2026-12}, next month when missing. */
    public record AuditBody(String month, String mechanic, Long clientId) {
        AuditRequest request() {
            try {
                return new AuditRequest(month == null || month.isBlank() ? null : YearMonth.parse(month.strip()),
                        mechanic, clientId);
            } catch (DateTimeParseException e) {
                throw new ValidationException("month", "'" + month + "' is not a month like 2026-12");
            }
        }
    }

    private final TicketService tickets;
    private final DispatchService dispatch;
    private final AuditService audits;

    @Activate
    public TicketResource(@Reference TicketService tickets, @Reference DispatchService dispatch,
            @Reference AuditService audits) {
        this.tickets = tickets;
        this.dispatch = dispatch;
        this.audits = audits;
    }

    /** Newest first; {@code state} may repeat. */
    @GET
    public Page<Ticket> search(@Context SecurityContext sc, @QueryParam("text") String text,
            @QueryParam("state") List<String> states, @QueryParam("source") String source,
            @QueryParam("clientId") Long clientId, @QueryParam("posId") Long posId,
            @QueryParam("equipmentId") Long equipmentId, @QueryParam("executor") String executor,
            @QueryParam("category") String category, @QueryParam("fieldVisit") Boolean fieldVisit,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        Set<TicketState> set = EnumSet.noneOf(TicketState.class);
        for (String s : states == null ? List.<String>of() : states) {
            set.add(parse(TicketState.class, "state", s));
        }
        return tickets.search(Callers.of(sc), new TicketQuery(text, set,
                source == null ? null : parse(TicketSource.class, "source", source), clientId, posId, equipmentId,
                executor, category, RestCallers.instant("from", from), RestCallers.instant("to", to), fieldVisit,
                new PageRequest(offset, limit)));
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "'" + value + "' is not one of " + List.of(type.getEnumConstants()));
        }
    }

    @POST
    public Response create(@Context SecurityContext sc, NewTicket ticket) {
        Ticket t = tickets.create(Callers.of(sc), ticket);
        return Response.created(URI.create("/api/tickets/" + t.id())).entity(t).build();
    }

    @GET
    @Path("{id}")
    public Ticket get(@Context SecurityContext sc, @PathParam("id") long id) {
        return tickets.get(Callers.of(sc), id);
    }

    @GET
    @Path("by-number/{number}")
    public Ticket byNumber(@Context SecurityContext sc, @PathParam("number") String number) {
        return tickets.byNumber(Callers.of(sc), number);
    }

    @PUT
    @Path("{id}")
    public Ticket update(@Context SecurityContext sc, @PathParam("id") long id, TicketUpdate update) {
        return tickets.update(Callers.of(sc), id, update);
    }

    @POST
    @Path("{id}/transition")
    public Ticket transition(@Context SecurityContext sc, @PathParam("id") long id, Move move) {
        if (move == null) {
            throw new ValidationException("state", "is required");
        }
        return tickets.transition(Callers.of(sc), id, move.version(), move.state(), move.reason());
    }

    @POST
    @Path("{id}/assign")
    public Ticket assign(@Context SecurityContext sc, @PathParam("id") long id, Assignment a) {
        if (a == null) {
            throw new ValidationException("executor", "is required");
        }
        return tickets.assign(Callers.of(sc), id, a.version(), a.executor(), a.plannedEnd());
    }

    /** The operator takes the ticket from the queue; 409 names who took it first. */
    @POST
    @Path("{id}/take")
    public Ticket take(@Context SecurityContext sc, @PathParam("id") long id, Action a) {
        return tickets.take(Callers.of(sc), id, action(a).version());
    }

    @POST
    @Path("{id}/resolve")
    public Ticket resolve(@Context SecurityContext sc, @PathParam("id") long id, Action a) {
        return tickets.resolveRemotely(Callers.of(sc), id, action(a).version(), action(a).text());
    }

    @POST
    @Path("{id}/escalate")
    public Ticket escalate(@Context SecurityContext sc, @PathParam("id") long id, Action a) {
        return tickets.escalate(Callers.of(sc), id, action(a).version(), action(a).text());
    }

    private static Action action(Action a) {
        if (a == null) {
            throw new ValidationException("version", "is required");
        }
        return a;
    }

    @GET
    @Path("{id}/lines")
    public List<TicketLine> lines(@Context SecurityContext sc, @PathParam("id") long id) {
        return tickets.lines(Callers.of(sc), id);
    }

    @PUT
    @Path("{id}/lines")
    public Ticket saveLines(@Context SecurityContext sc, @PathParam("id") long id, Lines body) {
        if (body == null) {
            throw new ValidationException("lines", "are required");
        }
        return tickets.saveLines(Callers.of(sc), id, body.version(), body.lines());
    }

    @GET
    @Path("{id}/attachments")
    public List<Attachment> attachments(@Context SecurityContext sc, @PathParam("id") long id) {
        return tickets.attachments(Callers.of(sc), id);
    }

    /** The raw file is the body; its name comes as {@code ?name=}, its type as the Content-Type. */
    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    public Response attach(@Context SecurityContext sc, @PathParam("id") long id, @QueryParam("name") String name,
            @HeaderParam("Content-Type") String type, InputStream body) throws IOException {
        // the service enforces the configured limit; this only stops a runaway body early
        byte[] content = RestCallers.body(body, 64L * 1024 * 1024, "content");
        Attachment a = tickets.attach(Callers.of(sc), id, name, type, content);
        return Response.created(URI.create("/api/tickets/" + id + "/attachments/" + a.id())).entity(a).build();
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces({ MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON })
    public Response download(@Context SecurityContext sc, @PathParam("id") long id,
            @PathParam("attachmentId") long attachmentId) {
        var caller = Callers.of(sc);
        byte[] content = tickets.attachmentContent(caller, id, attachmentId);
        Attachment a = tickets.attachments(caller, id).stream().filter(x -> x.id() == attachmentId).findFirst()
                .orElseThrow(() -> new org.coffeecontrol.api.NotFoundException("attachment", attachmentId));
        return Response.ok(content, a.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + a.fileName().replace("\"", "") + "\"")
                .build();
    }

    @DELETE
    @Path("{id}/attachments/{attachmentId}")
    public Response detach(@Context SecurityContext sc, @PathParam("id") long id,
            @PathParam("attachmentId") long attachmentId) {
        tickets.detach(Callers.of(sc), id, attachmentId);
        return Response.noContent().build();
    }

    /** The PNG is the body; {@code ?version=&signedBy=}. */
    @PUT
    @Path("{id}/signature")
    @Consumes(MediaType.WILDCARD)
    public Ticket sign(@Context SecurityContext sc, @PathParam("id") long id, @QueryParam("version") Long version,
            @QueryParam("signedBy") String signedBy, InputStream body) throws IOException {
        if (version == null) {
            throw new ValidationException("version", "is required");
        }
        return tickets.sign(Callers.of(sc), id, version, RestCallers.body(body, 4L * 1024 * 1024,
                "signature"), signedBy);
    }

    @GET
    @Path("{id}/signature")
    @Produces({ "image/png", MediaType.APPLICATION_JSON })
    public Response signature(@Context SecurityContext sc, @PathParam("id") long id) {
        return tickets.signature(Callers.of(sc), id).map(png -> Response.ok(png, "image/png").build())
                .orElseThrow(() -> new org.coffeecontrol.api.NotFoundException("signature of ticket", id));
    }

    @GET
    @Path("{id}/history")
    public List<HistoryEntry> history(@Context SecurityContext sc, @PathParam("id") long id) {
        return tickets.history(Callers.of(sc), id);
    }

    @POST
    @Path("{id}/notes")
    public HistoryEntry note(@Context SecurityContext sc, @PathParam("id") long id, Note note) {
        return tickets.note(Callers.of(sc), id, note == null ? null : note.text());
    }

    // ---- queue and priorities ----

    @GET
    @Path("queue")
    public List<QueueItem> queue(@Context SecurityContext sc) {
        return tickets.queue(Callers.of(sc));
    }

    @GET
    @Path("priority-rules")
    public List<PriorityRule> rules(@Context SecurityContext sc) {
        return tickets.priorityRules(Callers.of(sc));
    }

    @POST
    @Path("priority-rules")
    public Response addRule(@Context SecurityContext sc, PriorityRule rule) {
        PriorityRule r = tickets.savePriorityRule(Callers.of(sc), rule == null ? null
                : new PriorityRule(null, rule.name(), rule.clientId(), rule.category(), rule.slaLevel(),
                        rule.minAgeMinutes(), rule.points()));
        return Response.created(URI.create("/api/tickets/priority-rules/" + r.id())).entity(r).build();
    }

    @PUT
    @Path("priority-rules/{ruleId}")
    public PriorityRule saveRule(@Context SecurityContext sc, @PathParam("ruleId") long ruleId, PriorityRule rule) {
        if (rule == null) {
            throw new ValidationException("rule", "is required");
        }
        return tickets.savePriorityRule(Callers.of(sc), new PriorityRule(ruleId, rule.name(),
                rule.clientId(), rule.category(), rule.slaLevel(), rule.minAgeMinutes(), rule.points()));
    }

    @DELETE
    @Path("priority-rules/{ruleId}")
    public Response deleteRule(@Context SecurityContext sc, @PathParam("ruleId") long ruleId) {
        tickets.deletePriorityRule(Callers.of(sc), ruleId);
        return Response.noContent().build();
    }

    // ---- dispatch ----

    @GET
    @Path("mechanics")
    public List<Mechanic> mechanics(@Context SecurityContext sc) {
        return dispatch.mechanics(Callers.of(sc));
    }

    @PUT
    @Path("mechanics/{username}")
    public Mechanic saveMechanic(@Context SecurityContext sc, @PathParam("username") String username, Mechanic m) {
        if (m == null) {
            throw new ValidationException("mechanic", "is required");
        }
        return dispatch.saveMechanic(Callers.of(sc), new Mechanic(username, m.displayName(),
                m.homeLatitude(), m.homeLongitude(), m.workDays(), m.workStart(), m.workEnd(), m.maxOpen(),
                m.active()));
    }

    @GET
    @Path("{id}/dispatch")
    public DispatchAdvice advise(@Context SecurityContext sc, @PathParam("id") long id) {
        return dispatch.advise(Callers.of(sc), id);
    }

    // ---- audits and checklists ----

    @POST
    @Path("audits/preview")
    public AuditPlan preview(@Context SecurityContext sc, AuditBody body) {
        return audits.preview(Callers.of(sc), body == null ? null : body.request());
    }

    @POST
    @Path("audits/run")
    public AuditRunResult run(@Context SecurityContext sc, AuditBody body) {
        return audits.run(Callers.of(sc), body == null ? null : body.request(), null);
    }

    @GET
    @Path("{id}/checklist")
    public Checklist checklist(@Context SecurityContext sc, @PathParam("id") long id) {
        return audits.checklist(Callers.of(sc), id);
    }

    @PUT
    @Path("{id}/checklist")
    public Checklist saveChecklist(@Context SecurityContext sc, @PathParam("id") long id, ChecklistBody body) {
        if (body == null) {
            throw new ValidationException("items", "are required");
        }
        return audits.saveChecklist(Callers.of(sc), id, body.items(), body.complete());
    }

    /** REP-7: completed checklists in [from, to). */
    @GET
    @Path("checklists")
    public List<Checklist> checklists(@Context SecurityContext sc, @QueryParam("clientId") Long clientId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return audits.completedChecklists(Callers.of(sc), clientId, RestCallers.instant("from", from),
                RestCallers.instant("to", to));
    }
}
