package org.coffeecontrol.remote.api;

import java.util.List;

import org.coffeecontrol.api.driver.ArgSpec;

/**
 * One entry of a machine's command menu (RC-1), as its family's driver declares it.
 *
 * @param allowed whether the caller's roles may run it (the menu shows every command, greyed when not allowed)
 */
public record RemoteCommand(String id, String label, String description, List<ArgSpec> args, boolean changesMachine,
        boolean allowed) {
    public RemoteCommand {
        args = List.copyOf(args);
    }
}
