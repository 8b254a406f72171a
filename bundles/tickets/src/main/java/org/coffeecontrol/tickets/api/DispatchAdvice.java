package org.coffeecontrol.tickets.api;

import java.util.List;

/**
 * Where a field ticket goes and who could take it (TKT-4).
 *
 * @param route         the helpdesk route of the POS card (e.g. INTRASERVICE, EKDS), null when not set
 * @param organisation  the service organisation (repairs) or the audit organisation (audits) of the POS
 * @param posMechanic   the mechanic the POS card names for this kind of ticket
 * @param candidates    free mechanics first, nearest first within each group
 * @param suggested     the free mechanic nearest to the POS, null when nobody is free
 */
public record DispatchAdvice(long ticketId, String route, String organisation, String posMechanic,
        List<MechanicCandidate> candidates, String suggested) {
    public DispatchAdvice {
        candidates = List.copyOf(candidates);
    }
}
