package org.coffeecontrol.tickets.internal;

import java.time.Clock;

import javax.sql.DataSource;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.tickets.api.TicketService;

/**
 * What audit planning and dispatch both stand on — the ticket tables and service, the catalogue, the users, the
 * settings and the clock — and the one check both make on a mechanic someone names.
 */
record FieldDesk(Jdbc db, TicketService tickets, CatalogService catalog, UserService users, Settings settings,
        Clock clock) {

    FieldDesk(DataSource dataSource, TicketService tickets, CatalogService catalog, UserService users,
            Settings settings, Clock clock) {
        this(new Jdbc(dataSource), tickets, catalog, users, settings, clock);
    }

    /**
     * The enabled user {@code username} if he holds the ENGINEER role; anything else is the caller's input error,
     * so it names {@code field}.
     */
    Caller engineer(String field, String username) {
        Caller user = users.callerFor(username)
                .orElseThrow(() -> new ValidationException(field, "no active user " + username));
        if (!user.has(Role.ENGINEER)) {
            throw new ValidationException(field, username + " does not have the ENGINEER role");
        }
        return user;
    }
}
