package org.coffeecontrol.remote.internal.screen;

import java.time.Instant;
import java.util.Optional;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.RemoteScreen;
import org.coffeecontrol.remote.api.RemoteScreenService;
import org.coffeecontrol.remote.internal.db.Jdbc;
import org.coffeecontrol.remote.internal.db.RemoteDatabase;
import org.coffeecontrol.remote.internal.machine.Machine;
import org.coffeecontrol.remote.internal.machine.MachineGateway;
import org.coffeecontrol.remote.internal.machine.RemotePermissions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * RC-7: VNC access data per machine in {@code cc_remote_screen}. The password is sealed with the same key and
 * cipher as the SSH passwords, bound to the equipment id, and decrypted only for a caller who may see it.
 */
@Component(service = RemoteScreenService.class)
public class RemoteScreenServiceImpl implements RemoteScreenService {

    static final int DEFAULT_PORT = 5900;
    private static final String HOST = "[A-Za-z0-9]([A-Za-z0-9.:-]{0,252}[A-Za-z0-9])?";

    private record Stored(String host, Integer port, String secret, Instant updatedAt, String updatedBy) {
    }

    private final MachineGateway gateway;
    private final Jdbc jdbc;

    @Activate
    public RemoteScreenServiceImpl(@Reference MachineGateway gateway, @Reference RemoteDatabase database) {
        this.gateway = gateway;
        this.jdbc = database.jdbc();
    }

    private RemotePermissions.Recipes roles() {
        return gateway.settings().permissions().recipes();
    }

    @Override
    public RemoteScreen screen(Caller caller, String serial) {
        RemotePermissions.require(caller, "see remote screen access", roles().screen());
        Machine m = gateway.machine(caller, serial);
        return view(caller, m, load(m.id()));
    }

    @Override
    public RemoteScreen setScreen(Caller caller, String serial, String host, Integer port, char[] password) {
        RemotePermissions.require(caller, "set remote screen access", roles().screenPassword());
        String h = host == null || host.isBlank() ? null : host.strip();
        if (h != null && !h.matches(HOST)) {
            throw new ValidationException("host", "an IP address or host name (letters, digits, . - :)");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new ValidationException("port", "1 to 65535");
        }
        if (password != null && password.length > 200) {
            throw new ValidationException("password", "at most 200 characters");
        }
        Machine m = gateway.machine(caller, serial);
        Optional<Stored> before = load(m.id());
        String secret = password == null ? before.map(Stored::secret).orElse(null)
                : password.length == 0 ? null : gateway.cipher().encrypt(new String(password), aad(m.id()));
        Instant now = Instant.now();
        if (jdbc.update("UPDATE cc_remote_screen SET host = ?, port = ?, secret = ?, updated_at = ?, updated_by = ? "
                + "WHERE equipment_id = ?", nullable(h), port == null ? new Jdbc.Null(java.sql.Types.INTEGER) : port,
                nullable(secret), now, caller.username(), m.id()) == 0) {
            jdbc.update("INSERT INTO cc_remote_screen (equipment_id, host, port, secret, updated_at, updated_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", m.id(), nullable(h),
                    port == null ? new Jdbc.Null(java.sql.Types.INTEGER) : port, nullable(secret), now,
                    caller.username());
        }
        return view(caller, m, load(m.id()));
    }

    private static Object nullable(String s) {
        return s == null ? new Jdbc.Null(java.sql.Types.VARCHAR) : s;
    }

    private static String aad(long equipmentId) {
        return "coffee-remote/vnc/" + equipmentId;
    }

    private Optional<Stored> load(long equipmentId) {
        return jdbc.one("SELECT host, port, secret, updated_at, updated_by FROM cc_remote_screen WHERE equipment_id = ?",
                rs -> new Stored(rs.getString("host"), Jdbc.integer(rs, "port"), rs.getString("secret"),
                        Jdbc.instant(rs, "updated_at"), rs.getString("updated_by")),
                equipmentId);
    }

    private RemoteScreen view(Caller caller, Machine m, Optional<Stored> stored) {
        String host = stored.map(Stored::host).orElse(m.equipment().host());
        int port = stored.map(Stored::port).orElse(DEFAULT_PORT);
        String secret = stored.map(Stored::secret).orElse(null);
        boolean mayReveal = RemotePermissions.allowed(caller, roles().screenPassword());
        String password = secret != null && mayReveal ? gateway.cipher().decrypt(secret, aad(m.id())) : null;
        return new RemoteScreen(m.id(), m.serial(), host, port, host == null ? null : url(host, port),
                secret != null, password, stored.map(Stored::updatedAt).orElse(null),
                stored.map(Stored::updatedBy).orElse(null));
    }

    /** RFC 7869 {@code vnc://host:port}; an IPv6 literal goes in brackets. */
    static String url(String host, int port) {
        return "vnc://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
