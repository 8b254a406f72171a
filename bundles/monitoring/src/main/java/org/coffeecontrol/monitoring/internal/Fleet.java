package org.coffeecontrol.monitoring.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.OpeningHours;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An immutable copy of the catalogue facts monitoring needs (which machine stands where, opening hours, package,
 * client), reloaded periodically: the event path must never wait for catalogue queries.
 */
final class Fleet {

    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

    record Machine(long id, String serial, Long posId) {
    }

    /** @param ownZone the POS's own time zone, null for the platform's */
    record Pos(long id, String name, String code, long clientId, Double latitude, Double longitude,
            OpeningHours hours, String monitoringPackage, java.time.ZoneId ownZone) {

        /** The zone its opening hours are read in. */
        java.time.ZoneId zone(java.time.ZoneId platformZone) {
            return ownZone == null ? platformZone : ownZone;
        }
    }

    static final Fleet EMPTY = new Fleet(Map.of(), Map.of());

    private final Map<Long, Machine> machines;
    private final Map<Long, Pos> pointsOfSale;

    Fleet(Map<Long, Machine> machines, Map<Long, Pos> pointsOfSale) {
        this.machines = Map.copyOf(machines);
        this.pointsOfSale = Map.copyOf(pointsOfSale);
    }

    static Fleet load(CatalogService catalog) {
        Caller system = Caller.system();
        Map<Long, Pos> pos = new HashMap<>();
        for (PointOfSale p : all(q -> catalog.pointsOfSale(system, q))) {
            pos.put(p.id(), new Pos(p.id(), p.name(), p.code(), p.clientId(), p.latitude(), p.longitude(),
                    hours(p), p.monitoringPackage(), zone(p)));
        }
        Map<Long, Machine> machines = new HashMap<>();
        for (Equipment e : all(q -> catalog.equipment(system, q))) {
            machines.put(e.id(), new Machine(e.id(), e.serialNumber(), e.posId()));
        }
        return new Fleet(machines, pos);
    }

    private static <T> List<T> all(java.util.function.Function<CatalogQuery, Page<T>> query) {
        List<T> out = new java.util.ArrayList<>();
        int offset = 0;
        while (true) {
            Page<T> page = query.apply(CatalogQuery.all().withPage(new PageRequest(offset, PageRequest.MAX_LIMIT)));
            out.addAll(page.items());
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return out;
            }
        }
    }

    /** A POS without hours is open around the clock (the catalogue's default); bad hours are logged, not fatal. */
    static OpeningHours hours(PointOfSale p) {
        if (p.openingHours().isEmpty()) {
            return OpeningHours.always();
        }
        try {
            return OpeningHours.parse(p.openingHours(), "openingHours");
        } catch (ValidationException e) {
            LOG.warn("POS {} has unreadable opening hours, treated as always open: {}", p.id(), e.getMessage());
            return OpeningHours.always();
        }
    }

    /** The catalogue validates zones; one it no longer knows (an older JDK) counts as the platform's, logged. */
    static java.time.ZoneId zone(PointOfSale p) {
        try {
            return p.timeZone() == null || p.timeZone().isBlank() ? null : java.time.ZoneId.of(p.timeZone());
        } catch (java.time.DateTimeException e) {
            LOG.warn("POS {} has an unknown time zone '{}', read in the platform's zone", p.id(), p.timeZone());
            return null;
        }
    }

    Machine machine(long id) {
        return machines.get(id);
    }

    Pos pos(Long id) {
        return id == null ? null : pointsOfSale.get(id);
    }

    /** The POS a machine stands at, or null while in stock or unknown. */
    Pos posOf(long equipmentId) {
        Machine m = machines.get(equipmentId);
        return m == null ? null : pos(m.posId());
    }

    Collection<Machine> machines() {
        return machines.values();
    }

    Collection<Pos> pointsOfSale() {
        return pointsOfSale.values();
    }
}
