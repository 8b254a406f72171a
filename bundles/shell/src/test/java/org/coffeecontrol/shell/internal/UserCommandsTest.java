package org.coffeecontrol.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.security.auth.Subject;

import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserCommandsTest {

    private static final String PASSWORD_LINE = "Password (shown only now): ";

    private final Shell shell = new Shell();
    private final Subject admin = Shell.console();
    private Client acme;
    private Client beta;

    @BeforeEach
    void seed() {
        acme = shell.catalog.saveClient(Caller.system(), new Client(null, "Acme", "ACME", null, null, null, 0));
        beta = shell.catalog.saveClient(Caller.system(), new Client(null, "Beta", "BETA", null, null, null, 0));
    }

    private UserAddCommand userAdd(String username, boolean generate) {
        UserAddCommand add = new UserAddCommand();
        add.username = username;
        add.roles = List.of("client");
        add.clients = List.of("ACME");
        add.generate = generate;
        return add;
    }

    private UserAccount account(String username) {
        return shell.users.user(Caller.system(), username);
    }

    private boolean canLogIn(String username, String password) {
        return shell.users.authenticate(username, password.toCharArray()).isOk();
    }

    @Test
    void generatedPasswordIsPrintedOnceAndWorks() throws Exception {
        Shell.Result r = shell.run(admin, userAdd("olga", true));
        assertEquals("", r.err());
        assertEquals("Created user olga (client; clients " + acme.id() + ")", r.lines().get(0));
        List<String> passwordLines = r.lines().stream().filter(l -> l.startsWith(PASSWORD_LINE)).toList();
        assertEquals(1, passwordLines.size());
        String password = passwordLines.get(0).substring(PASSWORD_LINE.length());
        assertEquals(Passwords.GENERATED_LENGTH, password.length());
        assertTrue(canLogIn("olga", password));
        assertEquals(Set.of(acme.id()), account("olga").clientIds());
    }

    @Test
    void promptedPasswordIsAskedTwiceAndNeverPrinted() throws Exception {
        Shell.Result r = shell.run(admin, userAdd("olga", false), "s3cret-pass", "s3cret-pass");
        assertEquals("", r.err());
        assertFalse(r.out().contains("s3cret-pass") || r.out().contains(PASSWORD_LINE), r.out());
        assertTrue(canLogIn("olga", "s3cret-pass"));
    }

    @Test
    void mismatchedEntriesCreateNobody() throws Exception {
        Shell.Result r = shell.run(admin, userAdd("olga", false), "s3cret-pass", "s3cret-pasS");
        assertEquals("Invalid password: the two entries differ" + System.lineSeparator(), r.err());
        assertTrue(shell.users.callerFor("olga").isEmpty());
    }

    @Test
    void rejectedUserNeverShowsItsGeneratedPassword() throws Exception {
        shell.run(admin, userAdd("olga", true));
        Shell.Result again = shell.run(admin, userAdd("olga", true));
        assertEquals("Conflict: user olga exists" + System.lineSeparator(), again.err());
        assertEquals("", again.out());
    }

    @Test
    void unknownRoleOrClientIsRefusedBeforePrompting() throws Exception {
        UserAddCommand add = userAdd("olga", false);
        add.roles = List.of("barista");
        // No scripted answers: a prompt would fail the test.
        assertTrue(shell.run(admin, add).err().startsWith("Invalid role: unknown role 'barista'"));
        add.roles = List.of("client");
        add.clients = List.of("NOPE");
        assertEquals("Error: Client 'NOPE' not found" + System.lineSeparator(), shell.run(admin, add).err());
    }

    @Test
    void grantAndRevokeByCodeOrId() throws Exception {
        shell.run(admin, userAdd("olga", true));
        UserGrantCommand grant = new UserGrantCommand();
        grant.username = "olga";
        grant.clients = List.of("BETA," + acme.id());
        Shell.Result granted = shell.run(admin, grant);
        assertEquals(List.of("Granted Beta (#" + beta.id() + ") to olga", "Granted Acme (#" + acme.id() + ") to olga"),
                granted.lines());
        assertEquals(Set.of(acme.id(), beta.id()), account("olga").clientIds());

        UserRevokeCommand revoke = new UserRevokeCommand();
        revoke.username = "olga";
        revoke.clients = List.of("acme");
        assertEquals("", shell.run(admin, revoke).err());
        assertEquals(Set.of(beta.id()), account("olga").clientIds());
    }

    @Test
    void rolesAreShownOrReplaced() throws Exception {
        shell.run(admin, userAdd("olga", true));
        UserRolesCommand roles = new UserRolesCommand();
        roles.username = "olga";
        assertEquals("olga: client" + System.lineSeparator(), shell.run(admin, roles).out());
        roles.roles = List.of("operator", "tech-support");
        assertEquals("olga: operator,tech-support" + System.lineSeparator(), shell.run(admin, roles).out());
        assertEquals(EnumSet.of(Role.OPERATOR, Role.TECH_SUPPORT), account("olga").roles());
    }

    @Test
    void passwordResetGeneratedOrPrompted() throws Exception {
        shell.run(admin, userAdd("olga", false), "first-pass", "first-pass");
        UserPasswdCommand passwd = new UserPasswdCommand();
        passwd.username = "olga";
        passwd.generate = true;
        Shell.Result r = shell.run(admin, passwd);
        String password = r.lines().get(1).substring(PASSWORD_LINE.length());
        assertTrue(canLogIn("olga", password));
        assertFalse(canLogIn("olga", "first-pass"));

        passwd.generate = false;
        assertEquals("Invalid password: must have at least 8 characters" + System.lineSeparator(),
                shell.run(admin, passwd, "short", "short").err());
        assertTrue(canLogIn("olga", password));
    }

    @Test
    void withoutTerminalThePromptAsksForGenerate() throws Exception {
        shell.run(admin, userAdd("olga", true));
        UserPasswdCommand passwd = new UserPasswdCommand();
        passwd.username = "olga";
        assertEquals("Invalid password: no terminal to prompt on, use --generate" + System.lineSeparator(),
                shell.run(admin, passwd, Shell.noTerminal()).err());
        passwd.generate = true;
        assertTrue(shell.run(admin, passwd, Shell.noTerminal()).out().contains(PASSWORD_LINE));
    }

    @Test
    void passwordResetOfUnknownUserFailsWithoutPrompting() throws Exception {
        UserPasswdCommand passwd = new UserPasswdCommand();
        passwd.username = "ghost";
        assertEquals("Error: User ghost not found" + System.lineSeparator(), shell.run(admin, passwd).err());
    }

    @Test
    void lockedUserIsListedAsLockedUntilUnlocked() throws Exception {
        shell.run(admin, userAdd("olga", true));
        shell.users.lock("olga", Instant.now().plusSeconds(600));
        assertTrue(shell.run(admin, new UsersCommand()).out().contains("locked"));
        UserUnlockCommand unlock = new UserUnlockCommand();
        unlock.username = "olga";
        assertEquals("Unlocked olga" + System.lineSeparator(), shell.run(admin, unlock).out());
        assertTrue(shell.run(admin, new UsersCommand()).out().contains("active"));
    }

    @Test
    void nonAdminCannotManageUsers() throws Exception {
        Subject operator = shell.dbUser("ivan", EnumSet.of(Role.OPERATOR), Set.of(acme.id()));
        Shell.Result r = shell.run(operator, userAdd("olga", true));
        assertTrue(r.err().startsWith("Access denied: ivan may not create users"), r.err());
        assertEquals("", r.out());
    }
}
