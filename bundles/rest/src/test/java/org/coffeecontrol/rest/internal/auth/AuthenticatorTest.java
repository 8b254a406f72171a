package org.coffeecontrol.rest.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.coffeecontrol.api.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2024-05-31T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final InMemoryUserService users = new InMemoryUserService();
    private final ManualClock clock = new ManualClock();
    private Authenticator authenticator;

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void setUp() {
        users.put("olga", "s3cret", Role.OPERATOR);
        authenticator = new Authenticator(users, clock, Duration.ofSeconds(30));
    }

    @Test
    void goodCredentialsGiveTheCaller() {
        Authenticator.Outcome o = authenticator.authenticate(basic("olga", "s3cret"));
        assertTrue(o.isAuthenticated());
        assertEquals("olga", o.caller().username());
        assertTrue(o.caller().has(Role.OPERATOR));
    }

    @Test
    void missingOrForeignCredentialsAre401() {
        assertEquals(401, authenticator.authenticate(null).status());
        assertEquals(401, authenticator.authenticate("Bearer abc").status());
        assertEquals(401, authenticator.authenticate("Basic !!!not-base64").status());
        assertEquals(401, authenticator.authenticate("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())).status());
        assertEquals(0, users.authenticateCalls, "no password check for unusable headers");
    }

    @Test
    void wrongPasswordIs401WithAGenericMessage() {
        Authenticator.Outcome o = authenticator.authenticate(basic("olga", "guess"));
        assertFalse(o.isAuthenticated());
        assertEquals(401, o.status());
        assertEquals("wrong username or password", o.message());
        assertEquals(o.message(), authenticator.authenticate(basic("nobody", "guess")).message(),
                "unknown users and wrong passwords must look the same");
    }

    @Test
    void lockedAccountIs423WithAnExplanation() {
        users.lock("olga");
        Authenticator.Outcome o = authenticator.authenticate(basic("olga", "s3cret"));
        assertEquals(423, o.status());
        assertTrue(o.message().contains("locked"));
    }

    @Test
    void passwordsMayContainColonsAndNonAsciiCharacters() {
        users.put("jürgen", "pa:ss:wört", Role.ENGINEER);
        assertTrue(authenticator.authenticate(basic("jürgen", "pa:ss:wört")).isAuthenticated());
    }

    @Test
    void successIsCachedBriefly() {
        authenticator.authenticate(basic("olga", "s3cret"));
        authenticator.authenticate(basic("olga", "s3cret"));
        assertEquals(1, users.authenticateCalls);
        clock.now = clock.now.plusSeconds(31);
        assertTrue(authenticator.authenticate(basic("olga", "s3cret")).isAuthenticated());
        assertEquals(2, users.authenticateCalls, "expired entries are checked again");
    }

    @Test
    void cacheIsKeyedByPasswordToo() {
        authenticator.authenticate(basic("olga", "s3cret"));
        assertEquals(401, authenticator.authenticate(basic("olga", "other")).status());
    }

    @Test
    void oldPasswordStopsWorkingOnceForgotten() {
        authenticator.authenticate(basic("olga", "s3cret"));
        users.setPassword("olga", "n3w");
        authenticator.forget("olga");
        assertEquals(401, authenticator.authenticate(basic("olga", "s3cret")).status());
        assertTrue(authenticator.authenticate(basic("olga", "n3w")).isAuthenticated());
    }

    @Test
    void failedAttemptDropsCachedLoginsSoALockTakesEffect() {
        authenticator.authenticate(basic("olga", "s3cret"));
        users.lock("olga");
        authenticator.authenticate(basic("olga", "guess"));
        assertEquals(423, authenticator.authenticate(basic("olga", "s3cret")).status());
    }

    @Test
    void cacheStaysBounded() {
        for (int i = 0; i < Authenticator.MAX_ENTRIES + 5; i++) {
            users.put("u" + i, "p");
            authenticator.authenticate(basic("u" + i, "p"));
        }
        assertTrue(authenticator.cachedEntries() <= Authenticator.MAX_ENTRIES);
    }
}
