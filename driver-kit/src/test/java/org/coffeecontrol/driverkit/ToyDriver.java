package org.coffeecontrol.driverkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coffeecontrol.api.driver.ArgSpec;
import org.coffeecontrol.api.driver.Capability;
import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.CommandSpec;
import org.coffeecontrol.api.driver.DecodeResult;
import org.coffeecontrol.api.driver.DriverInfo;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.RecipeDialect;
import org.coffeecontrol.api.driver.TelemetryBatch;

/**
 * A minimal correct driver for the format {@code TOY <serial>} followed by {@code <seq> <epoch-ms> HB} or
 * {@code <seq> <epoch-ms> DRINK <name>} lines, so the kit can be tested against a known-good implementation.
 */
class ToyDriver implements MachineDriver {

    static final CommandSpec PING = new CommandSpec("ping", "Ping", "answers pong", List.of(), false);
    static final CommandSpec SAY = new CommandSpec("say", "Say", "shows a word",
            List.of(new ArgSpec("word", "Word", "[a-z]{1,8}", false)), false);

    @Override
    public DriverInfo info() {
        return new DriverInfo("toy", "Toy", "1.0", "text/x-toy", List.of("T1"),
                Set.of(Capability.TELEMETRY, Capability.COMMANDS));
    }

    @Override
    public DecodeResult decode(TelemetryBatch batch) {
        if (batch.body() == null) {
            return DecodeResult.rejected("no body");
        }
        String[] lines = new String(batch.body(), StandardCharsets.UTF_8).split("\n", -1);
        if (!lines[0].equals("TOY " + batch.serial())) {
            return DecodeResult.rejected("line 1: header with serial " + batch.serial() + " expected");
        }
        List<MachineEvent> events = new ArrayList<>();
        long last = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] f = lines[i].split(" ", 4);
            try {
                long seq = Long.parseLong(f[0]);
                Instant time = Instant.ofEpochMilli(Long.parseLong(f[1]));
                if (seq <= last || seq < 0) {
                    return DecodeResult.rejected("line " + (i + 1) + ": seq not increasing");
                }
                last = seq;
                if (f.length == 3 && f[2].equals("HB")) {
                    events.add(new MachineEvent.Heartbeat(seq, time));
                } else if (f.length == 4 && f[2].equals("DRINK") && !f[3].isBlank()) {
                    events.add(new MachineEvent.DrinkMade(seq, time, f[3], null));
                } else {
                    return DecodeResult.rejected("line " + (i + 1) + ": unknown record");
                }
            } catch (RuntimeException e) {
                return DecodeResult.rejected("line " + (i + 1) + ": " + e.getClass().getSimpleName());
            }
        }
        return DecodeResult.decoded(events);
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(PING, SAY);
    }

    @Override
    public CommandPlan plan(String commandId, Map<String, String> args) {
        if ("ping".equals(commandId) && args.isEmpty()) {
            return new CommandPlan.Exec("toy ping", Duration.ofSeconds(5));
        }
        if ("say".equals(commandId) && args.size() == 1 && args.get("word") != null
                && args.get("word").matches("[a-z]{1,8}")) {
            return new CommandPlan.Exec("toy say " + args.get("word"), Duration.ofSeconds(5));
        }
        return new CommandPlan.Refused("refused");
    }

    @Override
    public Optional<RecipeDialect> recipes() {
        return Optional.of(new ToyRecipes());
    }
}
