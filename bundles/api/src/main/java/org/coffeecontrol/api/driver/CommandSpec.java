package org.coffeecontrol.api.driver;

import java.util.List;

/**
 * An allow-listed command of a family (RC-1).
 *
 * @param id      stable key, e.g. {@code reboot}, {@code pin-on}, {@code read-screen}
 * @param changesMachine true when it alters the machine (needs a stronger role than a read)
 */
public record CommandSpec(String id, String label, String description, List<ArgSpec> args, boolean changesMachine) {
    public CommandSpec {
        args = List.copyOf(args);
    }
}
