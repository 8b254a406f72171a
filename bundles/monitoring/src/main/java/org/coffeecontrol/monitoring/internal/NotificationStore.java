package org.coffeecontrol.monitoring.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.monitoring.api.Notification;
import org.coffeecontrol.monitoring.api.NotificationKind;

/** Notifications (MON-7) and subscriptions (MON-8). */
final class NotificationStore {

    record Subscriber(String username, boolean email) {
    }

    private NotificationStore() {
    }

    static void insert(Connection c, String username, Notification n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_mon_notification (username, created_at, kind, "
                + "pos_id, equipment_id, problem_id, title, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, username);
            ps.setTimestamp(2, Sql.ts(n.createdAt()));
            ps.setString(3, n.kind().name());
            ps.setLong(4, n.posId());
            Sql.setLong(ps, 5, n.equipmentId());
            Sql.setLong(ps, 6, n.problemId());
            ps.setString(7, Sql.clip(n.title(), 300));
            ps.setString(8, Sql.clip(n.message(), 2000));
            ps.executeUpdate();
        }
    }

    static Page<Notification> list(Connection c, String username, boolean unreadOnly, PageRequest page)
            throws SQLException {
        String where = " WHERE username = ?" + (unreadOnly ? " AND read_at IS NULL" : "");
        long total = Sql.count(c, "SELECT COUNT(*) FROM cc_mon_notification" + where, List.of(username));
        List<Notification> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM cc_mon_notification" + where
                + " ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            ps.setString(1, username);
            ps.setInt(2, page.offset());
            ps.setInt(3, page.limit());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new Notification(rs.getLong("id"), Sql.instant(rs, "created_at"),
                            NotificationKind.valueOf(rs.getString("kind")), rs.getLong("pos_id"),
                            Sql.longOrNull(rs, "equipment_id"), Sql.longOrNull(rs, "problem_id"),
                            rs.getString("title"), rs.getString("message"), Sql.instant(rs, "read_at")));
                }
            }
        }
        return Page.of(items, total, page);
    }

    static int markRead(Connection c, String username, List<Long> ids, Instant now) throws SQLException {
        String sql = "UPDATE cc_mon_notification SET read_at = ? WHERE username = ? AND read_at IS NULL";
        if (ids.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setTimestamp(1, Sql.ts(now));
                ps.setString(2, username);
                return ps.executeUpdate();
            }
        }
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(sql + " AND id = ?")) {
            for (Long id : ids) {
                ps.setTimestamp(1, Sql.ts(now));
                ps.setString(2, username);
                ps.setLong(3, id);
                n += ps.executeUpdate();
            }
        }
        return n;
    }

    static int clearRead(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM cc_mon_notification WHERE username = ? AND read_at IS NOT NULL")) {
            ps.setString(1, username);
            return ps.executeUpdate();
        }
    }

    static List<Subscriber> subscribers(Connection c, long posId) throws SQLException {
        List<Subscriber> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT username, email FROM cc_mon_subscription WHERE pos_id = ? ORDER BY username")) {
            ps.setLong(1, posId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Subscriber(rs.getString(1), rs.getBoolean(2)));
                }
            }
        }
        return out;
    }

    record Row(long posId, boolean email, Instant since) {
    }

    static List<Row> subscriptions(Connection c, String username) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pos_id, email, since FROM cc_mon_subscription WHERE username = ? ORDER BY pos_id")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), rs.getBoolean(2), Sql.instant(rs, "since")));
                }
            }
        }
        return out;
    }

    /** @return when the subscription started (kept when only the e-mail choice changes) */
    static Instant subscribe(Connection c, String username, long posId, boolean email, Instant now)
            throws SQLException {
        for (Row r : subscriptions(c, username)) {
            if (r.posId() == posId) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE cc_mon_subscription SET email = ? WHERE username = ? AND pos_id = ?")) {
                    ps.setBoolean(1, email);
                    ps.setString(2, username);
                    ps.setLong(3, posId);
                    ps.executeUpdate();
                }
                return r.since();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO cc_mon_subscription (username, pos_id, email, since) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, username);
            ps.setLong(2, posId);
            ps.setBoolean(3, email);
            ps.setTimestamp(4, Sql.ts(now));
            ps.executeUpdate();
        }
        return now;
    }

    static boolean unsubscribe(Connection c, String username, long posId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM cc_mon_subscription WHERE username = ? AND pos_id = ?")) {
            ps.setString(1, username);
            ps.setLong(2, posId);
            return ps.executeUpdate() > 0;
        }
    }
}
