package org.coffeecontrol.tickets.api;

import java.util.List;

/**
 * What one Intraservice synchronisation did.
 *
 * @param imported   tasks that opened tickets
 * @param triage     tasks whose POS was not recognised (kept in the inbox for triage)
 * @param statusIn   tickets changed because their task changed status there
 * @param exported   tickets sent to Intraservice as new tasks (field visits whose POS routes to it)
 * @param statusOut  task statuses updated from our tickets
 * @param errors     what failed, one line each; the rest went on
 */
public record IntraserviceSyncResult(int imported, int triage, int statusIn, int exported, int statusOut,
        List<String> errors) {

    public IntraserviceSyncResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
