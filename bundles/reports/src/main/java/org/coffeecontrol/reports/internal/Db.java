package org.coffeecontrol.reports.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

/** JDBC plumbing of the reports bundle: transactions and the conversions its stores share. */
final class Db {

    @FunctionalInterface
    interface Body<T> {
        T apply(Connection c) throws SQLException;
    }

    private Db() {
    }

    /** Runs {@code body} in one transaction; a failure rolls all of it back and surfaces as unchecked. */
    static <T> T inTransaction(DataSource ds, Body<T> body) {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T out = body.apply(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reports database: " + e.getMessage(), e);
        }
    }

    static <T> T query(DataSource ds, Body<T> body) {
        try (Connection c = ds.getConnection()) {
            return body.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("reports database: " + e.getMessage(), e);
        }
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static void bind(PreparedStatement ps, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Instant t) {
                ps.setTimestamp(i + 1, Timestamp.from(t));
            } else if (a instanceof java.time.LocalDate d) {
                ps.setDate(i + 1, java.sql.Date.valueOf(d));
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** {@code ?, ?, ?} for an IN list. */
    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
