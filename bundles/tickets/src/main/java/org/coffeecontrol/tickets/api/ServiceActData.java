package org.coffeecontrol.tickets.api;

import java.time.Instant;
import java.util.List;

/**
 * What the service act (TKT-6) adds to its ticket: consumables, the downtime justification and the engineer's
 * signature. The works and parts are the ticket's lines; the POS representative's signature is the ticket's
 * signature ({@link TicketService#sign}).
 *
 * @param engineerSigned a drawn engineer signature is stored
 * @param customerName   who signed for the POS, printed under the ticket's signature
 * @param sentTo         the address the act was last e-mailed to, null if never
 * @param version        optimistic lock of the act (0 before the first save)
 */
public record ServiceActData(long ticketId, List<ActConsumable> consumables, String downtimeJustification,
        String engineerName, boolean engineerSigned, String customerName, Instant sentAt, String sentTo,
        long version) {

    public ServiceActData {
        consumables = consumables == null ? List.of() : List.copyOf(consumables);
    }
}
