package org.coffeecontrol.tickets.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.tickets.api.AuditPlan;
import org.coffeecontrol.tickets.api.AuditProgress;
import org.coffeecontrol.tickets.api.AuditRequest;
import org.coffeecontrol.tickets.api.AuditRunResult;
import org.coffeecontrol.tickets.api.AuditService;
import org.coffeecontrol.tickets.api.Checklist;
import org.coffeecontrol.tickets.api.ChecklistAnswer;
import org.coffeecontrol.tickets.api.ChecklistItem;
import org.coffeecontrol.tickets.api.NewTicket;
import org.coffeecontrol.tickets.api.PlannedAudit;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketService;
import org.coffeecontrol.tickets.api.TicketSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Monthly audit planning and inspection checklists. A visit is identified by its external number
 * {@code AUDIT-<pos>-<yyyy-MM>-<n>}, unique among AUDIT tickets: that is what makes a second run (or two runs at
 * once) create nothing new.
 */
@Component(service = AuditService.class, configurationPid = TicketsConfig.PID)
public class AuditServiceImpl implements AuditService {

    private final FieldDesk desk;

    @Activate
    public AuditServiceImpl(@Reference(target = "(dataSourceName=coffee)") DataSource dataSource,
            @Reference TicketService tickets, @Reference CatalogService catalog, @Reference UserService users,
            TicketsConfig config) {
        this(new FieldDesk(dataSource, tickets, catalog, users, Settings.from(config), Clock.systemUTC()));
    }

    AuditServiceImpl(FieldDesk desk) {
        this.desk = desk;
    }

    static String externalNumber(long posId, YearMonth month, int visit) {
        return "AUDIT-" + posId + "-" + month + "-" + visit;
    }

    @Override
    public AuditPlan preview(Caller caller, AuditRequest request) {
        caller.require("plan audits", Role.SERVICE_ADMIN);
        AuditRequest r = request == null ? new AuditRequest(null, null, null) : request;
        YearMonth month = r.month() != null ? r.month()
                : YearMonth.now(desk.clock().withZone(desk.settings().zone())).plusMonths(1);
        String chosen = TicketServiceImpl.text("mechanic", r.mechanic(), 100, false);
        if (chosen != null) {
            desk.engineer("mechanic", chosen);
        }
        List<PlannedAudit> visits = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int toCreate = 0;
        for (PointOfSale pos : pointsOfSale(caller, r.clientId())) {
            int n = desk.settings().visits(pos.slaLevel());
            if (n == 0) {
                warnings.add(pos.name() + ": SLA level " + (pos.slaLevel() == null ? "not set" : "'"
                        + pos.slaLevel() + "' asks for no visits") + ", no audit planned");
                continue;
            }
            String mechanic = chosen != null ? chosen : pos.auditMechanic();
            if (mechanic == null) {
                warnings.add(pos.name() + ": no audit mechanic on the POS card, visits stay unassigned");
            }
            for (int v = 1; v <= n; v++) {
                LocalDate date = month.atDay(1 + (v - 1) * month.lengthOfMonth() / n);
                String existing = desk.tickets().findByExternal(Caller.system(), TicketSource.AUDIT,
                        externalNumber(pos.id(), month, v)).map(Ticket::number).orElse(null);
                toCreate += existing == null ? 1 : 0;
                visits.add(new PlannedAudit(pos.id(), pos.name(), pos.clientId(), pos.slaLevel(), v, date, mechanic,
                        existing));
            }
        }
        return new AuditPlan(month, visits, toCreate, warnings);
    }

    private List<PointOfSale> pointsOfSale(Caller caller, Long clientId) {
        List<PointOfSale> all = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<PointOfSale> page = desk.catalog().pointsOfSale(caller, new CatalogQuery(null, clientId, null, null,
                    null, new PageRequest(offset, PageRequest.MAX_LIMIT)));
            all.addAll(page.items());
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return all;
            }
        }
    }

    @Override
    public AuditRunResult run(Caller caller, AuditRequest request, AuditProgress progress) {
        AuditPlan plan = preview(caller, request);
        List<String> created = new ArrayList<>();
        int skipped = 0;
        int done = 0;
        for (PlannedAudit v : plan.visits()) {
            if (v.existingTicket() != null) {
                skipped++;
            } else {
                try {
                    Instant due = v.plannedDate().plusDays(1).atStartOfDay(desk.settings().zone()).toInstant();
                    Ticket t = desk.tickets().create(caller, new NewTicket(TicketSource.AUDIT,
                            externalNumber(v.posId(), plan.month(), v.visit()), "AUDIT", null, v.posId(), null, null,
                            null, null, "Planned audit visit " + v.visit() + " of " + plan.month() + " (SLA "
                                    + v.slaLevel() + ")", due));
                    if (v.mechanic() != null) {
                        try {
                            t = desk.tickets().assign(caller, t.id(), t.version(), v.mechanic(), due);
                        } catch (ValidationException e) {
                            // the mechanic cannot take it (e.g. no access to this client): it waits for dispatch
                            desk.tickets().note(caller, t.id(),
                                    "Not assigned to " + v.mechanic() + ": " + e.getMessage());
                        }
                    }
                    created.add(t.number());
                } catch (ConflictException e) {
                    skipped++; // a concurrent run created this visit first
                }
            }
            done++;
            if (progress != null) {
                progress.done(done, plan.visits().size());
            }
        }
        return new AuditRunResult(plan.month(), created.size(), skipped, created);
    }

    // ---- checklists ----

    @Override
    public Checklist checklist(Caller caller, long ticketId) {
        Ticket t = desk.tickets().get(caller, ticketId);
        return desk.db().read(c -> load(c, t));
    }

    private Checklist load(Connection c, Ticket t) throws SQLException {
        List<ChecklistItem> items = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.bind(c, "SELECT item_key, label, answer, note FROM cc_tkt_checklist "
                + "WHERE ticket_id = ? ORDER BY line_no", List.of(t.id())); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String a = rs.getString("answer");
                items.add(new ChecklistItem(rs.getString("item_key"), rs.getString("label"),
                        a == null ? null : ChecklistAnswer.valueOf(a), rs.getString("note")));
            }
        }
        Instant doneAt = null;
        String doneBy = null;
        try (PreparedStatement ps = Jdbc.bind(c, "SELECT checklist_done_at, checklist_done_by FROM cc_tkt_ticket "
                + "WHERE id = ?", List.of(t.id())); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                doneAt = Jdbc.time(rs, "checklist_done_at");
                doneBy = rs.getString("checklist_done_by");
            }
        }
        return new Checklist(t.id(), t.number(), t.clientId(), t.posId(), t.equipmentId(),
                items.isEmpty() ? desk.settings().checklistTemplate() : items, doneAt, doneBy);
    }

    @Override
    public Checklist saveChecklist(Caller caller, long ticketId, List<ChecklistItem> items, boolean complete) {
        Ticket t = desk.tickets().get(caller, ticketId);
        Access.requireEditor(caller, t, "fill the checklist");
        if (!t.state().open()) {
            throw new ConflictException("ticket " + t.number() + " is " + t.state() + " and can no longer be changed");
        }
        if (items == null || items.isEmpty()) {
            throw new ValidationException("items", "are required");
        }
        List<ChecklistItem> checked = new ArrayList<>();
        Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            ChecklistItem it = items.get(i);
            String f = "items[" + i + "].";
            String key = TicketServiceImpl.text(f + "key", it == null ? null : it.key(), 50, true);
            if (!keys.add(key)) {
                throw new ValidationException(f + "key", "'" + key + "' appears twice");
            }
            if (complete && it.answer() == null) {
                throw new ValidationException(f + "answer", "'" + it.label() + "' is not answered yet");
            }
            checked.add(new ChecklistItem(key, TicketServiceImpl.text(f + "label", it.label(), 300, true), it.answer(),
                    TicketServiceImpl.text(f + "comment", it.comment(), 1000, false)));
        }
        Instant now = desk.clock().instant();
        return desk.db().tx(c -> {
            Jdbc.update(c, "DELETE FROM cc_tkt_checklist WHERE ticket_id = ?", t.id());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_tkt_checklist (ticket_id, line_no, "
                    + "item_key, label, answer, note) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < checked.size(); i++) {
                    ChecklistItem it = checked.get(i);
                    ps.setLong(1, t.id());
                    ps.setInt(2, i);
                    ps.setString(3, it.key());
                    ps.setString(4, it.label());
                    ps.setString(5, it.answer() == null ? null : it.answer().name());
                    ps.setString(6, it.comment());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Jdbc.update(c, "UPDATE cc_tkt_ticket SET checklist_done_at = ?, checklist_done_by = ? WHERE id = ?",
                    complete ? now : null, complete ? caller.username() : null, t.id());
            long notOk = checked.stream().filter(x -> x.answer() == ChecklistAnswer.NOT_OK).count();
            TicketStore.history(c, t.id(), now, caller.username(), "CHECKLIST", null, null,
                    (complete ? "completed" : "saved") + ", " + notOk + " point(s) not OK");
            return load(c, t);
        });
    }

    @Override
    public List<Checklist> completedChecklists(Caller caller, Long clientId, Instant from, Instant to) {
        caller.require("read checklists", Access.READERS);
        if (from == null || to == null || !from.isBefore(to)) {
            throw new ValidationException("to", "give a period with from before to");
        }
        List<Long> ids = desk.db().read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = Jdbc.bind(c, "SELECT id FROM cc_tkt_ticket WHERE checklist_done_at >= ? "
                    + "AND checklist_done_at < ? ORDER BY checklist_done_at, id", List.of(from, to));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
        List<Checklist> out = new ArrayList<>();
        for (long id : ids) {
            Ticket t = desk.db().read(c -> TicketStore.find(c, id));
            if (Access.canSee(caller, t) && (clientId == null || clientId == t.clientId())) {
                out.add(desk.db().read(c -> load(c, t)));
            }
        }
        return out;
    }
}
