package org.coffeecontrol.tickets.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserAccount;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.tickets.internal.sources.SourcesDatabase;

/**
 * The ticket {@link Fleet} for the tests of the sources and outputs in sub-packages: the real ticket service on
 * in-memory Derby, the sources' tables, and the catalogue reads they make on top of the ticket core's (machines
 * of a POS).
 */
public final class SourcesFixture {

    private final Fleet fleet = new Fleet();
    public final TicketServiceImpl tickets;
    public final SourcesDatabase db;
    public final CatalogService catalog;

    public SourcesFixture() throws Exception {
        catalog = catalogWithEquipmentLists(fleet.catalog());
        tickets = new TicketServiceImpl(fleet.ds, catalog, fleet.users(), Settings.defaults(),
                java.time.Clock.systemUTC());
        db = new SourcesDatabase(fleet.ds);
    }

    public DataSource dataSource() {
        return fleet.ds;
    }

    public Map<Long, PointOfSale> pos() {
        return fleet.pos;
    }

    public Caller caller(String name) {
        return fleet.users.get(name);
    }

    /** olga OPERATOR, sasha SERVICE_ADMIN, misha and maks ENGINEER, mila MANAGER, fima FINANCE (all clients). */
    public Caller operator() {
        return fleet.operator;
    }

    public Caller serviceAdmin() {
        return fleet.serviceAdmin;
    }

    public Caller mechanic() {
        return fleet.mechanic;
    }

    public Caller manager() {
        return fleet.manager;
    }

    public Caller finance() {
        return fleet.finance;
    }

    /** A client-1 user. */
    public Caller clientOne() {
        return fleet.clientOne;
    }

    /** The fleet's users, each with the address {@code <username>@example.test}. */
    public UserService users() {
        UserService base = fleet.users();
        return (UserService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { UserService.class },
                (proxy, m, args) -> {
                    if (m.getName().equals("user")) {
                        Caller c = fleet.users.get((String) args[1]);
                        if (c == null) {
                            throw new org.coffeecontrol.api.NotFoundException("user", args[1]);
                        }
                        return new UserAccount(1L, c.username(), c.username(), c.username() + "@example.test", null,
                                c.roles(), c.allClients(), c.clientIds(), true, "ru", null, null, 0);
                    }
                    try {
                        return m.invoke(base, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    public long count(String sql) throws Exception {
        return fleet.count(sql);
    }

    private CatalogService catalogWithEquipmentLists(CatalogService base) {
        return (CatalogService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { CatalogService.class }, (proxy, m, args) -> {
                    if (m.getName().equals("equipment") && args[1] instanceof CatalogQuery q) {
                        Caller caller = (Caller) args[0];
                        List<Equipment> list = fleet.machines.values().stream()
                                .filter(e -> q.posId() == null || q.posId().equals(e.posId()))
                                .filter(e -> caller.canSeeClient(fleet.pos.get(e.posId()).clientId())).toList();
                        return new Page<>(list, list.size(), 0, 1000);
                    }
                    if (m.getName().equals("model")) {
                        return new EquipmentModel((Long) args[1], "WMF 1500S+", "WMF", "coffee machine", "wmf", true,
                                true, 0);
                    }
                    try {
                        return m.invoke(base, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
