package org.coffeecontrol.tickets.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserAccount;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.tickets.api.DispatchAdvice;
import org.coffeecontrol.tickets.api.DispatchService;
import org.coffeecontrol.tickets.api.Mechanic;
import org.coffeecontrol.tickets.api.MechanicCandidate;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketService;
import org.coffeecontrol.tickets.api.TicketSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Mechanics' cards (home, working hours, limit) and the ranking of who could take a field ticket. Every enabled
 * user with the ENGINEER role is a mechanic; a card only adds where he lives and when he works.
 */
@Component(service = DispatchService.class, configurationPid = TicketsConfig.PID)
public class DispatchServiceImpl implements DispatchService {

    private static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final FieldDesk desk;

    @Activate
    public DispatchServiceImpl(@Reference(target = "(dataSourceName=coffee)") DataSource dataSource,
            @Reference TicketService tickets, @Reference CatalogService catalog, @Reference UserService users,
            TicketsConfig config) {
        this(new FieldDesk(dataSource, tickets, catalog, users, Settings.from(config), Clock.systemUTC()));
    }

    DispatchServiceImpl(FieldDesk desk) {
        this.desk = desk;
    }

    @Override
    public List<Mechanic> mechanics(Caller caller) {
        caller.require("list mechanics", Role.SERVICE_ADMIN, Role.OPERATOR, Role.MANAGER);
        Map<String, Mechanic> cards = desk.db().read(DispatchServiceImpl::cards);
        List<Mechanic> out = new ArrayList<>();
        for (UserAccount u : desk.users().users(Caller.system(), null, PageRequest.all()).items()) {
            if (u.enabled() && u.roles().contains(Role.ENGINEER)) {
                Mechanic card = cards.get(u.username());
                out.add(card != null ? card : new Mechanic(u.username(), u.displayName(), null, null, Set.of(), null,
                        null, desk.settings().defaultMaxOpen(), true));
            }
        }
        return out;
    }

    @Override
    public Mechanic mechanic(Caller caller, String username) {
        return mechanics(caller).stream().filter(m -> m.username().equals(username)).findFirst()
                .orElseThrow(() -> new NotFoundException("mechanic", username));
    }

    @Override
    public Mechanic saveMechanic(Caller caller, Mechanic m) {
        caller.require("edit mechanics", Role.SERVICE_ADMIN);
        if (m == null) {
            throw new ValidationException("mechanic", "is required");
        }
        String name = TicketServiceImpl.text("username", m.username(), 100, true);
        desk.engineer("username", name);
        coordinate("homeLatitude", m.homeLatitude(), 90);
        coordinate("homeLongitude", m.homeLongitude(), 180);
        if ((m.homeLatitude() == null) != (m.homeLongitude() == null)) {
            throw new ValidationException("homeLongitude", "give both coordinates or none");
        }
        if ((m.workStart() == null) != (m.workEnd() == null)
                || (m.workStart() != null && !m.workStart().isBefore(m.workEnd()))) {
            throw new ValidationException("workEnd", "give start and end of the working day, end after start");
        }
        if (m.maxOpen() < 1 || m.maxOpen() > 100) {
            throw new ValidationException("maxOpen", "between 1 and 100");
        }
        Mechanic saved = new Mechanic(name, TicketServiceImpl.text("displayName", m.displayName(), 200, false),
                m.homeLatitude(), m.homeLongitude(), m.workDays(), m.workStart(), m.workEnd(), m.maxOpen(), m.active());
        desk.db().tx(c -> {
            Jdbc.update(c, "DELETE FROM cc_tkt_mechanic WHERE username = ?", name);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_tkt_mechanic (username, display_name, "
                    + "home_lat, home_lon, work_days, work_start, work_end, max_open, active) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, saved.displayName());
                Jdbc.setDouble(ps, 3, saved.homeLatitude());
                Jdbc.setDouble(ps, 4, saved.homeLongitude());
                // three letters a day: the whole week fits the column
                ps.setString(5, saved.workDays().stream().sorted().map(d -> d.name().substring(0, 3))
                        .collect(Collectors.joining(",")));
                ps.setString(6, saved.workStart() == null ? null : saved.workStart().toString());
                ps.setString(7, saved.workEnd() == null ? null : saved.workEnd().toString());
                ps.setInt(8, saved.maxOpen());
                ps.setBoolean(9, saved.active());
                ps.executeUpdate();
            }
            return null;
        });
        return saved;
    }

    private static void coordinate(String field, Double v, double max) {
        if (v != null && (v.isNaN() || Math.abs(v) > max)) {
            throw new ValidationException(field, "must lie between -" + (int) max + " and " + (int) max);
        }
    }

    @Override
    public DispatchAdvice advise(Caller caller, long ticketId) {
        caller.require("dispatch tickets", Access.DESK);
        Ticket t = desk.tickets().get(caller, ticketId);
        PointOfSale pos = t.posId() == null ? null : desk.catalog().pointOfSale(caller, t.posId());
        boolean audit = t.source() == TicketSource.AUDIT || "AUDIT".equalsIgnoreCase(t.category());
        String organisation = pos == null ? null : audit ? pos.auditOrganisation() : pos.serviceOrganisation();
        String posMechanic = pos == null ? null : audit ? pos.auditMechanic() : pos.serviceMechanic();
        Map<String, Integer> open = desk.db().read(DispatchServiceImpl::openTickets);
        ZonedDateTime now = ZonedDateTime.now(desk.clock().withZone(desk.settings().zone()));
        List<MechanicCandidate> candidates = new ArrayList<>();
        for (Mechanic m : mechanics(caller)) {
            Caller user = desk.users().callerFor(m.username()).orElse(null);
            if (!m.active() || user == null || !user.canSeeClient(t.clientId())) {
                continue;
            }
            Double km = pos == null || pos.latitude() == null || m.homeLatitude() == null ? null
                    : distanceKm(m.homeLatitude(), m.homeLongitude(), pos.latitude(), pos.longitude());
            int count = open.getOrDefault(m.username(), 0);
            boolean onDuty = onDuty(m, now);
            candidates.add(new MechanicCandidate(m.username(), m.displayName(), km, count, onDuty,
                    onDuty && count < m.maxOpen(), m.username().equals(posMechanic)));
        }
        candidates.sort(Comparator.comparing((MechanicCandidate c) -> !c.free())
                .thenComparing(c -> c.distanceKm() == null ? Double.MAX_VALUE : c.distanceKm())
                .thenComparingInt(MechanicCandidate::openTickets).thenComparing(MechanicCandidate::username));
        String suggested = candidates.stream().filter(MechanicCandidate::free).map(MechanicCandidate::username)
                .findFirst().orElse(null);
        return new DispatchAdvice(t.id(), pos == null ? null : pos.helpdeskRoute(), organisation, posMechanic,
                candidates, suggested);
    }

    boolean onDuty(Mechanic m, ZonedDateTime now) {
        Set<DayOfWeek> days = m.workDays().isEmpty() ? WEEKDAYS : m.workDays();
        LocalTime start = m.workStart() == null ? desk.settings().workStart() : m.workStart();
        LocalTime end = m.workEnd() == null ? desk.settings().workEnd() : m.workEnd();
        LocalTime t = now.toLocalTime();
        return days.contains(now.getDayOfWeek()) && !t.isBefore(start) && t.isBefore(end);
    }

    /** Great-circle distance (haversine) on a sphere of the Earth's mean radius. */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 6371.0088 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    private static Map<String, Integer> openTickets(Connection c) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT executor, COUNT(*) FROM cc_tkt_ticket "
                + "WHERE executor IS NOT NULL AND state IN ('ASSIGNED', 'IN_PROGRESS') GROUP BY executor");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    private static DayOfWeek day(String abbreviation) {
        return java.util.Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(abbreviation.strip()))
                .findFirst().orElseThrow(() -> new IllegalStateException("work day " + abbreviation));
    }

    private static Map<String, Mechanic> cards(Connection c) throws SQLException {
        Map<String, Mechanic> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM cc_tkt_mechanic ORDER BY username");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String days = rs.getString("work_days");
                Set<DayOfWeek> set = days == null || days.isBlank() ? Set.of()
                        : java.util.Arrays.stream(days.split(",")).map(DispatchServiceImpl::day).collect(Collectors.toSet());
                String s = rs.getString("work_start");
                String e = rs.getString("work_end");
                out.put(rs.getString("username"), new Mechanic(rs.getString("username"), rs.getString("display_name"),
                        Jdbc.doubleOrNull(rs, "home_lat"), Jdbc.doubleOrNull(rs, "home_lon"), set,
                        s == null ? null : LocalTime.parse(s), e == null ? null : LocalTime.parse(e),
                        rs.getInt("max_open"), rs.getBoolean("active")));
            }
        }
        return out;
    }
}
