package org.coffeecontrol.tickets.internal;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserAccount;
import org.coffeecontrol.api.security.UserService;

/**
 * A fresh database ({@link TestDatabase}: in-memory Derby or PostgreSQL), two clients with a POS and a machine each, and the users of the ticket scenarios. The
 * catalogue and user directory answer only the reads tickets make, with the platform's visibility rule; anything
 * else fails loudly so that a test cannot silently depend on it.
 */
final class Fleet {
    final javax.sql.DataSource ds;
    final Map<Long, PointOfSale> pos = new HashMap<>();
    final Map<Long, Equipment> machines = new HashMap<>();
    final Map<String, Caller> users = new HashMap<>();

    final Caller operator = user("olga", Set.of(Role.OPERATOR), true);
    final Caller operator2 = user("oleg", Set.of(Role.OPERATOR), true);
    final Caller serviceAdmin = user("sasha", Set.of(Role.SERVICE_ADMIN), true);
    final Caller mechanic = user("misha", Set.of(Role.ENGINEER), true);
    final Caller mechanic2 = user("maks", Set.of(Role.ENGINEER), true);
    final Caller manager = user("mila", Set.of(Role.MANAGER), true);
    final Caller clientOne = new Caller("c1", Set.of(Role.CLIENT), false, Set.of(1L));
    final Caller finance = user("fima", Set.of(Role.FINANCE), true);

    Fleet() {
        this(TestDatabase.fresh());
    }

    Fleet(javax.sql.DataSource ds) {
        this.ds = ds;
        pos.put(10L, new PointOfSale(10L, "Shell Tverskaya", "P10", 1, 5L, "Tverskaya 1", 55.76, 37.61, null, null,
                "FULL", "A", "CoffeeService LLC", "AuditPro", "INTRASERVICE", "misha", "maks", null, "p10@example.com", 0));
        pos.put(20L, new PointOfSale(20L, "Lukoil Kazan", "P20", 2, 6L, "Kazan 2", 55.79, 49.12, null, null,
                "FULL", "B", "KazanService", "AuditPro", "EKDS", null, null, null, null, 0));
        pos.put(30L, new PointOfSale(30L, "No SLA", "P30", 1, 5L, "Lenina 3", null, null, null, null,
                null, null, null, null, null, null, null, null, null, 0));
        machines.put(100L, new Equipment(100L, 1, "WMF-100", 10L, null, null, null, null, false, null, 0));
        machines.put(200L, new Equipment(200L, 1, "WMF-200", 20L, null, null, null, null, false, null, 0));
    }

    Caller user(String name, Set<Role> roles, boolean all) {
        Caller c = new Caller(name, roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles), all, Set.of());
        users.put(name, c);
        return c;
    }

    TicketServiceImpl tickets(Settings settings) throws Exception {
        return new TicketServiceImpl(ds, catalog(), users(), settings, java.time.Clock.systemUTC());
    }

    long count(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    CatalogService catalog() {
        return (CatalogService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { CatalogService.class }, (proxy, m, args) -> {
                    Caller caller = (Caller) args[0];
                    switch (m.getName()) {
                        case "pointOfSale": {
                            PointOfSale p = pos.get((Long) args[1]);
                            if (p == null || !caller.canSeeClient(p.clientId())) {
                                throw new NotFoundException("point of sale", args[1]);
                            }
                            return p;
                        }
                        case "pointsOfSale": {
                            Long only = ((CatalogQuery) args[1]).clientId();
                            List<PointOfSale> all = pos.values().stream()
                                    .filter(p -> caller.canSeeClient(p.clientId()))
                                    .filter(p -> only == null || only == p.clientId())
                                    .sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
                            return new Page<>(all, all.size(), 0, 1000);
                        }
                        case "equipment": {
                            Equipment e = machines.get((Long) args[1]);
                            if (e == null || !caller.canSeeClient(pos.get(e.posId()).clientId())) {
                                throw new NotFoundException("equipment", args[1]);
                            }
                            return e;
                        }
                        case "client": {
                            long id = (Long) args[1];
                            if ((id != 1 && id != 2) || !caller.canSeeClient(id)) {
                                throw new NotFoundException("client", id);
                            }
                            return new Client(id, "Client " + id, "C" + id, null, null, null, 0);
                        }
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    UserService users() {
        return (UserService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { UserService.class },
                (proxy, m, args) -> {
                    if (m.getName().equals("callerFor")) {
                        return Optional.ofNullable(users.get((String) args[0]));
                    }
                    if (m.getName().equals("users")) {
                        List<UserAccount> all = users.values().stream().sorted((a, b) -> a.username().compareTo(b.username()))
                                .map(c -> new UserAccount(1L, c.username(), c.username().toUpperCase(), null, null,
                                        c.roles(), c.allClients(), c.clientIds(), true, "en", null, null, 0))
                                .toList();
                        return new Page<>(all, all.size(), 0, 1000);
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
