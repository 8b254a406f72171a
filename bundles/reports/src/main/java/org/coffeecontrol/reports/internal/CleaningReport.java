package org.coffeecontrol.reports.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.OpeningHours;
import org.coffeecontrol.reports.api.Column;
import org.coffeecontrol.reports.api.ColumnType;
import org.coffeecontrol.reports.api.FilterKind;
import org.coffeecontrol.reports.api.PeriodKind;
import org.coffeecontrol.reports.api.Periodicity;
import org.coffeecontrol.reports.api.ReportDefinition;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportRow;

/**
 * REP-4: a calendar of machines × days in the manual's four states, from the completed cleaning runs and the
 * point of sale's cleaning schedule ({@code cleaningTimes}): within schedule when every scheduled time has a
 * completed run starting within the tolerance, outside schedule when runs happened but not so, not cleaned when
 * the machine was online (sent heartbeats) without a completed run, not online when it sent no heartbeat and did
 * not clean. Days the shop is closed and has no run stay empty; so do days still to come.
 */
final class CleaningReport implements Report {

    static final String ID = "cleaning";
    static final String IN_SCHEDULE = "CLEANED_IN_SCHEDULE";
    static final String OUT_OF_SCHEDULE = "CLEANED_OUT_OF_SCHEDULE";
    static final String NOT_CLEANED = "NOT_CLEANED";
    static final String NOT_ONLINE = "NOT_ONLINE";
    static final int MAX_DAYS = 93;

    private static final Map<String, String> LEGEND = new LinkedHashMap<>();

    static {
        LEGEND.put(IN_SCHEDULE, "Cleaned within schedule");
        LEGEND.put(OUT_OF_SCHEDULE, "Cleaned outside schedule");
        LEGEND.put(NOT_CLEANED, "Not cleaned");
        LEGEND.put(NOT_ONLINE, "Not online");
    }

    @Override
    public ReportDefinition definition() {
        return new ReportDefinition(ID, "report.cleaning.title", "Cleaning compliance",
                "REP-4: calendar per machine and day (within schedule, outside schedule, not cleaned, not online) "
                        + "and days without cleaning",
                PeriodKind.RANGE, Set.of(FilterKind.CLIENT, FilterKind.REGION, FilterKind.POS, FilterKind.EQUIPMENT),
                List.of(), List.of(), Set.of(Periodicity.DAY, Periodicity.WHOLE), false,
                List.of(Column.fixed("location", "Point of sale", ColumnType.TEXT),
                        Column.fixed("equipment", "Equipment", ColumnType.TEXT),
                        Column.fixed("schedule", "Schedule", ColumnType.TEXT),
                        Column.fixed("inSchedule", "Days cleaned within schedule", ColumnType.INTEGER),
                        Column.fixed("outOfSchedule", "Days cleaned outside schedule", ColumnType.INTEGER),
                        Column.fixed("notOnline", "Days not online", ColumnType.INTEGER),
                        Column.fixed("daysWithoutCleaning", "Days without cleaning", ColumnType.INTEGER)),
                null, LEGEND);
    }

    @Override
    public ReportResult run(Run run) {
        if (ChronoUnit.DAYS.between(run.from(), run.to()) >= MAX_DAYS) {
            throw new ValidationException("to", "the cleaning calendar covers at most " + MAX_DAYS + " days");
        }
        ZoneId zone = run.zone();
        Map<Long, Map<LocalDate, List<Instant>>> runs = new HashMap<>();
        Map<Long, Map<LocalDate, Long>> beats = new HashMap<>();
        run.progress().update(0.1, "reading cleaning runs");
        Db.query(run.ds(), c -> {
            List<Object> args = new ArrayList<>(List.of(run.from().atStartOfDay(zone).toInstant(),
                    run.to().plusDays(1).atStartOfDay(zone).toInstant()));
            try (PreparedStatement ps = c.prepareStatement("SELECT equipment_id, start_time FROM cc_rep_cleaning "
                    + "WHERE completed = TRUE AND start_time >= ? AND start_time < ? AND "
                    + run.scope().where("equipment_id", args))) {
                Db.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant t = Db.instant(rs, 2);
                        runs.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                                .computeIfAbsent(LocalDate.ofInstant(t, zone), k -> new ArrayList<>()).add(t);
                    }
                }
            }
            List<Object> bargs = new ArrayList<>(List.of(run.from(), run.to()));
            try (PreparedStatement ps = c.prepareStatement("SELECT equipment_id, beat_day, beats FROM cc_rep_beat_day "
                    + "WHERE beat_day >= ? AND beat_day <= ? AND " + run.scope().where("equipment_id", bargs))) {
                Db.bind(ps, bargs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        beats.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getDate(2).toLocalDate(),
                                rs.getLong(3));
                    }
                }
            }
            return null;
        });
        run.progress().update(0.6, "filling the calendar");
        List<Column> columns = new ArrayList<>(definition().columns().subList(0, 3));
        List<LocalDate> days = Periods.buckets(run.from(), run.to(), Periodicity.DAY);
        for (LocalDate d : days) {
            columns.add(Column.data(d.toString(), d.toString(), ColumnType.STATE));
        }
        columns.addAll(definition().columns().subList(3, 7));
        LocalDate today = run.today();
        Duration tolerance = run.settings().cleaningTolerance();
        List<ReportRow> rows = new ArrayList<>();
        long[] total = new long[4];
        for (Machine m : run.scope().machines()) {
            List<LocalTime> schedule = schedule(m);
            OpeningHours hours = m.pos() == null || m.pos().openingHours().isEmpty() ? null : Opening.hours(m.pos());
            List<Object> cells = new ArrayList<>(List.of(m.posName(), m.serial(), m.pos() == null
                    || m.pos().cleaningTimes() == null ? "" : m.pos().cleaningTimes()));
            long[] counts = new long[4];
            for (LocalDate d : days) {
                List<Instant> done = runs.getOrDefault(m.id(), Map.of()).getOrDefault(d, List.of());
                boolean online = beats.getOrDefault(m.id(), Map.of()).getOrDefault(d, 0L) > 0;
                boolean closed = hours != null && hours.windows(d.getDayOfWeek()).isEmpty();
                String state = state(d, today, done, online, closed, schedule, tolerance, zone);
                cells.add(state);
                if (state != null) {
                    counts[List.of(IN_SCHEDULE, OUT_OF_SCHEDULE, NOT_ONLINE, NOT_CLEANED).indexOf(state)]++;
                }
            }
            for (int i = 0; i < 4; i++) {
                cells.add(counts[i]);
                total[i] += counts[i];
            }
            rows.add(new ReportRow(ReportRow.Kind.DETAIL, 1, cells));
        }
        List<Object> totals = new ArrayList<>();
        totals.add("Total");
        totals.add(null);
        totals.add(null);
        days.forEach(d -> totals.add(null));
        for (long v : total) {
            totals.add(v);
        }
        return new ReportResult(ID, definition().title(), run.request(), columns, rows, totals, LEGEND,
                List.of("Within schedule: a completed run within " + tolerance.toMinutes()
                        + " min of every scheduled time"),
                zone.getId(), run.clock().instant());
    }

    static String state(LocalDate day, LocalDate today, List<Instant> done, boolean online, boolean closed,
            List<LocalTime> schedule, Duration tolerance, ZoneId zone) {
        if (day.isAfter(today)) {
            return null;
        }
        if (!done.isEmpty()) {
            for (LocalTime slot : schedule) {
                Instant at = day.atTime(slot).atZone(zone).toInstant();
                boolean covered = done.stream().anyMatch(t -> Duration.between(at, t).abs().compareTo(tolerance) <= 0);
                if (!covered) {
                    return OUT_OF_SCHEDULE;
                }
            }
            return IN_SCHEDULE;
        }
        if (closed) {
            return null;
        }
        return online ? NOT_CLEANED : NOT_ONLINE;
    }

    private static List<LocalTime> schedule(Machine m) {
        if (m.pos() == null) {
            return List.of();
        }
        try {
            return OpeningHours.parseTimes(m.pos().cleaningTimes(), "cleaningTimes");
        } catch (ValidationException e) {
            return List.of();
        }
    }
}
