package org.coffeecontrol.remote.internal.shell;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.remote.internal.machine.Futures;
import org.coffeecontrol.shell.api.ShellCaller;

/**
 * Base of the remote commands: the caller is the session's login (as in coffee-shell: a database user with its
 * roles, or a Karaf administrator acting as ADMIN), expected failures are one line and exit status 1.
 */
abstract class RemoteAction implements Action {

    @Reference
    UserService users;

    @Reference
    Session session;

    // Karaf swaps System.out per session thread, so this reaches the caller's terminal.
    PrintStream out = System.out;

    @Override
    public Object execute() throws Exception {
        return ShellCaller.run(session, users, this::run);
    }

    abstract void run(Caller caller) throws Exception;

    /** Waits for remote work; Ctrl-C cancels it (and closes its SSH session). */
    static <T> T await(CompletableFuture<T> work) throws InterruptedException {
        try {
            return work.get();
        } catch (InterruptedException e) {
            work.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = Futures.unwrap(e.getCause());
            if (cause instanceof CoffeeException c) {
                throw c;
            }
            throw Futures.remote(cause);
        }
    }

}
