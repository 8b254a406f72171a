package org.coffeecontrol.core.internal.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.CommandSpec;
import org.coffeecontrol.api.driver.DecodeResult;
import org.coffeecontrol.api.driver.DriverInfo;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.TelemetryBatch;

/** A minimal real driver for tests: lines of {@code seq epochSeconds product}. */
final class LineDriver implements MachineDriver {
    private final String family;

    LineDriver(String family) {
        this.family = family;
    }

    static byte[] batch(long fromSeq, int count) {
        StringBuilder sb = new StringBuilder();
        for (long s = fromSeq; s < fromSeq + count; s++) {
            sb.append(s).append(' ').append(1_790_000_000L + s).append(" Espresso\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public DriverInfo info() {
        return new DriverInfo(family, "Line test driver", "1.0", "text/plain", List.of("Test"), Set.of());
    }

    @Override
    public DecodeResult decode(TelemetryBatch batch) {
        List<MachineEvent> events = new ArrayList<>();
        String[] lines = new String(batch.body(), StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].split(" ");
            if (f.length != 3 || !f[0].matches("\\d+") || !f[1].matches("\\d+")) {
                return DecodeResult.rejected("line " + (i + 1) + ": expected 'seq epoch product'");
            }
            events.add(new MachineEvent.DrinkMade(Long.parseLong(f[0]), Instant.ofEpochSecond(Long.parseLong(f[1])),
                    f[2], 200));
        }
        return DecodeResult.decoded(events);
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of();
    }

    @Override
    public CommandPlan plan(String commandId, Map<String, String> args) {
        return new CommandPlan.Refused("no commands");
    }
}
