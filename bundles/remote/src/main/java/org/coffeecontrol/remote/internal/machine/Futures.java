package org.coffeecontrol.remote.internal.machine;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;

import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.RemoteOperationException;

/** Chaining remote work so that cancelling the caller's future reaches the SSH session. */
public final class Futures {

    private Futures() {
    }

    /**
     * A future completed with {@code after(value, failure)} once {@code sent} is done; cancelling it cancels
     * {@code sent}, whose completion still runs {@code after} (so a cancelled run is recorded too).
     */
    public static <T, R> CompletableFuture<R> then(CompletableFuture<T> sent, BiFunction<T, Throwable, R> after) {
        CompletableFuture<R> result = new CompletableFuture<>();
        sent.whenComplete((value, failure) -> {
            try {
                result.complete(after.apply(value, unwrap(failure)));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                sent.cancel(true);
            }
        });
        return result;
    }

    public static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** The failure as a user-facing remote failure. */
    public static RemoteOperationException remote(Throwable failure) {
        Throwable f = unwrap(failure);
        if (f instanceof RemoteOperationException r) {
            return r;
        }
        if (f instanceof CancellationException) {
            return new RemoteOperationException(Outcome.CANCELLED, "cancelled");
        }
        return new RemoteOperationException(Outcome.ERROR, f.getClass().getSimpleName() + ": " + f.getMessage());
    }
}
