package org.coffeecontrol.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.simulator.wire.WireEncoder;

/** A trivial wire format for transport tests: one line per event, the sequence number first. */
public final class LineEncoder implements WireEncoder {

    private final String family;

    public LineEncoder(String family) {
        this.family = family;
    }

    @Override
    public String family() {
        return family;
    }

    @Override
    public String contentType() {
        return "text/x-test-lines";
    }

    @Override
    public byte[] encode(String serial, List<MachineEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (MachineEvent e : events) {
            sb.append(e.seq()).append(' ').append(e.getClass().getSimpleName()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static List<Long> seqs(byte[] body) {
        List<Long> out = new ArrayList<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                out.add(Long.parseLong(line.substring(0, line.indexOf(' '))));
            }
        }
        return out;
    }
}
