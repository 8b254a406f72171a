package org.coffeecontrol.api.driver;

import java.time.Duration;

/** What {@link MachineDriver#plan} decided: the exact remote command line to run, or why not. */
public sealed interface CommandPlan {

    /** @param commandLine run as one SSH exec request; built only from validated arguments */
    record Exec(String commandLine, Duration timeout) implements CommandPlan {
    }

    record Refused(String reason) implements CommandPlan {
    }
}
