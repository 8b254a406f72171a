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

    /**
     * Parallel requests of one REST client each log the same user in (the authenticator's cache is empty at first
     * and after it expires): none of them may fail with "changed by someone else", and a login is no edit, so an
     * admin's form opened before it still saves.
     */
    @Test
    void parallelLoginsOfOneUserNeitherConflictNorCountAsAnEdit() throws Exception {
        UserServiceImpl users = service("admin-password-1");
        UserAccount before = users.user(Caller.system(), "admin");
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int ok = 0;
                    for (int i = 0; i < 25; i++) {
                        ok += users.authenticate("admin", "admin-password-1".toCharArray()).isOk() ? 1 : 0;
                    }
                    return ok;
                }));
            }
            for (java.util.concurrent.Future<Integer> r : results) {
                assertEquals(25, r.get(), "every login of the right password succeeds, none is a conflict");
            }
        } finally {
            pool.shutdownNow();
        }
        UserAccount after = users.user(Caller.system(), "admin");
        assertEquals(before.version(), after.version(), "logging in is not an edit of the user");
        assertTrue(after.lastLogin() != null);
        users.save(Caller.system(), before, null);
    }

    @Test
    void parallelWrongPasswordsAreAllCountedAndLockOnce() throws Exception {
        UserServiceImpl users = service("admin-password-1");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.List<java.util.concurrent.Future<AuthResult.Status>> results = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < UserServiceImpl.MAX_FAILURES; i++) {
                results.add(pool.submit(() -> users.authenticate("admin", "nope".toCharArray()).status()));
            }
            long locked = 0;
            for (java.util.concurrent.Future<AuthResult.Status> r : results) {
                locked += r.get() == AuthResult.Status.LOCKED ? 1 : 0;
            }
            assertEquals(1, locked, "exactly the attempt that reached the limit locks the account");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(AuthResult.Status.LOCKED, users.authenticate("admin", "admin-password-1".toCharArray()).status());
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
