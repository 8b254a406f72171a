package org.coffeecontrol.remote.api;

/** Where a deferred SQL file stands. */
public enum DeferredState {
    /** In the folder as {@code *.txt}, waiting for the machine to call home. */
    PENDING,
    /** Handed to the machine (file renamed {@code *.sendtxt}); handed again if no result comes back in time. */
    DELIVERED,
    /** The machine ran it; the result is stored. */
    DONE,
    /** The machine could not run it (SQL error); its message is stored. */
    FAILED,
    /** Never sent: no {@code Fast ID} line or a statement that may not run on machines (file renamed {@code *.invalid}). */
    INVALID
}
