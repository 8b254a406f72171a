package org.coffeecontrol.remote.internal.command;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.remote.api.CommandRun;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.internal.db.Jdbc;

/** The command history (RC-1): one row per run or refused attempt. */
public final class CommandRunStore {

    private static final int OUTPUT_COLUMN = 32000;
    private final Jdbc jdbc;

    public CommandRunStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public CommandRun record(CommandRun r) {
        long id = jdbc.insert("INSERT INTO cc_remote_command_run (equipment_id, serial_number, family, command_id, args, "
                + "username, started_at, duration_ms, exit_code, output_text, outcome, message) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.equipmentId(), r.serial(), Jdbc.clip(r.family(), 50), Jdbc.clip(r.commandId(), 100),
                Jdbc.clip(encode(r.args()), 2000), r.username(), r.startedAt(), r.durationMillis(),
                r.exitCode() == null ? new Jdbc.Null(Types.INTEGER) : r.exitCode(),
                Jdbc.clip(r.output(), OUTPUT_COLUMN), r.outcome().name(), Jdbc.clip(r.message(), 2000));
        return new CommandRun(id, r.equipmentId(), r.serial(), r.family(), r.commandId(), r.args(), r.username(),
                r.startedAt(), r.durationMillis(), r.exitCode(), r.output(), r.outcome(), r.message());
    }

    Page<CommandRun> list(long equipmentId, PageRequest page) {
        long total = jdbc.count("SELECT COUNT(*) FROM cc_remote_command_run WHERE equipment_id = ?", equipmentId);
        return Page.of(jdbc.list("SELECT * FROM cc_remote_command_run WHERE equipment_id = ? ORDER BY id DESC OFFSET "
                + page.offset() + " ROWS FETCH NEXT " + page.limit() + " ROWS ONLY", CommandRunStore::read, equipmentId),
                total, page);
    }

    private static CommandRun read(ResultSet rs) throws SQLException {
        return new CommandRun(rs.getLong("id"), rs.getLong("equipment_id"), rs.getString("serial_number"),
                rs.getString("family"), rs.getString("command_id"), decode(rs.getString("args")),
                rs.getString("username"), Jdbc.instant(rs, "started_at"), rs.getLong("duration_ms"),
                Jdbc.integer(rs, "exit_code"), rs.getString("output_text"), Outcome.valueOf(rs.getString("outcome")),
                rs.getString("message"));
    }

    static String encode(Map<String, String> args) {
        return args.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Map<String, String> decode(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }
}
