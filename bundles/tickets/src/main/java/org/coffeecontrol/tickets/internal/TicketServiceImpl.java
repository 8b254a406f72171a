package org.coffeecontrol.tickets.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.tickets.api.Attachment;
import org.coffeecontrol.tickets.api.HistoryEntry;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/** Tickets on the shared DataSource with plain JDBC; see {@link TicketService} for the rules. */
@Component(service = TicketService.class, configurationPid = TicketsConfig.PID)
@Designate(ocd = TicketsConfig.class)
public class TicketServiceImpl implements TicketService {

    static final String DEFAULT_CATEGORY = "REPAIR";

    private final Jdbc db;
    private final CatalogService catalog;
    private final UserService users;
    private final Settings settings;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile TicketJournal journal;

    @Activate
    public TicketServiceImpl(@Reference(target = "(dataSourceName=coffee)") DataSource dataSource,
            @Reference CatalogService catalog, @Reference UserService users, TicketsConfig config) throws SQLException {
        this(dataSource, catalog, users, Settings.from(config), Clock.systemUTC());
    }

    TicketServiceImpl(DataSource dataSource, CatalogService catalog, UserService users, Settings settings, Clock clock)
            throws SQLException {
        Schema.migrate(dataSource);
        this.db = new Jdbc(dataSource);
        this.catalog = catalog;
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- create and read ----

    @Override
    public Ticket create(Caller caller, NewTicket in) {
        caller.require("open tickets", Access.CREATORS);
        if (in == null) {
            throw new ValidationException("ticket", "is required");
        }
        TicketSource source = in.source() == null ? TicketSource.MANUAL : in.source();
        String external = text("externalNumber", in.externalNumber(), 100, false);
        Long posId = in.posId();
        Long equipmentId = in.equipmentId();
        if (equipmentId != null) {
            Equipment e = catalog.equipment(caller, equipmentId);
            if (e.posId() == null) {
                throw new ValidationException("equipmentId", "the machine is in stock, not at a point of sale");
            }
            if (posId != null && !posId.equals(e.posId())) {
                throw new ValidationException("equipmentId", "the machine stands at another point of sale");
            }
            posId = e.posId();
        }
        long clientId;
        Long regionId = null;
        if (posId != null) {
            PointOfSale pos = catalog.pointOfSale(caller, posId);
            if (in.clientId() != null && in.clientId() != pos.clientId()) {
                throw new ValidationException("clientId", "the point of sale belongs to another client");
            }
            clientId = pos.clientId();
            regionId = pos.regionId();
        } else if (in.clientId() != null) {
            clientId = catalog.client(caller, in.clientId()).id();
        } else {
            throw new ValidationException("posId", "give the point of sale (or at least the client)");
        }
        Instant now = clock.instant();
        TicketStore.Row row = new TicketStore.Row(source, external, now, caller.username(),
                category(in.category()), clientId, posId, equipmentId,
                text("rentedEquipment", in.rentedEquipment(), 200, false), regionId,
                text("applicant", in.applicant(), 200, false), text("applicantPhone", in.applicantPhone(), 50, false),
                text("reason", in.reason(), 2000, true), in.plannedEnd());
        Ticket created = db.tx(c -> {
            if (external != null && TicketStore.findExternal(c, source, external) != null) {
                throw duplicate(source, external);
            }
            long id;
            try {
                id = TicketStore.insert(c, row);
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) { // a concurrent import of the same number won the race
                    throw duplicate(source, external);
                }
                throw e;
            }
            TicketStore.history(c, id, now, caller.username(), "CREATED", null, TicketState.NEW,
                    source + (external == null ? "" : " " + external));
            return TicketStore.find(c, id);
        });
        journal(created, caller, "Ticket " + created.number() + " opened (" + source + ")");
        return created;
    }

    private static ConflictException duplicate(TicketSource source, String external) {
        return new ConflictException("externalNumber: a " + source + " ticket with external number " + external
                + " already exists");
    }

    @Override
    public Ticket get(Caller caller, long id) {
        caller.require("read tickets", Access.READERS);
        return Access.visible(caller, db.read(c -> TicketStore.find(c, id)), id);
    }

    @Override
    public Ticket byNumber(Caller caller, String number) {
        long id = TicketStore.idOf(number);
        if (id < 0) {
            throw new NotFoundException("ticket", number);
        }
        return get(caller, id);
    }

    @Override
    public Optional<Ticket> findByExternal(Caller caller, TicketSource source, String externalNumber) {
        caller.require("read tickets", Access.READERS);
        if (source == null || externalNumber == null || externalNumber.isBlank()) {
            return Optional.empty();
        }
        return db.read(c -> {
            Long id = TicketStore.findExternal(c, source, externalNumber.strip());
            return id == null ? Optional.<Ticket>empty() : Optional.ofNullable(TicketStore.find(c, id));
        }).filter(t -> Access.canSee(caller, t));
    }

    @Override
    public Page<Ticket> search(Caller caller, TicketQuery query) {
        caller.require("read tickets", Access.READERS);
        TicketQuery q = query == null ? TicketQuery.all() : query;
        return db.read(c -> TicketStore.search(c, q, Access.clients(caller),
                Access.ownTicketsOnly(caller) ? caller.username() : null));
    }

    // ---- changes ----

    @Override
    public Ticket update(Caller caller, long id, TicketUpdate u) {
        if (u == null) {
            throw new ValidationException("update", "is required");
        }
        return change(caller, id, u.version(), "EDITED", t -> {
            Access.requireEditor(caller, t, "edit");
            open(t);
            Long equipmentId = u.equipmentId();
            if (equipmentId != null && !equipmentId.equals(t.equipmentId())) {
                Equipment e = catalog.equipment(caller, equipmentId);
                if (t.posId() == null || !t.posId().equals(e.posId())) {
                    throw new ValidationException("equipmentId", "the machine does not stand at the ticket's POS");
                }
            }
            if (u.workStart() != null && u.workEnd() != null && u.workEnd().isBefore(u.workStart())) {
                throw new ValidationException("workEnd", "is before the work start");
            }
            return new Ticket(t.id(), t.number(), t.source(), t.externalNumber(), t.createdAt(), t.createdBy(),
                    category(u.category()), t.state(), t.clientId(), t.posId(), equipmentId,
                    text("rentedEquipment", u.rentedEquipment(), 200, false), t.regionId(),
                    text("applicant", u.applicant(), 200, false), text("applicantPhone", u.applicantPhone(), 50, false),
                    text("reason", u.reason(), 2000, true), t.executor(), t.handledBy(), t.fieldVisit(), u.plannedEnd(),
                    u.workStart(), u.workEnd(), text("result", u.result(), 2000, false), t.cancelReason(),
                    text("callRecording", u.callRecording(), 1000, false), t.lineCount(), t.attachmentCount(),
                    t.signed(), t.updatedAt(), t.version());
        }, t -> "Ticket " + t.number() + " edited");
    }

    @Override
    public Ticket transition(Caller caller, long id, long version, TicketState to, String reason) {
        if (to == null) {
            throw new ValidationException("state", "is required");
        }
        return change(caller, id, version, "TRANSITION", t -> {
            StateMachine.check(caller, t, to);
            String why = text("reason", reason, 1000, StateMachine.needsReason(t.state(), to));
            Instant now = clock.instant();
            Instant start = to == TicketState.IN_PROGRESS && t.workStart() == null ? now : t.workStart();
            Instant end = to == TicketState.DONE && t.workEnd() == null ? now : t.workEnd();
            return with(t, to, t.executor(), t.handledBy(), t.fieldVisit(), t.plannedEnd(), start, end, t.result(),
                    to == TicketState.CANCELLED ? why : t.cancelReason());
        }, t -> "Ticket " + t.number() + ": " + to + (reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")"));
    }

    @Override
    public Ticket assign(Caller caller, long id, long version, String executor, Instant plannedEnd) {
        caller.require("assign tickets", Access.DESK);
        String who = text("executor", executor, 100, true);
        Caller mechanic = users.callerFor(who).orElseThrow(
                () -> new ValidationException("executor", "no active user " + who));
        if (!mechanic.hasAny(Role.ENGINEER, Role.OPERATOR)) {
            throw new ValidationException("executor", who + " is neither an engineer nor an operator");
        }
        return change(caller, id, version, "ASSIGNED", t -> {
            if (t.state() != TicketState.NEW && t.state() != TicketState.ASSIGNED) {
                throw new ConflictException("ticket " + t.number() + " is " + t.state()
                        + ": only new or assigned tickets can be (re)assigned");
            }
            if (!mechanic.canSeeClient(t.clientId())) {
                throw new ValidationException("executor", who + " may not see this ticket's client");
            }
            return with(t, TicketState.ASSIGNED, who, null, mechanic.has(Role.ENGINEER) || t.fieldVisit(),
                    plannedEnd == null ? t.plannedEnd() : plannedEnd, t.workStart(), t.workEnd(), t.result(),
                    t.cancelReason());
        }, t -> "Ticket " + t.number() + " assigned to " + who);
    }

    @Override
    public List<TicketLine> lines(Caller caller, long id) {
        get(caller, id);
        return db.read(c -> TicketStore.lines(c, id));
    }

    @Override
    public Ticket saveLines(Caller caller, long id, long version, List<TicketLine> lines) {
        List<TicketLine> checked = checkLines(lines);
        return bump(caller, id, version, "LINES", c -> TicketStore.replaceLines(c, id, checked),
                checked.size() + " line(s)", t -> "Ticket " + t.number() + ": works and parts ("
                        + checked.size() + " line(s))");
    }

    static List<TicketLine> checkLines(List<TicketLine> lines) {
        if (lines == null) {
            throw new ValidationException("lines", "are required (an empty list removes all)");
        }
        if (lines.size() > 200) {
            throw new ValidationException("lines", "at most 200 lines");
        }
        List<TicketLine> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            TicketLine l = lines.get(i);
            String f = "lines[" + i + "].";
            if (l == null || l.kind() == null) {
                throw new ValidationException(f + "kind", "is required (WORK or PART)");
            }
            BigDecimal q = l.quantity() == null ? BigDecimal.ONE : l.quantity();
            if (q.signum() <= 0 || q.compareTo(new BigDecimal("1000000")) >= 0 || q.scale() > 3) {
                throw new ValidationException(f + "quantity", "must be positive, below a million, 3 decimals at most");
            }
            String article = text(f + "article", l.article(), 100, false);
            String description = text(f + "description", l.description(), 1000, false);
            if (article == null && description == null) {
                throw new ValidationException(f + "description", "give an article or a description");
            }
            out.add(new TicketLine(null, l.kind(), article, description, q,
                    text(f + "serialNumber", l.serialNumber(), 100, false), l.warranty()));
        }
        return out;
    }

    @Override
    public List<Attachment> attachments(Caller caller, long id) {
        get(caller, id);
        return db.read(c -> TicketStore.attachments(c, id));
    }

    @Override
    public Attachment attach(Caller caller, long id, String fileName, String contentType, byte[] content) {
        Ticket t = get(caller, id);
        Access.requireEditor(caller, t, "attach files to");
        open(t);
        String name = text("fileName", fileName, 255, true).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        if (content == null || content.length == 0) {
            throw new ValidationException("content", "the file is empty");
        }
        if (content.length > settings.maxAttachmentBytes()) {
            throw new ValidationException("content", "the file has " + content.length + " bytes, at most "
                    + settings.maxAttachmentBytes() + " are accepted");
        }
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream"
                : text("contentType", contentType, 100, false);
        Instant now = clock.instant();
        long aid = db.tx(c -> {
            long a = TicketStore.insertAttachment(c, id, name, type, content, caller.username(), now);
            TicketStore.history(c, id, now, caller.username(), "ATTACHED", null, null,
                    name + " (" + content.length + " bytes)");
            return a;
        });
        journal(t, caller, "Ticket " + t.number() + ": file " + name + " attached");
        return new Attachment(aid, id, name, type, content.length, caller.username(), now);
    }

    @Override
    public byte[] attachmentContent(Caller caller, long id, long attachmentId) {
        get(caller, id);
        byte[] b = db.read(c -> TicketStore.bytes(c,
                "SELECT content FROM cc_tkt_attachment WHERE id = ? AND ticket_id = ?", attachmentId, id));
        if (b == null) {
            throw new NotFoundException("attachment", attachmentId);
        }
        return b;
    }

    @Override
    public void detach(Caller caller, long id, long attachmentId) {
        Ticket t = get(caller, id);
        Access.requireEditor(caller, t, "remove files from");
        open(t);
        Instant now = clock.instant();
        String name = db.tx(c -> {
            String file = TicketStore.attachments(c, id).stream().filter(a -> a.id() == attachmentId)
                    .map(Attachment::fileName).findFirst().orElseThrow(
                            () -> new NotFoundException("attachment", attachmentId));
            Jdbc.update(c, "DELETE FROM cc_tkt_attachment WHERE id = ? AND ticket_id = ?", attachmentId, id);
            TicketStore.history(c, id, now, caller.username(), "DETACHED", null, null,
                    file + " (file " + attachmentId + ")");
            return file;
        });
        journal(t, caller, "Ticket " + t.number() + ": file " + name + " removed");
    }

    @Override
    public Ticket sign(Caller caller, long id, long version, byte[] png, String signedBy) {
        if (png == null || png.length < 8 || (png[0] & 0xff) != 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new ValidationException("signature", "must be a PNG image");
        }
        if (png.length > settings.maxSignatureBytes()) {
            throw new ValidationException("signature", "at most " + settings.maxSignatureBytes() + " bytes");
        }
        String by = text("signedBy", signedBy, 200, true);
        Instant now = clock.instant();
        return bump(caller, id, version, "SIGNED", c -> {
            try (var ps = c.prepareStatement(
                    "UPDATE cc_tkt_ticket SET signature = ?, signed_by = ?, signed_at = ? WHERE id = ?")) {
                ps.setBytes(1, png);
                ps.setString(2, by);
                Jdbc.setTime(ps, 3, now);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
        }, "signed by " + by, t -> "Ticket " + t.number() + " signed by " + by);
    }

    @Override
    public Optional<byte[]> signature(Caller caller, long id) {
        get(caller, id);
        return Optional.ofNullable(db.read(c -> TicketStore.bytes(c,
                "SELECT signature FROM cc_tkt_ticket WHERE id = ? AND id = ?", id, id)));
    }

    @Override
    public List<HistoryEntry> history(Caller caller, long id) {
        get(caller, id);
        return db.read(c -> TicketStore.history(c, id));
    }

    @Override
    public HistoryEntry note(Caller caller, long id, String text) {
        Ticket t = get(caller, id);
        if (!caller.username().equals(t.executor())) {
            caller.require("add notes to tickets", Access.CREATORS);
        }
        String note = text("text", text, 2000, true);
        Instant now = clock.instant();
        db.tx(c -> {
            TicketStore.history(c, id, now, caller.username(), "NOTE", null, null, note);
            return null;
        });
        // notes carry steps of their own (the act mailed to the POS, a mail reply, a send-back for correction):
        // the journal must show them too (TKT-8)
        journal(t, caller, "Ticket " + t.number() + ": " + note);
        List<HistoryEntry> h = history(caller, id);
        return h.get(h.size() - 1);
    }

    // ---- operator queue ----

    @Override
    public List<QueueItem> queue(Caller caller) {
        caller.require("see the operator queue", Role.OPERATOR, Role.SERVICE_ADMIN, Role.MANAGER);
        List<PriorityRule> rules = priorityRules(caller);
        List<Ticket> open = db.read(c -> TicketStore.search(c, new TicketQuery(null,
                EnumSet.of(TicketState.NEW, TicketState.IN_PROGRESS), null, null, null, null, null, null, null, null,
                false, org.coffeecontrol.api.PageRequest.all()), Access.clients(caller), null)).items();
        Map<Long, String> sla = new HashMap<>();
        Instant now = clock.instant();
        List<QueueItem> out = new ArrayList<>();
        for (Ticket t : open) {
            if (t.source() == TicketSource.AUDIT || (t.state() == TicketState.IN_PROGRESS && t.handledBy() == null)) {
                continue; // planned visits and engineers' work are not the operators' queue
            }
            String level = t.posId() == null ? null : sla.computeIfAbsent(t.posId(), p -> slaLevel(p));
            int points = 0;
            List<String> matched = new ArrayList<>();
            for (PriorityRule r : rules) {
                if (Priorities.matches(r, t, level, now)) {
                    points += r.points();
                    matched.add(r.name());
                }
            }
            out.add(new QueueItem(t, points, matched));
        }
        out.sort(Comparator.comparingInt(QueueItem::priority).reversed()
                .thenComparing(q -> q.ticket().createdAt()).thenComparingLong(q -> q.ticket().id()));
        return out;
    }

    private String slaLevel(long posId) {
        try {
            return catalog.pointOfSale(Caller.system(), posId).slaLevel();
        } catch (NotFoundException e) {
            return null;
        }
    }

    @Override
    public Ticket take(Caller caller, long id, long version) {
        caller.require("take tickets", Access.DESK);
        return change(caller, id, version, "TAKEN", t -> {
            if (t.handledBy() != null && !t.handledBy().equals(caller.username())) {
                throw takenBy(t);
            }
            if (t.state() != TicketState.NEW || t.fieldVisit()) {
                throw new ConflictException("ticket " + t.number() + " is " + t.state()
                        + (t.fieldVisit() ? " and waits for a field visit" : "") + ": it cannot be taken");
            }
            return with(t, TicketState.IN_PROGRESS, caller.username(), caller.username(), false, t.plannedEnd(),
                    clock.instant(), t.workEnd(), t.result(), t.cancelReason());
        }, t -> "Ticket " + t.number() + " taken by operator " + caller.username());
    }

    private static ConflictException takenBy(Ticket t) {
        return new ConflictException("ticket " + t.number() + " is already taken by " + t.handledBy());
    }

    @Override
    public Ticket resolveRemotely(Caller caller, long id, long version, String result) {
        caller.require("resolve tickets", Access.DESK);
        String res = text("result", result, 2000, true);
        return change(caller, id, version, "RESOLVED", t -> {
            operatorMayWork(caller, t);
            Instant now = clock.instant();
            return with(t, TicketState.CLOSED, t.executor() == null ? caller.username() : t.executor(),
                    t.handledBy(), false, t.plannedEnd(), t.workStart() == null ? now : t.workStart(), now, res,
                    t.cancelReason());
        }, t -> "Ticket " + t.number() + " resolved remotely and closed: " + res);
    }

    @Override
    public Ticket escalate(Caller caller, long id, long version, String reason) {
        caller.require("escalate tickets", Access.DESK);
        String why = text("reason", reason, 1000, false);
        return change(caller, id, version, "ESCALATED", t -> {
            operatorMayWork(caller, t);
            return with(t, TicketState.NEW, null, null, true, t.plannedEnd(), null, null, t.result(),
                    t.cancelReason());
        }, t -> "Ticket " + t.number() + " escalated to a field visit" + (why == null ? "" : ": " + why));
    }

    /** Remote work is on new tickets, or on the ones this operator took. */
    private static void operatorMayWork(Caller caller, Ticket t) {
        boolean mine = t.state() == TicketState.IN_PROGRESS && caller.username().equals(t.handledBy());
        boolean othersButAdmin = t.state() == TicketState.IN_PROGRESS && t.handledBy() != null
                && caller.hasAny(Role.SERVICE_ADMIN, Role.ADMIN);
        if (t.state() == TicketState.IN_PROGRESS && t.handledBy() != null && !mine && !othersButAdmin) {
            throw takenBy(t);
        }
        if (!(t.state() == TicketState.NEW && !t.fieldVisit()) && !mine && !othersButAdmin) {
            throw new ConflictException("ticket " + t.number() + " is " + t.state()
                    + (t.fieldVisit() ? " (field visit)" : "") + ": not in the operator's hands");
        }
    }

    @Override
    public List<PriorityRule> priorityRules(Caller caller) {
        caller.require("read priority rules", Role.OPERATOR, Role.SERVICE_ADMIN, Role.MANAGER);
        return db.read(Priorities::list);
    }

    @Override
    public PriorityRule savePriorityRule(Caller caller, PriorityRule rule) {
        caller.require("set ticket priorities", Role.MANAGER);
        PriorityRule r = Priorities.check(rule);
        return db.tx(c -> Priorities.save(c, r));
    }

    @Override
    public void deletePriorityRule(Caller caller, long ruleId) {
        caller.require("set ticket priorities", Role.MANAGER);
        db.tx(c -> {
            if (Jdbc.update(c, "DELETE FROM cc_tkt_rule WHERE id = ?", ruleId) == 0) {
                throw new NotFoundException("priority rule", ruleId);
            }
            return null;
        });
    }

    // ---- plumbing ----

    /**
     * Reads the ticket, lets {@code edit} check and change it, writes it if nobody changed it since {@code version},
     * records the history, then reports to the journal.
     */
    private Ticket change(Caller caller, long id, long version, String action, UnaryOperator<Ticket> edit,
            java.util.function.Function<Ticket, String> journalText) {
        Ticket current = get(caller, id);
        if (current.version() != version) {
            throw lost(action, current, caller);
        }
        Ticket changed = edit.apply(current);
        Instant now = clock.instant();
        Ticket saved = db.tx(c -> {
            if (!TicketStore.write(c, changed, now, caller.username())) {
                throw lost(action, TicketStore.find(c, id), caller);
            }
            TicketState from = current.state() == changed.state() ? null : current.state();
            TicketState to = from == null ? null : changed.state();
            TicketStore.history(c, id, now, caller.username(), action, from, to, describe(current, changed));
            return TicketStore.find(c, id);
        });
        journal(saved, caller, journalText.apply(saved));
        return saved;
    }

    @FunctionalInterface
    private interface RowWork {
        void run(Connection c) throws SQLException;
    }

    /** A change stored outside the ticket row (lines, signature) that still takes the ticket's version. */
    private Ticket bump(Caller caller, long id, long version, String action, RowWork work, String detail,
            java.util.function.Function<Ticket, String> journalText) {
        Ticket t = get(caller, id);
        Access.requireEditor(caller, t, "change");
        open(t);
        Instant now = clock.instant();
        Ticket saved = db.tx(c -> {
            if (t.version() != version || !TicketStore.touch(c, id, version, now, caller.username())) {
                throw stale(TicketStore.find(c, id));
            }
            work.run(c);
            TicketStore.history(c, id, now, caller.username(), action, null, null, detail);
            return TicketStore.find(c, id);
        });
        journal(saved, caller, journalText.apply(saved));
        return saved;
    }

    /** Two operators taking the same ticket: the loser learns who has it. */
    private ConflictException lost(String action, Ticket fresh, Caller caller) {
        if ("TAKEN".equals(action) && fresh.handledBy() != null && !fresh.handledBy().equals(caller.username())) {
            return takenBy(fresh);
        }
        return stale(fresh);
    }

    private ConflictException stale(Ticket fresh) {
        String by = fresh.handledBy() != null ? fresh.handledBy() : db.read(c -> TicketStore.lastEditor(c, fresh.id()));
        return new ConflictException("ticket " + fresh.number() + " was changed meanwhile by " + by
                + " (now " + fresh.state() + ", version " + fresh.version() + "); reload it and try again");
    }

    private static String describe(Ticket a, Ticket b) {
        List<String> d = new ArrayList<>();
        diff(d, "state", a.state(), b.state());
        diff(d, "executor", a.executor(), b.executor());
        diff(d, "category", a.category(), b.category());
        diff(d, "equipment", a.equipmentId(), b.equipmentId());
        diff(d, "rentedEquipment", a.rentedEquipment(), b.rentedEquipment());
        diff(d, "applicant", a.applicant(), b.applicant());
        diff(d, "applicantPhone", a.applicantPhone(), b.applicantPhone());
        diff(d, "reason", a.reason(), b.reason());
        diff(d, "plannedEnd", a.plannedEnd(), b.plannedEnd());
        diff(d, "workStart", a.workStart(), b.workStart());
        diff(d, "workEnd", a.workEnd(), b.workEnd());
        diff(d, "result", a.result(), b.result());
        diff(d, "cancelReason", a.cancelReason(), b.cancelReason());
        diff(d, "callRecording", a.callRecording(), b.callRecording());
        diff(d, "fieldVisit", a.fieldVisit(), b.fieldVisit());
        return String.join("; ", d);
    }

    private static void diff(List<String> out, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(field + ": " + (before == null ? "-" : before) + " → " + (after == null ? "-" : after));
        }
    }

    private static Ticket with(Ticket t, TicketState state, String executor, String handledBy, boolean fieldVisit,
            Instant plannedEnd, Instant workStart, Instant workEnd, String result, String cancelReason) {
        return new Ticket(t.id(), t.number(), t.source(), t.externalNumber(), t.createdAt(), t.createdBy(),
                t.category(), state, t.clientId(), t.posId(), t.equipmentId(), t.rentedEquipment(), t.regionId(),
                t.applicant(), t.applicantPhone(), t.reason(), executor, handledBy, fieldVisit, plannedEnd, workStart,
                workEnd, result, cancelReason, t.callRecording(), t.lineCount(), t.attachmentCount(), t.signed(),
                t.updatedAt(), t.version());
    }

    private static void open(Ticket t) {
        if (!t.state().open()) {
            throw new ConflictException("ticket " + t.number() + " is " + t.state() + " and can no longer be changed");
        }
    }

    private void journal(Ticket t, Caller caller, String text) {
        TicketJournal j = journal;
        if (j != null) {
            j.record(t, caller.username(), text);
        }
    }

    static String category(String value) {
        String c = text("category", value, 50, false);
        return c == null ? DEFAULT_CATEGORY : c.toUpperCase(Locale.ROOT);
    }

    /** Trimmed text, null when blank; too long or missing-but-required fails naming the field. */
    static String text(String field, String value, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                throw new ValidationException(field, "is required");
            }
            return null;
        }
        if (v.length() > max) {
            throw new ValidationException(field, "at most " + max + " characters");
        }
        return v;
    }

    Settings settings() {
        return settings;
    }
}
