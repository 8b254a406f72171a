package org.coffeecontrol.reports.internal;

import java.util.concurrent.CancellationException;

/** How a running report tells its job how far it is, and learns that it should stop. */
interface Progress {

    Progress NONE = (fraction, message) -> {
    };

    /** @param fraction 0..1; throws {@link CancellationException} when the job was cancelled */
    void update(double fraction, String message);
}
