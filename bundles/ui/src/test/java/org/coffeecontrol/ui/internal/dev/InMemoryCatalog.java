package org.coffeecontrol.ui.internal.dev;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.OpeningHours;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.api.catalog.SearchHit;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;

/**
 * A catalogue in memory for the dev server and UI tests. Mirrors the contract of the real one closely enough to
 * exercise the UI: client visibility, a few validation rules naming their field, version conflicts, references
 * that block deletes. It is not the core implementation and does not try to be complete.
 */
public final class InMemoryCatalog implements CatalogService {

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Client> clients = new ConcurrentSkipListMap<>();
    private final Map<Long, Region> regions = new ConcurrentSkipListMap<>();
    private final Map<Long, EquipmentModel> models = new ConcurrentSkipListMap<>();
    private final Map<Long, PointOfSale> pos = new ConcurrentSkipListMap<>();
    private final Map<Long, Equipment> equipment = new ConcurrentSkipListMap<>();

    private static <T> Page<T> page(Stream<T> all, CatalogQuery q) {
        List<T> list = all.toList();
        int from = Math.min(q.page().offset(), list.size());
        int to = Math.min(from + q.page().limit(), list.size());
        return Page.of(list.subList(from, to), list.size(), q.page());
    }

    private static boolean matches(String text, String... values) {
        if (text == null) {
            return true;
        }
        String t = text.toLowerCase(Locale.ROOT);
        return Stream.of(values).anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(t));
    }

    /** Clients, regions, models: the roles core's catalogue allows. */
    private static void requireEditor(Caller c) {
        c.require("edit catalogues", Role.SERVICE_ADMIN);
    }

    /** Points of sale and equipment: tech support maintains them too, as in core. */
    private static void requireSiteEditor(Caller c) {
        c.require("edit points of sale and equipment", Role.SERVICE_ADMIN, Role.TECH_SUPPORT);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "must not be empty");
        }
        return value;
    }

    private long next(Long id) {
        return id == null ? ids.incrementAndGet() : id;
    }

    private static <T> T checkVersion(Map<Long, T> map, Long id, long version, java.util.function.ToLongFunction<T> v,
            String what) {
        if (id == null) {
            return null;
        }
        T old = map.get(id);
        if (old == null) {
            throw new NotFoundException(what, id);
        }
        if (v.applyAsLong(old) != version) {
            throw new ConflictException(what + " " + id + " was changed by someone else");
        }
        return old;
    }

    // Clients

    @Override
    public Page<Client> clients(Caller c, CatalogQuery q) {
        return page(clients.values().stream().filter(x -> c.canSeeClient(x.id()))
                .filter(x -> matches(q.text(), x.name(), x.code())), q);
    }

    @Override
    public Client client(Caller c, long id) {
        Client x = clients.get(id);
        if (x == null || !c.canSeeClient(id)) {
            throw new NotFoundException("client", id);
        }
        return x;
    }

    @Override
    public Client saveClient(Caller c, Client x) {
        requireEditor(c);
        required(x.name(), "name");
        checkVersion(clients, x.id(), x.version(), Client::version, "client");
        if (clients.values().stream().anyMatch(o -> !o.id().equals(x.id()) && o.name().equalsIgnoreCase(x.name()))) {
            throw new ConflictException("a client named " + x.name() + " exists already");
        }
        long id = next(x.id());
        Client saved = new Client(id, x.name(), x.code(), x.email(), x.phone(), x.notes(), x.version() + 1);
        clients.put(id, saved);
        return saved;
    }

    @Override
    public void deleteClient(Caller c, long id) {
        requireEditor(c);
        client(c, id);
        if (pos.values().stream().anyMatch(p -> p.clientId() == id)) {
            throw new ConflictException("client " + id + " still has points of sale");
        }
        clients.remove(id);
    }

    // Regions

    @Override
    public Page<Region> regions(Caller c, CatalogQuery q) {
        return page(regions.values().stream().filter(x -> matches(q.text(), x.name(), x.code())), q);
    }

    @Override
    public Region region(Caller c, long id) {
        Region r = regions.get(id);
        if (r == null) {
            throw new NotFoundException("region", id);
        }
        return r;
    }

    @Override
    public Region saveRegion(Caller c, Region r) {
        requireEditor(c);
        required(r.name(), "name");
        checkVersion(regions, r.id(), r.version(), Region::version, "region");
        long id = next(r.id());
        Region saved = new Region(id, r.name(), r.code(), r.version() + 1);
        regions.put(id, saved);
        return saved;
    }

    @Override
    public void deleteRegion(Caller c, long id) {
        requireEditor(c);
        region(c, id);
        regions.remove(id);
    }

    // Models

    @Override
    public Page<EquipmentModel> models(Caller c, CatalogQuery q) {
        return page(models.values().stream().filter(x -> matches(q.text(), x.name(), x.manufacturer(), x.family())),
                q);
    }

    @Override
    public EquipmentModel model(Caller c, long id) {
        EquipmentModel m = models.get(id);
        if (m == null) {
            throw new NotFoundException("model", id);
        }
        return m;
    }

    @Override
    public EquipmentModel saveModel(Caller c, EquipmentModel m) {
        requireEditor(c);
        required(m.name(), "name");
        required(m.family(), "family");
        checkVersion(models, m.id(), m.version(), EquipmentModel::version, "model");
        long id = next(m.id());
        EquipmentModel saved = new EquipmentModel(id, m.name(), m.manufacturer(), m.type(), m.family(),
                m.supportsRecipes(), m.supportsPromo(), m.version() + 1);
        models.put(id, saved);
        return saved;
    }

    @Override
    public void deleteModel(Caller c, long id) {
        requireEditor(c);
        model(c, id);
        if (equipment.values().stream().anyMatch(e -> e.modelId() == id)) {
            throw new ConflictException("model " + id + " is still used by equipment");
        }
        models.remove(id);
    }

    // Points of sale

    private Predicate<PointOfSale> posFilter(Caller c, CatalogQuery q) {
        return p -> c.canSeeClient(p.clientId()) && matches(q.text(), p.name(), p.code(), p.address())
                && (q.clientId() == null || q.clientId() == p.clientId())
                && (q.regionId() == null || q.regionId().equals(p.regionId()));
    }

    @Override
    public Page<PointOfSale> pointsOfSale(Caller c, CatalogQuery q) {
        return page(pos.values().stream().filter(posFilter(c, q)), q);
    }

    @Override
    public PointOfSale pointOfSale(Caller c, long id) {
        PointOfSale p = pos.get(id);
        if (p == null || !c.canSeeClient(p.clientId())) {
            throw new NotFoundException("point of sale", id);
        }
        return p;
    }

    @Override
    public PointOfSale savePointOfSale(Caller c, PointOfSale p) {
        requireSiteEditor(c);
        required(p.name(), "name");
        if (!clients.containsKey(p.clientId()) || !c.canSeeClient(p.clientId())) {
            throw new ValidationException("clientId", "no such client");
        }
        if (p.latitude() != null && (p.latitude() < -90 || p.latitude() > 90)) {
            throw new ValidationException("latitude", "must be between -90 and 90");
        }
        if (p.longitude() != null && (p.longitude() < -180 || p.longitude() > 180)) {
            throw new ValidationException("longitude", "must be between -180 and 180");
        }
        OpeningHours.parse(p.openingHours(), "openingHours");
        OpeningHours.parseTimes(p.cleaningTimes(), "cleaningTimes");
        checkVersion(pos, p.id(), p.version(), PointOfSale::version, "point of sale");
        long id = next(p.id());
        PointOfSale saved = new PointOfSale(id, p.name(), p.code(), p.clientId(), p.regionId(), p.address(),
                p.latitude(), p.longitude(), p.openingHours(), p.cleaningTimes(), p.monitoringPackage(),
                p.slaLevel(), p.serviceOrganisation(), p.auditOrganisation(), p.helpdeskRoute(),
                p.serviceMechanic(), p.auditMechanic(), p.phone(), p.email(), p.version() + 1);
        pos.put(id, saved);
        return saved;
    }

    @Override
    public void deletePointOfSale(Caller c, long id) {
        requireSiteEditor(c);
        pointOfSale(c, id);
        if (equipment.values().stream().anyMatch(e -> Long.valueOf(id).equals(e.posId()))) {
            throw new ConflictException("point of sale " + id + " still has equipment");
        }
        pos.remove(id);
    }

    // Equipment

    private boolean visible(Caller c, Equipment e) {
        if (e.posId() == null) {
            return c.allClients();
        }
        PointOfSale p = pos.get(e.posId());
        return p != null && c.canSeeClient(p.clientId());
    }

    @Override
    public Page<Equipment> equipment(Caller c, CatalogQuery q) {
        return page(equipment.values().stream().filter(e -> visible(c, e))
                .filter(e -> matches(q.text(), e.serialNumber(), e.host(), e.inventoryNumber()))
                .filter(e -> q.posId() == null || q.posId().equals(e.posId()))
                .filter(e -> q.modelId() == null || q.modelId() == e.modelId())
                .filter(e -> q.clientId() == null
                        || (e.posId() != null && pos.get(e.posId()).clientId() == q.clientId()))
                .filter(e -> q.regionId() == null
                        || (e.posId() != null && q.regionId().equals(pos.get(e.posId()).regionId()))),
                q);
    }

    @Override
    public Equipment equipment(Caller c, long id) {
        Equipment e = equipment.get(id);
        if (e == null || !visible(c, e)) {
            throw new NotFoundException("equipment", id);
        }
        return e;
    }

    @Override
    public Optional<Equipment> equipmentBySerial(Caller c, String family, String serial) {
        return equipment.values().stream().filter(e -> visible(c, e) && e.serialNumber().equals(serial))
                .filter(e -> models.get(e.modelId()).family().equals(family)).findFirst();
    }

    @Override
    public Equipment saveEquipment(Caller c, Equipment e) {
        requireSiteEditor(c);
        if (!models.containsKey(e.modelId())) {
            throw new ValidationException("modelId", "no such model");
        }
        required(e.serialNumber(), "serialNumber");
        if (e.posId() != null && !pos.containsKey(e.posId())) {
            throw new ValidationException("posId", "no such point of sale");
        }
        if (equipment.values().stream().anyMatch(o -> !o.id().equals(e.id()) && o.modelId() == e.modelId()
                && o.serialNumber().equals(e.serialNumber()))) {
            throw new ValidationException("serialNumber", "serial " + e.serialNumber() + " exists for this model");
        }
        checkVersion(equipment, e.id(), e.version(), Equipment::version, "equipment");
        long id = next(e.id());
        Equipment saved = new Equipment(id, e.modelId(), e.serialNumber(), e.posId(), e.inventoryNumber(), e.host(),
                e.sshPort(), e.firmware(), e.rented(), e.attributes(), e.version() + 1);
        equipment.put(id, saved);
        return saved;
    }

    @Override
    public void deleteEquipment(Caller c, long id) {
        requireSiteEditor(c);
        equipment(c, id);
        equipment.remove(id);
    }

    @Override
    public List<SearchHit> search(Caller c, String term, int limit) {
        List<SearchHit> hits = new ArrayList<>();
        String t = term.trim();
        clients.values().stream().filter(x -> c.canSeeClient(x.id()))
                .filter(x -> matches(t, x.name(), x.code(), String.valueOf(x.id())))
                .forEach(x -> hits.add(new SearchHit(SearchHit.Kind.CLIENT, x.id(), x.name(), x.code(), "NAME",
                        x.id(), null)));
        pos.values().stream().filter(posFilter(c, CatalogQuery.text(t)))
                .forEach(p -> hits.add(new SearchHit(SearchHit.Kind.POS, p.id(), p.name(), p.address(), "NAME",
                        p.clientId(), p.id())));
        equipment.values().stream().filter(e -> visible(c, e))
                .filter(e -> matches(t, e.serialNumber(), e.host()))
                .forEach(e -> hits.add(new SearchHit(SearchHit.Kind.EQUIPMENT, e.id(), e.serialNumber(), e.host(),
                        "SERIAL", null, e.posId())));
        return hits.stream().limit(limit).toList();
    }
}
