package org.coffeecontrol.tickets.internal.act;

import java.time.Instant;
import java.util.List;

/**
 * Everything a service act (TKT-6) prints: taken from the ticket plus what the engineer recorded on site. Texts may
 * be Cyrillic; null means "not given" and prints as a dash.
 *
 * @param downtimeJustification why the machine stood still (or null when it did not)
 * @param engineerSignature     PNG of the engineer's signature, or null when only the name is signed
 * @param customerSignature     PNG of the POS representative's signature, or null
 */
public record ServiceAct(String ticketNumber, String externalNumber, Instant createdAt, String clientName,
        String posName, String posAddress, String equipment, String serialNumber, String reason,
        String executor, Instant workStart, Instant workEnd, String downtimeJustification,
        List<Consumable> consumables, List<Line> lines, Signature engineerSignature, Signature customerSignature) {

    public ServiceAct {
        consumables = consumables == null ? List.of() : List.copyOf(consumables);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A consumable used on site (milk cleaner, descaler, filters …). */
    public record Consumable(String name, String quantity, String unit) {
    }

    /** A work done or part fitted, as on the ticket's lines. */
    public record Line(String article, boolean part, String quantity, String description, String serial,
            boolean warranty) {
    }

    /** Who signed and, when captured, the drawn signature as PNG bytes. */
    public record Signature(String name, byte[] png) {
    }
}
