package org.coffeecontrol.remote.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Command menu, command runs and access data of machines (RC-1). Machines are named by serial number; a machine
 * the caller may not see is a {@link org.coffeecontrol.api.NotFoundException}. Synchronous failures are the api's
 * exceptions; what happens on the machine arrives as a {@link CommandRun} value, never as an exception.
 */
@ProviderType
public interface RemoteControlService {

    /** The machine's command menu from its family's driver, with what the caller may run. */
    List<RemoteCommand> commands(Caller caller, String serial);

    /**
     * Runs one allow-listed command. Permission and arguments are checked before anything is sent: a refusal is a
     * {@link org.coffeecontrol.api.ValidationException} (bad argument) or an
     * {@link org.coffeecontrol.api.AccessDeniedException}, and is recorded too. The future completes with the
     * recorded run, whatever the machine did; cancelling it closes the connection.
     */
    CompletableFuture<CommandRun> run(Caller caller, String serial, String commandId, Map<String, String> args);

    /** Recorded runs on the machine, newest first. */
    Page<CommandRun> history(Caller caller, String serial, PageRequest page);

    MachineAccess access(Caller caller, String serial);

    /** Stores the user name and password the platform logs in with, encrypted. */
    MachineAccess setCredentials(Caller caller, String serial, String username, char[] password);

    /**
     * Forgets the pinned host key, so that the next connection pins whatever key the machine offers. For a machine
     * whose controller was legitimately replaced; admins only.
     */
    MachineAccess forgetHostKey(Caller caller, String serial);
}
