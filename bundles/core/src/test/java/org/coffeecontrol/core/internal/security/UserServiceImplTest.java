package org.coffeecontrol.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.AuthResult;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserAccount;
import org.coffeecontrol.core.internal.db.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserServiceImplTest {

    @TempDir
    Path dataDir;
    private TestDatabase tdb;

    @BeforeEach
    void setUp() throws Exception {
        tdb = new TestDatabase();
    }

    @AfterEach
    void tearDown() {
        tdb.close();
    }

    private UserServiceImpl service(String envPassword) {
        return new UserServiceImpl(tdb.db, new PasswordHasher(1000), envPassword, dataDir);
    }

    @Test
    void generatesAdminPasswordIntoOwnerOnlyFileOnce() throws Exception {
        service(null);
        Path file = dataDir.resolve(UserServiceImpl.ADMIN_PASSWORD_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String password = Files.readAllLines(file).get(1);
        UserServiceImpl again = service(null);
        assertTrue(again.authenticate("admin", password.toCharArray()).isOk());
        assertEquals(password, Files.readAllLines(file).get(1), "a restart must not replace the password");
    }

    @Test
    void takesAdminPasswordFromEnvironment() {
        UserServiceImpl users = service("from-env-secret");
        assertTrue(users.authenticate("admin", "from-env-secret".toCharArray()).isOk());
        assertFalse(Files.exists(dataDir.resolve(UserServiceImpl.ADMIN_PASSWORD_FILE)));
    }

    @Test
    void locksAfterRepeatedFailuresEvenForTheRightPassword() {
        UserServiceImpl users = service("admin-password-1");
        for (int i = 0; i < UserServiceImpl.MAX_FAILURES - 1; i++) {
            assertEquals(AuthResult.Status.BAD_CREDENTIALS, users.authenticate("admin", "nope".toCharArray()).status());
        }
        assertEquals(AuthResult.Status.LOCKED, users.authenticate("admin", "nope".toCharArray()).status());
        assertEquals(AuthResult.Status.LOCKED, users.authenticate("admin", "admin-password-1".toCharArray()).status());
        users.unlock(Caller.system(), "admin");
        assertTrue(users.authenticate("admin", "admin-password-1".toCharArray()).isOk());
    }

    @Test
    void storesOnlyHashesAndChecksRolesAndClients() {
        UserServiceImpl users = service("admin-password-1");
        Caller admin = users.authenticate("admin", "admin-password-1".toCharArray()).caller();
        long clientId = tdb.db.tx(em -> {
            var c = new org.coffeecontrol.core.internal.catalog.CatalogServiceImpl(tdb.db);
            return c.saveClient(admin, new org.coffeecontrol.api.catalog.Client(null, "Alpha", null, null, null, null, 0)).id();
        });
        UserAccount alice = users.save(admin, new UserAccount(null, "alice", "Alice", "alice@example.com", null,
                EnumSet.of(Role.CLIENT), false, Set.of(clientId), true, "ru", null, null, 0), "alice-pass-123".toCharArray());
        String hash = tdb.db.read(em -> (String) em.createNativeQuery(
                "SELECT password_hash FROM cc_user WHERE username = 'alice'").getSingleResult());
        assertTrue(hash.startsWith("pbkdf2-sha256$"));
        assertFalse(hash.contains("alice-pass-123"));
        Caller aliceCaller = users.authenticate("alice", "alice-pass-123".toCharArray()).caller();
        assertEquals(Set.of(clientId), aliceCaller.clientIds());
        assertThrows(AccessDeniedException.class, () -> users.setRoles(aliceCaller, "alice", EnumSet.of(Role.ADMIN)));
        assertThrows(ValidationException.class,
                () -> users.changePassword(aliceCaller, "alice", "wrong".toCharArray(), "new-password-1".toCharArray()));
        users.changePassword(aliceCaller, "alice", "alice-pass-123".toCharArray(), "new-password-1".toCharArray());
        assertTrue(users.authenticate("alice", "new-password-1".toCharArray()).isOk());
        assertEquals("clientIds", assertThrows(ValidationException.class, () -> users.grantClient(admin, "alice", 999))
                .field());
        assertThrows(ConflictException.class, () -> users.save(admin, new UserAccount(null, "alice", null, null, null,
                EnumSet.of(Role.CLIENT), false, Set.of(), true, null, null, null, 0), "another-pass-1".toCharArray()));
        assertEquals("password", assertThrows(ValidationException.class, () -> users.save(admin, new UserAccount(null,
                "bob", null, null, null, EnumSet.of(Role.ENGINEER), false, Set.of(), true, null, null, null, 0),
                "short".toCharArray())).field());
    }

    @Test
    void lastAdminCannotBeDemoted() {
        UserServiceImpl users = service("admin-password-1");
        assertThrows(ConflictException.class, () -> users.setRoles(Caller.system(), "admin", EnumSet.of(Role.OPERATOR)));
        assertTrue(users.callerFor("admin").orElseThrow().has(Role.ADMIN));
    }
}
