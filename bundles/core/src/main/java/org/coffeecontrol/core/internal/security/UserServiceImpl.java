package org.coffeecontrol.core.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.AuthResult;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserAccount;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.core.internal.db.CoreDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users in the database with PBKDF2 password hashes. After {@link #MAX_FAILURES} wrong passwords in a row an
 * account is locked for {@link #LOCK_DURATION}. At first start, when no admin exists, one named {@code admin} is
 * created with the password from {@code COFFEE_ADMIN_PASSWORD} or a generated one written to a file only the
 * owner can read: the distribution ships no password.
 */
@Component(service = UserService.class)
public class UserServiceImpl implements UserService {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    static final int MIN_PASSWORD = 10;
    static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._@-]{1,99}");
    public static final String ADMIN_PASSWORD_FILE = "coffee-admin-password.txt";
    private static final Logger LOG = LoggerFactory.getLogger(UserServiceImpl.class);

    private final CoreDatabase db;
    private final PasswordHasher hasher;

    @Activate
    public UserServiceImpl(@Reference CoreDatabase db) {
        this(db, new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS), System.getenv("COFFEE_ADMIN_PASSWORD"),
                Paths.get(System.getProperty("karaf.data", "data")));
    }

    UserServiceImpl(CoreDatabase db, PasswordHasher hasher, String adminPassword, Path dataDir) {
        this.db = db;
        this.hasher = hasher;
        bootstrapAdmin(adminPassword, dataDir);
    }

    private void bootstrapAdmin(String fromEnv, Path dataDir) {
        long admins = db.read(em -> em.createQuery(
                "SELECT COUNT(u) FROM UserEntity u WHERE u.roles LIKE :r", Long.class)
                .setParameter("r", "%ADMIN%").getSingleResult());
        if (admins > 0) {
            return;
        }
        boolean generated = fromEnv == null || fromEnv.isBlank();
        String password = generated ? PasswordHasher.generatePassword() : fromEnv;
        db.txRun(em -> {
            UserEntity u = new UserEntity();
            u.username = "admin";
            u.displayName = "Administrator";
            u.roleSet(EnumSet.of(Role.ADMIN));
            u.allClients = true;
            u.enabled = true;
            u.passwordHash = hasher.hash(password.toCharArray());
            u.passwordChanged = Instant.now();
            em.persist(u);
        });
        if (generated) {
            Path file = dataDir.resolve(ADMIN_PASSWORD_FILE);
            try {
                Files.createDirectories(dataDir);
                Files.deleteIfExists(file);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                }
                Files.writeString(file, "admin\n" + password + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                LOG.error("Could not write {}", file, e);
            }
            String banner = "Coffee Control: created user 'admin' with generated password " + password
                    + " (also in " + file + "; change it after the first login)";
            System.out.println(banner);
            LOG.warn("Coffee Control: created user 'admin'; its generated password is in {}", file);
        } else {
            LOG.info("Coffee Control: created user 'admin' with the password from COFFEE_ADMIN_PASSWORD");
        }
    }

    @Override
    public AuthResult authenticate(String username, char[] password) {
        if (username == null || password == null || username.isBlank() || username.length() > 100) {
            return AuthResult.failed(AuthResult.Status.BAD_CREDENTIALS, "missing credentials");
        }
        UserEntity u = db.read(em -> find(em, username.trim()));
        if (u == null) {
            hasher.dummyVerify(password);
            return AuthResult.failed(AuthResult.Status.BAD_CREDENTIALS, "unknown user " + username);
        }
        Instant now = Instant.now();
        if (u.lockedUntil != null && u.lockedUntil.isAfter(now)) {
            return AuthResult.failed(AuthResult.Status.LOCKED, "locked until " + u.lockedUntil);
        }
        boolean ok = hasher.verify(password, u.passwordHash);
        if (ok && !u.enabled) {
            return AuthResult.failed(AuthResult.Status.DISABLED, "account disabled");
        }
        // A login is not an edit of the user: it must neither bump the version (an admin's open form would then be
        // refused) nor fail on it (parallel requests of one REST client log in at the same moment). So the login
        // bookkeeping is written with plain UPDATEs, counted atomically in the row, not through the versioned entity.
        return db.tx(em -> {
            if (ok) {
                em.createNativeQuery("UPDATE cc_user SET failed_logins = 0, locked_until = NULL, last_login = ?"
                        + " WHERE username = ?").setParameter(1, Timestamp.from(now)).setParameter(2, u.username)
                        .executeUpdate();
                return AuthResult.ok(toCaller(u));
            }
            em.createNativeQuery("UPDATE cc_user SET failed_logins = failed_logins + 1 WHERE username = ?")
                    .setParameter(1, u.username).executeUpdate();
            int locked = em.createNativeQuery("UPDATE cc_user SET failed_logins = 0, locked_until = ?"
                    + " WHERE username = ? AND failed_logins >= ?").setParameter(1, Timestamp.from(now.plus(LOCK_DURATION)))
                    .setParameter(2, u.username).setParameter(3, MAX_FAILURES).executeUpdate();
            if (locked > 0) {
                LOG.warn("User {} locked for {} after {} failed logins", u.username, LOCK_DURATION, MAX_FAILURES);
                return AuthResult.failed(AuthResult.Status.LOCKED, "locked after repeated failures");
            }
            return AuthResult.failed(AuthResult.Status.BAD_CREDENTIALS, "wrong password");
        });
    }

    @Override
    public Optional<Caller> callerFor(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return db.read(em -> Optional.ofNullable(find(em, username)).filter(u -> u.enabled).map(UserServiceImpl::toCaller));
    }

    private static Caller toCaller(UserEntity u) {
        return new Caller(u.username, u.roleSet(), u.allClients, u.clientSet());
    }

    @Override
    public Page<UserAccount> users(Caller caller, String text, PageRequest page) {
        // Service admins assign mechanics, so they need the list too.
        caller.require("list users", Role.SERVICE_ADMIN);
        return db.read(em -> {
            String where = text == null || text.isBlank() ? ""
                    : " WHERE LOWER(u.username) LIKE :t OR LOWER(u.displayName) LIKE :t OR LOWER(u.email) LIKE :t";
            var count = em.createQuery("SELECT COUNT(u) FROM UserEntity u" + where, Long.class);
            var q = em.createQuery("SELECT u FROM UserEntity u" + where + " ORDER BY u.username", UserEntity.class);
            if (!where.isEmpty()) {
                String like = "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
                count.setParameter("t", like);
                q.setParameter("t", like);
            }
            List<UserAccount> items = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()
                    .stream().map(UserEntity::toRecord).toList();
            return Page.of(items, count.getSingleResult(), page);
        });
    }

    @Override
    public UserAccount user(Caller caller, String username) {
        if (!caller.username().equals(username)) {
            caller.require("see other users");
        }
        return db.read(em -> existing(em, username).toRecord());
    }

    @Override
    public UserAccount save(Caller caller, UserAccount user, char[] initialPassword) {
        caller.require("manage users");
        if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
            throw new ValidationException("username", "use 2-100 letters, digits, '.', '_', '@' or '-'");
        }
        if (user.roles().isEmpty()) {
            throw new ValidationException("roles", "give the user at least one role");
        }
        if (user.email() != null && !user.email().isBlank() && !user.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new ValidationException("email", "'" + user.email() + "' is not an e-mail address");
        }
        if (user.locale() != null && !user.locale().isBlank() && !List.of("ru", "en").contains(user.locale())) {
            throw new ValidationException("locale", "must be ru or en");
        }
        if (user.id() == null) {
            checkPassword(initialPassword, "password");
        }
        return db.tx(em -> {
            UserEntity u;
            if (user.id() == null) {
                if (find(em, user.username()) != null) {
                    throw new ConflictException("username: user '" + user.username() + "' already exists");
                }
                u = new UserEntity();
                u.username = user.username();
                u.passwordHash = hasher.hash(initialPassword);
                u.passwordChanged = Instant.now();
            } else {
                u = em.find(UserEntity.class, user.id());
                if (u == null) {
                    throw new NotFoundException("user", user.id());
                }
                if (u.version != user.version()) {
                    throw new ConflictException("version: the user was changed by someone else; reload and retry");
                }
                if (!u.username.equals(user.username())) {
                    throw new ValidationException("username", "cannot be changed");
                }
                guardLastAdmin(em, u, user.roles(), user.enabled());
            }
            u.displayName = blankToNull(user.displayName());
            u.email = blankToNull(user.email());
            u.phone = blankToNull(user.phone());
            u.roleSet(user.roles());
            u.allClients = user.allClients();
            checkClients(em, user.clientIds());
            u.clientSet(user.clientIds());
            u.enabled = user.enabled();
            u.locale = blankToNull(user.locale());
            if (u.id == null) {
                em.persist(u);
            }
            em.flush();
            return u.toRecord();
        });
    }

    private static void checkClients(EntityManager em, Set<Long> ids) {
        for (Long id : ids) {
            Number n = (Number) em.createNativeQuery("SELECT COUNT(*) FROM cc_client WHERE id = ?").setParameter(1, id)
                    .getSingleResult();
            if (n.longValue() == 0) {
                throw new ValidationException("clientIds", "client " + id + " does not exist");
            }
        }
    }

    /** Keeps at least one enabled admin, so nobody locks the platform out of its own settings. */
    private static void guardLastAdmin(EntityManager em, UserEntity u, Set<Role> newRoles, boolean enabled) {
        if (!u.roleSet().contains(Role.ADMIN) || (newRoles.contains(Role.ADMIN) && enabled)) {
            return;
        }
        long otherAdmins = em.createQuery("SELECT u FROM UserEntity u WHERE u.enabled = :on AND u.id <> :id",
                UserEntity.class).setParameter("on", true).setParameter("id", u.id).getResultList().stream()
                .filter(o -> o.roleSet().contains(Role.ADMIN)).count();
        if (otherAdmins == 0) {
            throw new ConflictException("roles: '" + u.username + "' is the last enabled admin");
        }
    }

    @Override
    public void changePassword(Caller caller, String username, char[] currentPassword, char[] newPassword) {
        boolean self = caller.username().equals(username);
        if (!self) {
            caller.require("reset other users' passwords");
        }
        checkPassword(newPassword, "newPassword");
        db.txRun(em -> {
            UserEntity u = existing(em, username);
            if (self && !caller.has(Role.ADMIN)) {
                if (currentPassword == null || !hasher.verify(currentPassword, u.passwordHash)) {
                    throw new ValidationException("currentPassword", "is not correct");
                }
            }
            u.passwordHash = hasher.hash(newPassword);
            u.passwordChanged = Instant.now();
            u.failedLogins = 0;
            u.lockedUntil = null;
        });
    }

    private static void checkPassword(char[] password, String field) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new ValidationException(field, "must be at least " + MIN_PASSWORD + " characters");
        }
        if (new String(password).isBlank()) {
            throw new ValidationException(field, "must not be blank");
        }
    }

    @Override
    public void grantClient(Caller caller, String username, long clientId) {
        caller.require("grant clients");
        db.txRun(em -> {
            UserEntity u = existing(em, username);
            checkClients(em, Set.of(clientId));
            Set<Long> set = new HashSet<>(u.clientSet());
            set.add(clientId);
            u.clientSet(set);
        });
    }

    @Override
    public void revokeClient(Caller caller, String username, long clientId) {
        caller.require("revoke clients");
        db.txRun(em -> {
            UserEntity u = existing(em, username);
            Set<Long> set = new HashSet<>(u.clientSet());
            set.remove(clientId);
            u.clientSet(set);
        });
    }

    @Override
    public void setRoles(Caller caller, String username, Set<Role> roles) {
        caller.require("set roles");
        if (roles == null || roles.isEmpty()) {
            throw new ValidationException("roles", "give the user at least one role");
        }
        db.txRun(em -> {
            UserEntity u = existing(em, username);
            guardLastAdmin(em, u, roles, u.enabled);
            u.roleSet(roles);
        });
    }

    @Override
    public void setOwnLocale(Caller caller, String locale) {
        if (locale == null || !List.of("ru", "en").contains(locale)) {
            throw new ValidationException("locale", "must be ru or en");
        }
        db.txRun(em -> existing(em, caller.username()).locale = locale);
    }

    @Override
    public void unlock(Caller caller, String username) {
        caller.require("unlock users");
        db.txRun(em -> {
            UserEntity u = existing(em, username);
            u.lockedUntil = null;
            u.failedLogins = 0;
        });
    }

    @Override
    public void delete(Caller caller, String username) {
        caller.require("delete users");
        if (caller.username().equals(username)) {
            throw new AccessDeniedException("you cannot delete yourself");
        }
        db.txRun(em -> {
            UserEntity u = existing(em, username);
            guardLastAdmin(em, u, Set.of(), false);
            em.remove(u);
        });
    }

    private static UserEntity find(EntityManager em, String username) {
        return em.createQuery("SELECT u FROM UserEntity u WHERE u.username = :n", UserEntity.class)
                .setParameter("n", username).getResultList().stream().findFirst().orElse(null);
    }

    private static UserEntity existing(EntityManager em, String username) {
        UserEntity u = find(em, username);
        if (u == null) {
            throw new NotFoundException("user", username);
        }
        return u;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
