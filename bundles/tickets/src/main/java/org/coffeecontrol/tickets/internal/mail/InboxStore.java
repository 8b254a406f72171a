package org.coffeecontrol.tickets.internal.mail;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.tickets.api.InboxItem;
import org.coffeecontrol.tickets.api.InboxStatus;
import org.coffeecontrol.tickets.api.TicketSource;
import org.coffeecontrol.tickets.internal.Jdbc;

/** The inbox tables: every mail read, its files, and the Message-IDs that thread into tickets. */
public final class InboxStore {

    static final int MAX_BODY = 16000;
    private static final String COLUMNS = "id, source, message_id, received_at, sender, subject, body, status, note, "
            + "client_id, pos_id, ticket_id, handled_by, handled_at, "
            + "(SELECT COUNT(*) FROM cc_tkt_inbox_file f WHERE f.inbox_id = i.id) AS files";

    /** A stored file of an inbox mail. */
    public record File(String fileName, String contentType, byte[] content) {
    }

    private final Jdbc jdbc;

    public InboxStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public boolean known(String messageId) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = Jdbc.bind(c, "SELECT 1 FROM cc_tkt_inbox WHERE message_id = ?",
                    List.of(clip(messageId, 400)))) {
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Stores a mail with its files in one transaction and returns its id. */
    public long insert(TicketSource source, IncomingMail m, Instant receivedAt, InboxStatus status, String note,
            Long clientId, Long posId, Long ticketId) {
        return jdbc.tx(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_tkt_inbox (source, message_id, received_at,"
                    + " sender, subject, body, status, note, client_id, pos_id, ticket_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, source.name());
                ps.setString(2, clip(m.messageId(), 400));
                Jdbc.setTime(ps, 3, receivedAt);
                ps.setString(4, clip(m.from(), 320));
                ps.setString(5, clip(m.subject(), 1000));
                ps.setString(6, clip(m.body(), MAX_BODY));
                ps.setString(7, status.name());
                ps.setString(8, clip(note, 1000));
                Jdbc.setLong(ps, 9, clientId);
                Jdbc.setLong(ps, 10, posId);
                Jdbc.setLong(ps, 11, ticketId);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            for (IncomingMail.Attachment a : m.attachments()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_tkt_inbox_file (inbox_id, file_name, "
                        + "content_type, content) VALUES (?, ?, ?, ?)")) {
                    ps.setLong(1, id);
                    ps.setString(2, clip(a.fileName() == null ? "attachment" : a.fileName(), 255));
                    ps.setString(3, clip(a.contentType(), 100));
                    ps.setBytes(4, a.bytes());
                    ps.executeUpdate();
                }
            }
            return id;
        });
    }

    /** Moves an item on (to TICKET, REPLY or DISMISSED); false when it was not in {@code expected} any more. */
    public boolean resolve(long id, InboxStatus expected, InboxStatus status, String note, Long clientId, Long posId,
            Long ticketId, String by, Instant at) {
        return jdbc.tx(c -> Jdbc.update(c, "UPDATE cc_tkt_inbox SET status = ?, note = ?, client_id = ?, pos_id = ?, "
                + "ticket_id = ?, handled_by = ?, handled_at = ? WHERE id = ? AND status = ?", status,
                clip(note, 1000), clientId, posId, ticketId, by, at, id, expected) == 1);
    }

    public Optional<InboxItem> get(long id, java.util.function.LongFunction<String> numbers) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = Jdbc.bind(c, "SELECT " + COLUMNS + " FROM cc_tkt_inbox i WHERE id = ?",
                    List.of(id)); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(item(rs, numbers)) : Optional.empty();
            }
        });
    }

    /**
     * Newest first. {@code clients} null means every client and the items of no client; otherwise only items of
     * those clients.
     */
    public Page<InboxItem> list(boolean triageOnly, java.util.Set<Long> clients, PageRequest page,
            java.util.function.LongFunction<String> numbers) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (triageOnly) {
            where.append(" AND status = ?");
            args.add(InboxStatus.TRIAGE);
        }
        if (clients != null) {
            if (clients.isEmpty()) {
                return Page.of(List.of(), 0, page);
            }
            where.append(" AND client_id IN (").append(String.join(",", clients.stream().map(x -> "?").toList()))
                    .append(")");
            args.addAll(clients);
        }
        return jdbc.read(c -> {
            long total;
            try (PreparedStatement ps = Jdbc.bind(c, "SELECT COUNT(*) FROM cc_tkt_inbox i" + where, args);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<InboxItem> items = new ArrayList<>();
            try (PreparedStatement ps = Jdbc.bind(c, "SELECT " + COLUMNS + " FROM cc_tkt_inbox i" + where
                    + " ORDER BY received_at DESC, id DESC OFFSET " + page.offset() + " ROWS FETCH NEXT "
                    + page.limit() + " ROWS ONLY", args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(item(rs, numbers));
                }
            }
            return Page.of(items, total, page);
        });
    }

    public List<File> files(long inboxId) {
        return jdbc.read(c -> {
            List<File> out = new ArrayList<>();
            try (PreparedStatement ps = Jdbc.bind(c, "SELECT file_name, content_type, content FROM cc_tkt_inbox_file "
                    + "WHERE inbox_id = ? ORDER BY id", List.of(inboxId)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new File(rs.getString(1), rs.getString(2), rs.getBytes(3)));
                }
            }
            return out;
        });
    }

    /** Remembers that a Message-ID belongs to a ticket; a second remembering is a no-op. */
    public void thread(String messageId, long ticketId) {
        if (messageId == null || messageId.isBlank()) {
            return;
        }
        jdbc.tx(c -> {
            try (PreparedStatement ps = Jdbc.bind(c, "SELECT 1 FROM cc_tkt_mail_thread WHERE message_id = ?",
                    List.of(clip(messageId, 400))); ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return null;
                }
            }
            Jdbc.update(c, "INSERT INTO cc_tkt_mail_thread (message_id, ticket_id) VALUES (?, ?)", clip(messageId, 400),
                    ticketId);
            return null;
        });
    }

    /** The ticket the newest of {@code messageIds} belongs to. */
    public Optional<Long> threadOf(List<String> messageIds) {
        return jdbc.read(c -> {
            for (int i = messageIds.size() - 1; i >= 0; i--) {
                try (PreparedStatement ps = Jdbc.bind(c, "SELECT ticket_id FROM cc_tkt_mail_thread WHERE message_id = ?",
                        List.of(clip(messageIds.get(i), 400))); ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(rs.getLong(1));
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** Whether a ticket was already handed to EKDS. */
    public boolean sentToEkds(long ticketId) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = Jdbc.bind(c, "SELECT 1 FROM cc_tkt_ekds_out WHERE ticket_id = ?",
                    List.of(ticketId)); ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    public void markSentToEkds(long ticketId, Instant at, String messageId) {
        jdbc.tx(c -> Jdbc.update(c, "INSERT INTO cc_tkt_ekds_out (ticket_id, sent_at, message_id) VALUES (?, ?, ?)",
                ticketId, at, clip(messageId, 400)));
    }

    private static InboxItem item(ResultSet rs, java.util.function.LongFunction<String> numbers) throws SQLException {
        Long ticketId = Jdbc.longOrNull(rs, "ticket_id");
        return new InboxItem(rs.getLong("id"), TicketSource.valueOf(rs.getString("source")),
                rs.getString("message_id"), Jdbc.time(rs, "received_at"), rs.getString("sender"),
                rs.getString("subject"), rs.getString("body"), rs.getInt("files"),
                InboxStatus.valueOf(rs.getString("status")), rs.getString("note"), Jdbc.longOrNull(rs, "client_id"),
                Jdbc.longOrNull(rs, "pos_id"), ticketId, ticketId == null ? null : numbers.apply(ticketId),
                rs.getString("handled_by"), Jdbc.time(rs, "handled_at"));
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
