package org.coffeecontrol.monitoring.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: register a service of this type to hear of detected problems (MON-2) as they open and close, e.g. to
 * open a pre-ticket for a critical error. Called after the change is committed, on a thread of the monitoring
 * bundle that is not the engine's; a listener that throws is logged and does not stop the others. A problem that
 * opened and closed within one round (a resend after an outage) is reported as closed only.
 */
@ConsumerType
public interface ProblemListener {

    void opened(Problem problem);

    default void closed(Problem problem) {
    }
}
