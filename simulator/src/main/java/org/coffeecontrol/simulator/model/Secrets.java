package org.coffeecontrol.simulator.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-machine secrets and random-stream seeds derived from the fleet seed, so that a simulator restarted with the
 * same seed authenticates with the secrets the platform was seeded with. Not meant to be secret from anyone who
 * knows the seed: it is a simulator.
 */
public final class Secrets {

    private Secrets() {
    }

    /** The {@code Authorization: Bearer} secret of a machine's daemon. */
    public static String telemetrySecret(long seed, String serial) {
        return token(seed, "telemetry:" + serial, 32);
    }

    /** The SSH password of a machine (user name = serial). */
    public static String sshPassword(long seed, String serial) {
        return token(seed, "ssh:" + serial, 16);
    }

    /** The 4-digit service PIN of a machine. */
    public static String servicePin(long seed, String serial) {
        return String.format(Locale.ROOT, "%04d", Math.floorMod(streamSeed(seed, "pin:" + serial), 10000));
    }

    /** A seed for an independent random stream named {@code label}. */
    public static long streamSeed(long seed, String label) {
        byte[] h = hmac(seed, label);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xff);
        }
        return v;
    }

    private static String token(long seed, String label, int length) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(seed, label)).substring(0, length);
    }

    private static byte[] hmac(long seed, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Long.toString(seed).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
