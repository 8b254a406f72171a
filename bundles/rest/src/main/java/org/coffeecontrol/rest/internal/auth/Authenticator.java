package org.coffeecontrol.rest.internal.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.coffeecontrol.api.security.AuthResult;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * HTTP Basic against {@link UserService}, with a short-lived cache of successful logins: the password hash is
 * deliberately slow (PBKDF2) and REST clients send credentials with every request.
 * <p>
 * The cache key is an HMAC of user and password under a key that lives only in this instance, so the cache never
 * holds a password nor anything that can be checked against a guess outside this process. Entries of a user are
 * dropped when the user fails a login or is changed through REST; changes made elsewhere (UI, shell) take effect
 * within {@link #DEFAULT_TTL}.
 */
@Component(service = Authenticator.class)
public class Authenticator {

    static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    static final int MAX_ENTRIES = 10_000;

    /** Either a caller or the status and message to answer with. */
    public record Outcome(Caller caller, int status, String message) {
        static Outcome ok(Caller caller) {
            return new Outcome(caller, 200, null);
        }

        static Outcome rejected(int status, String message) {
            return new Outcome(null, status, message);
        }

        public boolean isAuthenticated() {
            return caller != null;
        }
    }

    private record Entry(String username, Caller caller, Instant expires) {
    }

    private final UserService users;
    private final Clock clock;
    private final Duration ttl;
    private final byte[] cacheKeySecret = new byte[32];
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    @Activate
    public Authenticator(@Reference UserService users) {
        this(users, Clock.systemUTC(), DEFAULT_TTL);
    }

    Authenticator(UserService users, Clock clock, Duration ttl) {
        this.users = users;
        this.clock = clock;
        this.ttl = ttl;
        new SecureRandom().nextBytes(cacheKeySecret);
    }

    /** @param authorization the raw {@code Authorization} header, may be null */
    public Outcome authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Outcome.rejected(401, "authentication required: send HTTP Basic credentials");
        }
        String header = authorization.trim();
        if (!header.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return Outcome.rejected(401, "unsupported authentication scheme: use HTTP Basic");
        }
        char[] decoded = decode(header.substring(6).trim());
        if (decoded == null) {
            return Outcome.rejected(401, "malformed Basic credentials");
        }
        try {
            int colon = indexOf(decoded, ':');
            if (colon <= 0) {
                return Outcome.rejected(401, "malformed Basic credentials");
            }
            String username = new String(decoded, 0, colon);
            char[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
            try {
                return authenticate(username, password);
            } finally {
                Arrays.fill(password, '\0');
            }
        } finally {
            Arrays.fill(decoded, '\0');
        }
    }

    private Outcome authenticate(String username, char[] password) {
        String key = cacheKey(username, password);
        Instant now = clock.instant();
        Entry hit = cache.get(key);
        if (hit != null && now.isBefore(hit.expires())) {
            return Outcome.ok(hit.caller());
        }
        AuthResult result = users.authenticate(username, password);
        if (result.isOk()) {
            evictIfFull(now);
            cache.put(key, new Entry(username, result.caller(), now.plus(ttl)));
            return Outcome.ok(result.caller());
        }
        // a failed attempt may just have locked the account: the next request must see that
        forget(username);
        return switch (result.status()) {
            case LOCKED -> Outcome.rejected(423,
                    "account locked after repeated failed logins; try again later or ask an administrator to unlock it");
            case DISABLED -> Outcome.rejected(401, "account disabled");
            default -> Outcome.rejected(401, "wrong username or password");
        };
    }

    /** Drops the cached logins of a user whose password, roles, clients or lock state changed. */
    public void forget(String username) {
        cache.values().removeIf(e -> e.username().equals(username));
    }

    int cachedEntries() {
        return cache.size();
    }

    private void evictIfFull(Instant now) {
        if (cache.size() < MAX_ENTRIES) {
            return;
        }
        cache.values().removeIf(e -> !now.isBefore(e.expires()));
        if (cache.size() >= MAX_ENTRIES) {
            // someone is cycling through credentials; losing the cache only costs hashing time
            cache.clear();
        }
    }

    private String cacheKey(String username, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKeySecret, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            byte[] raw = new byte[bytes.remaining()];
            bytes.get(raw);
            mac.update(raw);
            Arrays.fill(raw, (byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    private static char[] decode(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            Arrays.fill(bytes, (byte) 0);
            char[] out = new char[chars.remaining()];
            chars.get(out);
            return out;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int indexOf(char[] chars, char c) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
