package org.coffeecontrol.reports.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.coffeecontrol.reports.api.Periodicity;

/**
 * Drinks per machine, product and day (or month) from the rollups. Periods bucketed by month or as a whole read the
 * month table for the months they fully cover and the day table only for the partial months at the edges: a year
 * of a 1,000-machine fleet is then ~130,000 rows instead of ~4 million.
 */
final class DrinkFacts {

    @FunctionalInterface
    interface Sink {
        void accept(LocalDate day, long equipmentId, String product, long drinks);
    }

    private DrinkFacts() {
    }

    static void read(Run run, LocalDate from, LocalDate to, Periodicity p, Set<String> products, Sink sink) {
        if (p == Periodicity.MONTH || p == Periodicity.WHOLE) {
            LocalDate firstFull = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            LocalDate endFull = to.plusDays(1).getDayOfMonth() == 1 ? to.plusDays(1) : to.withDayOfMonth(1);
            if (firstFull.isBefore(endFull)) {
                if (from.isBefore(firstFull)) {
                    query(run, "cc_rep_drink_day", "sale_day", from, firstFull.minusDays(1), products, sink);
                }
                query(run, "cc_rep_drink_month", "sale_month", firstFull, endFull.minusDays(1), products, sink);
                if (!endFull.isAfter(to)) {
                    query(run, "cc_rep_drink_day", "sale_day", endFull, to, products, sink);
                }
                return;
            }
        }
        query(run, "cc_rep_drink_day", "sale_day", from, to, products, sink);
    }

    private static void query(Run run, String table, String dayColumn, LocalDate from, LocalDate to,
            Set<String> products, Sink sink) {
        List<Object> args = new ArrayList<>(List.of(from, to));
        String scope = run.scope().where("equipment_id", args);
        String productFilter = "";
        if (!products.isEmpty()) {
            productFilter = " AND product IN (" + Db.marks(products.size()) + ")";
            args.addAll(products);
        }
        String sql = "SELECT " + dayColumn + ", equipment_id, product, drinks FROM " + table + " WHERE " + dayColumn
                + " >= ? AND " + dayColumn + " <= ? AND " + scope + productFilter;
        Db.query(run.ds(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Db.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long eq = rs.getLong(2);
                        if (run.scope().contains(eq)) {
                            sink.accept(rs.getDate(1).toLocalDate(), eq, rs.getString(3), rs.getLong(4));
                        }
                    }
                }
            }
            return null;
        });
    }
}
