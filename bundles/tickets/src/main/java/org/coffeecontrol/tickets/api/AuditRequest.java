package org.coffeecontrol.tickets.api;

import java.time.YearMonth;

/**
 * A monthly audit planning run (TKT-5).
 *
 * @param month    the month to plan; null means next month
 * @param mechanic assign every visit to this engineer instead of each POS's audit mechanic
 * @param clientId only this client's points of sale
 */
public record AuditRequest(YearMonth month, String mechanic, Long clientId) {
}
