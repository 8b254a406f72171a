package org.coffeecontrol.api.security;

/** The roles of DOMAIN.md. A user may hold several. */
public enum Role {
    /** Users, roles, client visibility, system settings. */
    ADMIN,
    /** Monitoring centre: overview, ticket queue, journal, remote commands. */
    OPERATOR,
    /** Promo images, SQL on machines, scripts, file exchange. */
    TECH_SUPPORT,
    /** Creates and assigns tickets, plans audits, checks closed tickets; maintains catalogues. */
    SERVICE_ADMIN,
    /** Mechanic in the field: tickets, acts, photo reports, mileage. */
    ENGINEER,
    /** Reads reports, sets ticket priorities. */
    MANAGER,
    /** Fuel compensation, waybills, exports. */
    FINANCE,
    /** Staff of a client: sees only the granted clients' points of sale. */
    CLIENT
}
