package org.coffeecontrol.api.catalog;

/**
 * One result of the global search (CAT-5).
 *
 * @param kind      CLIENT, POS or EQUIPMENT
 * @param matchedOn which attribute matched: ID, NAME, SERIAL, IP, CODE, ADDRESS
 */
public record SearchHit(Kind kind, long id, String title, String subtitle, String matchedOn, Long clientId,
        Long posId) {
    public enum Kind { CLIENT, POS, EQUIPMENT }
}
