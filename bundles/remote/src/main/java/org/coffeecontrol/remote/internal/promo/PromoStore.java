package org.coffeecontrol.remote.internal.promo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.PromoDelivery;
import org.coffeecontrol.remote.api.PromoDelivery.State;
import org.coffeecontrol.remote.internal.db.Jdbc;

/** {@code cc_remote_promo_campaign} and its send log {@code cc_remote_promo_delivery}. */
final class PromoStore {

    /** A campaign as stored, without progress. */
    record Campaign(long id, String fileName, String format, long sizeBytes, int width, int height, String sha256,
            String recipients, String createdBy, Instant createdAt) {
    }

    /** Outcomes that say the machine was not there: it gets the image when it calls home again. */
    static final Set<Outcome> ABSENT = Set.of(Outcome.UNREACHABLE, Outcome.TIMEOUT);

    private final Jdbc jdbc;

    PromoStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    long insertCampaign(ImageInfo image, String fileName, long size, String sha256, String recipients, String by) {
        return jdbc.insert("INSERT INTO cc_remote_promo_campaign (file_name, format, size_bytes, width, height, sha256, "
                + "recipients, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", fileName, image.format(),
                size, image.width(), image.height(), sha256, Jdbc.clip(recipients, 2000), by, Instant.now());
    }

    long insertDelivery(long campaignId, long equipmentId, String serial, String family, Long clientId, State state,
            Outcome outcome, String message) {
        return jdbc.insert("INSERT INTO cc_remote_promo_delivery (campaign_id, equipment_id, serial_number, family, "
                + "client_id, state, attempts, updated_at, outcome, message) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                campaignId, equipmentId, serial, Jdbc.clip(family, 50), clientId == null ? new Jdbc.Null(Types.BIGINT)
                        : clientId, state.name(), Instant.now(), outcome == null ? null : outcome.name(),
                Jdbc.clip(message, 2000));
    }

    Optional<Campaign> campaign(long id) {
        return jdbc.one("SELECT * FROM cc_remote_promo_campaign WHERE id = ?", PromoStore::campaign, id);
    }

    List<Campaign> campaigns(int limit) {
        return jdbc.list("SELECT * FROM cc_remote_promo_campaign ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                PromoStore::campaign);
    }

    /** Deliveries per state, counting only machines of the caller's clients. */
    Map<State, Integer> counts(long campaignId, Caller caller) {
        Map<State, Integer> out = new EnumMap<>(State.class);
        jdbc.list("SELECT state, COUNT(*) FROM cc_remote_promo_delivery WHERE campaign_id = ?" + visible(caller)
                + " GROUP BY state", rs -> out.put(State.valueOf(rs.getString(1)), rs.getInt(2)), campaignId);
        return out;
    }

    List<PromoDelivery> deliveries(long campaignId, Caller caller) {
        return jdbc.list("SELECT * FROM cc_remote_promo_delivery WHERE campaign_id = ?" + visible(caller)
                + " ORDER BY serial_number", PromoStore::delivery, campaignId);
    }

    Optional<PromoDelivery> delivery(long id) {
        return jdbc.one("SELECT * FROM cc_remote_promo_delivery WHERE id = ?", PromoStore::delivery, id);
    }

    /** Client ids are numbers the platform gave out, so they go into the statement as they are. */
    private static String visible(Caller caller) {
        if (caller.allClients()) {
            return "";
        }
        if (caller.clientIds().isEmpty()) {
            return " AND 1 = 0";
        }
        return " AND client_id IN (" + caller.clientIds().stream().map(String::valueOf).collect(Collectors.joining(","))
                + ")";
    }

    /** Takes the delivery for one transfer if it is in one of {@code from}; false when someone else has it. */
    boolean claim(long id, State... from) {
        String states = java.util.Arrays.stream(from).map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        return jdbc.update("UPDATE cc_remote_promo_delivery SET state = ?, attempts = attempts + 1, updated_at = ? "
                + "WHERE id = ? AND state IN (" + states + ")", State.SENDING.name(), Instant.now(), id) == 1;
    }

    void finish(long id, State state, Outcome outcome, Long millis, String message) {
        jdbc.update("UPDATE cc_remote_promo_delivery SET state = ?, outcome = ?, duration_ms = ?, message = ?, "
                + "updated_at = ? WHERE id = ?", state.name(), outcome == null ? null : outcome.name(),
                millis == null ? new Jdbc.Null(Types.BIGINT) : millis, Jdbc.clip(message, 2000), Instant.now(), id);
    }

    /** Back to the queue, for a resend. */
    boolean requeue(long id) {
        return jdbc.update("UPDATE cc_remote_promo_delivery SET state = ?, updated_at = ? WHERE id = ? AND state IN (?, ?)",
                State.PENDING.name(), Instant.now(), id, State.FAILED.name(), State.SKIPPED_OFFLINE.name()) == 1;
    }

    /** The machine's deliveries that wait for it to be back: skipped as offline or failed as absent. */
    List<PromoDelivery> waitingFor(long equipmentId) {
        return jdbc.list("SELECT * FROM cc_remote_promo_delivery WHERE equipment_id = ? AND (state = ? OR (state = ? "
                + "AND outcome IN (?, ?)))", PromoStore::delivery, equipmentId, State.SKIPPED_OFFLINE.name(),
                State.FAILED.name(), Outcome.UNREACHABLE.name(), Outcome.TIMEOUT.name());
    }

    Set<Long> machinesWaiting() {
        return Set.copyOf(jdbc.list("SELECT DISTINCT equipment_id FROM cc_remote_promo_delivery WHERE state = ? OR "
                + "(state = ? AND outcome IN (?, ?))", rs -> rs.getLong(1), State.SKIPPED_OFFLINE.name(),
                State.FAILED.name(), Outcome.UNREACHABLE.name(), Outcome.TIMEOUT.name()));
    }

    /** Transfers cut short by a stop of the platform: failed, so that a resend picks them up. */
    int interrupted() {
        return jdbc.update("UPDATE cc_remote_promo_delivery SET state = ?, outcome = ?, message = ?, updated_at = ? "
                + "WHERE state IN (?, ?)", State.FAILED.name(), Outcome.CANCELLED.name(),
                "interrupted by a stop of the platform; resend", Instant.now(), State.PENDING.name(),
                State.SENDING.name());
    }

    private static Campaign campaign(ResultSet rs) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getString("file_name"), rs.getString("format"),
                rs.getLong("size_bytes"), rs.getInt("width"), rs.getInt("height"), rs.getString("sha256"),
                rs.getString("recipients"), rs.getString("created_by"), Jdbc.instant(rs, "created_at"));
    }

    private static PromoDelivery delivery(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new PromoDelivery(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("equipment_id"),
                rs.getString("serial_number"), rs.getString("family"), State.valueOf(rs.getString("state")),
                rs.getInt("attempts"), Jdbc.instant(rs, "updated_at"), Jdbc.longOrNull(rs, "duration_ms"),
                outcome == null ? null : Outcome.valueOf(outcome), rs.getString("message"));
    }
}
