package org.coffeecontrol.shell.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Consumer;

import org.apache.karaf.shell.api.console.Session;
import org.coffeecontrol.api.ValidationException;

/** New passwords for users: typed twice at a masked prompt, or generated and shown once. */
final class Passwords {

    /** No 0/O, 1/l/I: generated passwords get read aloud and typed from paper. */
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    static final int GENERATED_LENGTH = 16;

    /** @param generated true when the admin must be shown the value (exactly once, after it was accepted) */
    record NewPassword(char[] value, boolean generated) {
    }

    private Passwords() {
    }

    static char[] generate(SecureRandom random) {
        char[] password = new char[GENERATED_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return password;
    }

    static NewPassword obtain(boolean generate, Session session, String username) throws IOException {
        if (generate) {
            return new NewPassword(generate(new SecureRandom()), true);
        }
        if (session == null) {
            throw noTerminal();
        }
        String first;
        String second;
        try {
            first = session.readLine("New password for " + username + ": ", '*');
            second = first == null || first.isEmpty() ? null : session.readLine("Repeat password: ", '*');
        } catch (UnsupportedOperationException e) {
            // Karaf's sessions without a terminal (ssh host 'command', scripts) cannot prompt.
            throw noTerminal();
        }
        if (first == null || first.isEmpty()) {
            throw new ValidationException("password", "must not be empty (or use --generate)");
        }
        if (!first.equals(second)) {
            throw new ValidationException("password", "the two entries differ");
        }
        return new NewPassword(first.toCharArray(), false);
    }

    private static ValidationException noTerminal() {
        return new ValidationException("password", "no terminal to prompt on, use --generate");
    }

    /**
     * Hands the password to {@code action}; a generated one is shown only after the action accepted it, so a
     * rejected request never leaves a printed password that works nowhere. The characters are wiped either way.
     */
    static void use(NewPassword password, Output output, Consumer<char[]> action) {
        try {
            action.accept(password.value());
            if (password.generated()) {
                output.line("Password (shown only now): " + new String(password.value()));
            }
        } finally {
            Arrays.fill(password.value(), '\0');
        }
    }
}
