package org.coffeecontrol.remote.internal.credentials;

import java.time.Instant;
import java.util.Optional;

import org.coffeecontrol.remote.internal.db.Jdbc;
import org.coffeecontrol.remote.internal.transport.HostKeyStore;
import org.coffeecontrol.remote.internal.transport.PinnedKey;

/** Per-machine login (password encrypted) and pinned host key, by equipment id. */
public final class CredentialStore implements HostKeyStore {

    /** A login as stored; {@code password} only in memory, for the connection being made. */
    public record Credentials(String username, char[] password) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    /** What may be shown about the stored login: no secret. */
    public record Stamp(String username, Instant updatedAt, String updatedBy) {
    }

    private final Jdbc jdbc;
    private final CredentialCipher cipher;

    public CredentialStore(Jdbc jdbc, CredentialCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    private static String aad(long equipmentId, String username) {
        return "coffee-remote/" + equipmentId + "/" + username;
    }

    public void save(long equipmentId, String username, char[] password, String by) {
        String secret = cipher.encrypt(new String(password), aad(equipmentId, username));
        Instant now = Instant.now();
        // update first: the common case after the first time, and no duplicate-key noise in the log
        if (jdbc.update("UPDATE cc_remote_credentials SET username = ?, secret = ?, updated_at = ?, updated_by = ? "
                + "WHERE equipment_id = ?", username, secret, now, by, equipmentId) == 0) {
            jdbc.update("INSERT INTO cc_remote_credentials (equipment_id, username, secret, updated_at, updated_by) "
                    + "VALUES (?, ?, ?, ?, ?)", equipmentId, username, secret, now, by);
        }
    }

    public Optional<Credentials> load(long equipmentId) {
        return jdbc.one("SELECT username, secret FROM cc_remote_credentials WHERE equipment_id = ?",
                rs -> new Credentials(rs.getString("username"),
                        cipher.decrypt(rs.getString("secret"), aad(equipmentId, rs.getString("username")))
                                .toCharArray()),
                equipmentId);
    }

    public Optional<Stamp> stamp(long equipmentId) {
        return jdbc.one("SELECT username, updated_at, updated_by FROM cc_remote_credentials WHERE equipment_id = ?",
                rs -> new Stamp(rs.getString("username"), Jdbc.instant(rs, "updated_at"), rs.getString("updated_by")),
                equipmentId);
    }

    @Override
    public Optional<PinnedKey> pinned(long equipmentId) {
        return jdbc.one("SELECT public_key, fingerprint, pinned_at FROM cc_remote_host_key WHERE equipment_id = ?",
                rs -> new PinnedKey(rs.getString("public_key"), rs.getString("fingerprint"),
                        Jdbc.instant(rs, "pinned_at")),
                equipmentId);
    }

    @Override
    public boolean pinIfAbsent(long equipmentId, PinnedKey key) {
        try {
            jdbc.update("INSERT INTO cc_remote_host_key (equipment_id, public_key, fingerprint, pinned_at) "
                    + "VALUES (?, ?, ?, ?)", equipmentId, key.publicKey(), key.fingerprint(), key.pinnedAt());
            return true;
        } catch (org.coffeecontrol.api.ConflictException e) {
            return false;
        }
    }

    @Override
    public void forget(long equipmentId) {
        jdbc.update("DELETE FROM cc_remote_host_key WHERE equipment_id = ?", equipmentId);
    }
}
