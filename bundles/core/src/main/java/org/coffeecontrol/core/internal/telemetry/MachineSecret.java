package org.coffeecontrol.core.internal.telemetry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.coffeecontrol.api.ValidationException;

/** The rule and the hash of a machine's telemetry secret, shared by the secret endpoint and the fleet import. */
public final class MachineSecret {

    private MachineSecret() {
    }

    /** @throws ValidationException naming {@code field} unless the secret is 16 to 200 characters */
    public static void check(String field, String secret) {
        if (secret == null || secret.length() < 16 || secret.length() > 200) {
            throw new ValidationException(field, "must be 16 to 200 characters");
        }
    }

    /** Machine secrets are long random strings, so one SHA-256 is enough and keeps ingest cheap. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
