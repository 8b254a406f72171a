package org.coffeecontrol.remote.api;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded command run: who ran what on which machine, and what came back.
 *
 * @param args       the arguments as given, secret ones (PINs) replaced by {@code ****}
 * @param exitCode   the machine's exit code, null when the command never ran to completion
 * @param output     standard output followed by standard error, cut at the configured size
 * @param message    why it did not run or did not finish; null for {@link Outcome#OK}
 */
public record CommandRun(Long id, long equipmentId, String serial, String family, String commandId,
        Map<String, String> args, String username, Instant startedAt, long durationMillis, Integer exitCode,
        String output, Outcome outcome, String message) {
    public CommandRun {
        args = args == null ? Map.of() : Map.copyOf(args);
    }
}
