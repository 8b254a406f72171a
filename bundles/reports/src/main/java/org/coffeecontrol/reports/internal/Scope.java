package org.coffeecontrol.reports.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.reports.api.ReportFilter;

/**
 * The machines a run covers: those the catalogue shows the caller (so its visibility rules apply unchanged),
 * narrowed by the filter. Filter ids are looked up with the caller first, so another client's id fails as not
 * found instead of quietly giving an empty report.
 */
final class Scope {

    private final Map<Long, Machine> machines;
    /** True when the scope is every machine with telemetry, so queries need no id list. */
    private final boolean everything;

    private Scope(Map<Long, Machine> machines, boolean everything) {
        this.machines = machines;
        this.everything = everything;
    }

    static Scope resolve(CatalogService catalog, Caller caller, ReportFilter f) {
        f.clientIds().forEach(id -> catalog.client(caller, id));
        f.regionIds().forEach(id -> catalog.region(caller, id));
        f.posIds().forEach(id -> catalog.pointOfSale(caller, id));
        f.equipmentIds().forEach(id -> catalog.equipment(caller, id));
        Map<Long, String> clients = new HashMap<>();
        all(p -> catalog.clients(caller, CatalogQuery.all().withPage(p))).forEach(c -> clients.put(c.id(), c.name()));
        Map<Long, String> regions = new HashMap<>();
        all(p -> catalog.regions(caller, CatalogQuery.all().withPage(p))).forEach(r -> regions.put(r.id(), r.name()));
        Map<Long, PointOfSale> pos = new HashMap<>();
        all(p -> catalog.pointsOfSale(caller, CatalogQuery.all().withPage(p))).forEach(p -> pos.put(p.id(), p));
        List<Machine> list = new ArrayList<>();
        boolean filtered = !f.clientIds().isEmpty() || !f.regionIds().isEmpty() || !f.posIds().isEmpty()
                || !f.equipmentIds().isEmpty();
        for (Equipment e : all(p -> catalog.equipment(caller, CatalogQuery.all().withPage(p)))) {
            PointOfSale p = e.posId() == null ? null : pos.get(e.posId());
            Machine m = new Machine(e.id(), e.serialNumber(), p, p == null ? null : clients.get(p.clientId()),
                    p == null || p.regionId() == null ? null : regions.get(p.regionId()));
            if (matches(m, f)) {
                list.add(m);
            }
        }
        list.sort(Comparator.comparing(Machine::posName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Machine::serial, String.CASE_INSENSITIVE_ORDER));
        Map<Long, Machine> byId = new LinkedHashMap<>();
        list.forEach(m -> byId.put(m.id(), m));
        return new Scope(byId, caller.allClients() && !filtered);
    }

    private static boolean matches(Machine m, ReportFilter f) {
        return (f.equipmentIds().isEmpty() || f.equipmentIds().contains(m.id()))
                && (f.posIds().isEmpty() || f.posIds().contains(m.posId()))
                && (f.clientIds().isEmpty() || f.clientIds().contains(m.clientId()))
                && (f.regionIds().isEmpty() || f.regionIds().contains(m.regionId()));
    }

    /** Every page of a catalogue list (a page holds at most {@link PageRequest#MAX_LIMIT}). */
    static <T> List<T> all(Function<PageRequest, Page<T>> list) {
        List<T> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<T> page = list.apply(new PageRequest(offset, PageRequest.MAX_LIMIT));
            out.addAll(page.items());
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return out;
            }
        }
    }

    /** Machines in display order (point of sale, then serial). */
    List<Machine> machines() {
        return List.copyOf(machines.values());
    }

    Machine machine(long id) {
        return machines.get(id);
    }

    boolean contains(long id) {
        return machines.containsKey(id);
    }

    boolean everything() {
        return everything;
    }

    boolean isEmpty() {
        return machines.isEmpty();
    }

    /**
     * An SQL condition on {@code equipment_id} with its arguments: none when the scope is everything, else an IN
     * list (chunks of 1000 ORed, which both Derby and PostgreSQL accept).
     */
    String where(String column, List<Object> args) {
        if (everything) {
            return "1 = 1";
        }
        if (machines.isEmpty()) {
            return "1 = 0";
        }
        List<Long> ids = new ArrayList<>(machines.keySet());
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> part = ids.subList(i, Math.min(ids.size(), i + 1000));
            if (i > 0) {
                sb.append(" OR ");
            }
            sb.append(column).append(" IN (").append(Db.marks(part.size())).append(')');
            args.addAll(part);
        }
        return sb.append(')').toString();
    }
}
