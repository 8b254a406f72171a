package org.coffeecontrol.driverkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.coffeecontrol.api.driver.MachineEvent;

/**
 * A documented payload of a family and the canonical events it must decode to.
 *
 * @param name     shown in test failures
 * @param serial   the serial the machine authenticates as when it sends this payload
 * @param body     the payload exactly as sent
 * @param expected the events, in order
 */
public record DriverExample(String name, String serial, byte[] body, List<MachineEvent> expected) {

    public DriverExample {
        body = body.clone();
        expected = List.copyOf(expected);
    }

    public static DriverExample of(String name, String serial, String body, MachineEvent... expected) {
        return new DriverExample(name, serial, body.getBytes(StandardCharsets.UTF_8), List.of(expected));
    }

    /**
     * Loads the payload from a class-path resource, so that the same file can be quoted in the driver's README
     * and checked by {@link DriverConformanceTest#documentedExamplesAppearInTheReadme()}.
     */
    public static DriverExample fromResource(Class<?> anchor, String resource, String serial,
            MachineEvent... expected) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource + " next to " + anchor.getName());
            }
            return new DriverExample(resource, serial, in.readAllBytes(), List.of(expected));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DriverExample other && name.equals(other.name) && serial.equals(other.serial)
                && Arrays.equals(body, other.body) && expected.equals(other.expected);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return name;
    }
}
