package org.coffeecontrol.shell.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
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
 * The catalogue contract as the shell relies on it: client visibility, write roles, a few validations, text
 * filters. Not the real core, which persists and validates far more.
 */
final class InMemoryCatalog implements CatalogService {

    private final Map<Long, Client> clients = new TreeMap<>();
    private final Map<Long, Region> regions = new TreeMap<>();
    private final Map<Long, EquipmentModel> models = new TreeMap<>();
    private final Map<Long, PointOfSale> pos = new TreeMap<>();
    private final Map<Long, Equipment> equipment = new TreeMap<>();
    private long nextId = 1;

    private static void requireWriter(Caller caller) {
        caller.require("edit catalogues", Role.SERVICE_ADMIN);
    }

    private static boolean matches(String text, String... values) {
        if (text == null) {
            return true;
        }
        String t = text.toLowerCase(Locale.ROOT);
        return Stream.of(values).filter(Objects::nonNull).anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(t));
    }

    private static <T> Page<T> page(Stream<T> items, CatalogQuery q) {
        List<T> all = items.toList();
        int from = Math.min(q.page().offset(), all.size());
        int to = Math.min(from + q.page().limit(), all.size());
        return Page.of(all.subList(from, to), all.size(), q.page());
    }

    private static <T> T visible(T item, Predicate<T> visible, String what, long id) {
        if (item == null || !visible.test(item)) {
            throw new NotFoundException(what, id);
        }
        return item;
    }

    private boolean sees(Caller caller, PointOfSale p) {
        return caller.canSeeClient(p.clientId());
    }

    private boolean sees(Caller caller, Equipment e) {
        return e.posId() == null ? caller.allClients() : sees(caller, pos.get(e.posId()));
    }

    @Override
    public Page<Client> clients(Caller caller, CatalogQuery q) {
        return page(clients.values().stream().filter(c -> caller.canSeeClient(c.id()))
                .filter(c -> matches(q.text(), c.name(), c.code())), q);
    }

    @Override
    public Client client(Caller caller, long id) {
        return visible(clients.get(id), c -> caller.canSeeClient(c.id()), "Client", id);
    }

    @Override
    public Client saveClient(Caller caller, Client c) {
        requireWriter(caller);
        if (c.name() == null || c.name().isBlank()) {
            throw new ValidationException("name", "must not be empty");
        }
        if (c.code() != null && clients.values().stream().anyMatch(o -> c.code().equals(o.code()))) {
            throw new ConflictException("client code " + c.code() + " is taken");
        }
        Client saved = new Client(nextId++, c.name(), c.code(), c.email(), c.phone(), c.notes(), 1);
        clients.put(saved.id(), saved);
        return saved;
    }

    @Override
    public void deleteClient(Caller caller, long id) {
        requireWriter(caller);
        clients.remove(id);
    }

    @Override
    public Page<Region> regions(Caller caller, CatalogQuery q) {
        return page(regions.values().stream().filter(r -> matches(q.text(), r.name(), r.code())), q);
    }

    @Override
    public Region region(Caller caller, long id) {
        return visible(regions.get(id), r -> true, "Region", id);
    }

    @Override
    public Region saveRegion(Caller caller, Region r) {
        requireWriter(caller);
        Region saved = new Region(nextId++, r.name(), r.code(), 1);
        regions.put(saved.id(), saved);
        return saved;
    }

    @Override
    public void deleteRegion(Caller caller, long id) {
        requireWriter(caller);
        regions.remove(id);
    }

    @Override
    public Page<EquipmentModel> models(Caller caller, CatalogQuery q) {
        return page(models.values().stream().filter(m -> matches(q.text(), m.name(), m.family())), q);
    }

    @Override
    public EquipmentModel model(Caller caller, long id) {
        return visible(models.get(id), m -> true, "Model", id);
    }

    @Override
    public EquipmentModel saveModel(Caller caller, EquipmentModel m) {
        requireWriter(caller);
        if (m.family() == null) {
            throw new ValidationException("family", "must not be empty");
        }
        EquipmentModel saved = new EquipmentModel(nextId++, m.name(), m.manufacturer(), m.type(), m.family(),
                m.supportsRecipes(), m.supportsPromo(), 1);
        models.put(saved.id(), saved);
        return saved;
    }

    @Override
    public void deleteModel(Caller caller, long id) {
        requireWriter(caller);
        models.remove(id);
    }

    @Override
    public Page<PointOfSale> pointsOfSale(Caller caller, CatalogQuery q) {
        return page(pos.values().stream().filter(p -> sees(caller, p))
                .filter(p -> q.clientId() == null || q.clientId() == p.clientId())
                .filter(p -> q.regionId() == null || q.regionId().equals(p.regionId()))
                .filter(p -> matches(q.text(), p.name(), p.code(), p.address())), q);
    }

    @Override
    public PointOfSale pointOfSale(Caller caller, long id) {
        return visible(pos.get(id), p -> sees(caller, p), "Point of sale", id);
    }

    @Override
    public PointOfSale savePointOfSale(Caller caller, PointOfSale p) {
        requireWriter(caller);
        client(caller, p.clientId());
        if (p.latitude() != null && Math.abs(p.latitude()) > 90) {
            throw new ValidationException("latitude", "must be between -90 and 90");
        }
        OpeningHours.parse(p.openingHours(), "openingHours");
        if (p.timeZone() != null) {
            try {
                java.time.ZoneId.of(p.timeZone());
            } catch (java.time.DateTimeException e) {
                throw new ValidationException("timeZone", "unknown zone");
            }
        }
        PointOfSale saved = new PointOfSale(p.id() == null ? nextId++ : p.id(), p.name(), p.code(), p.clientId(),
                p.regionId(), p.address(), p.latitude(), p.longitude(), p.openingHours(), p.cleaningTimes(),
                p.monitoringPackage(), p.slaLevel(), p.serviceOrganisation(), p.auditOrganisation(),
                p.helpdeskRoute(), p.serviceMechanic(), p.auditMechanic(), p.phone(), p.email(), p.version() + 1,
                p.timeZone());
        pos.put(saved.id(), saved);
        return saved;
    }

    @Override
    public void deletePointOfSale(Caller caller, long id) {
        requireWriter(caller);
        pos.remove(id);
    }

    @Override
    public Page<Equipment> equipment(Caller caller, CatalogQuery q) {
        return page(equipment.values().stream().filter(e -> sees(caller, e))
                .filter(e -> q.posId() == null || q.posId().equals(e.posId()))
                .filter(e -> q.modelId() == null || q.modelId() == e.modelId())
                .filter(e -> q.clientId() == null || (e.posId() != null && pos.get(e.posId()).clientId() == q.clientId()))
                .filter(e -> matches(q.text(), e.serialNumber(), e.inventoryNumber(), e.host())), q);
    }

    @Override
    public Equipment equipment(Caller caller, long id) {
        return visible(equipment.get(id), e -> sees(caller, e), "Equipment", id);
    }

    @Override
    public Optional<Equipment> equipmentBySerial(Caller caller, String family, String serial) {
        return equipment.values().stream().filter(e -> sees(caller, e))
                .filter(e -> e.serialNumber().equals(serial) && models.get(e.modelId()).family().equals(family))
                .findFirst();
    }

    @Override
    public Equipment saveEquipment(Caller caller, Equipment e) {
        requireWriter(caller);
        model(caller, e.modelId());
        if (e.posId() != null) {
            pointOfSale(caller, e.posId());
        }
        if (equipment.values().stream().anyMatch(o -> o.modelId() == e.modelId() && o.serialNumber().equals(e.serialNumber()))) {
            throw new ConflictException("serial " + e.serialNumber() + " already exists for this model");
        }
        Equipment saved = new Equipment(nextId++, e.modelId(), e.serialNumber(), e.posId(), e.inventoryNumber(),
                e.host(), e.sshPort(), e.firmware(), e.rented(), e.attributes(), 1);
        equipment.put(saved.id(), saved);
        return saved;
    }

    @Override
    public void deleteEquipment(Caller caller, long id) {
        requireWriter(caller);
        equipment.remove(id);
    }

    @Override
    public List<SearchHit> search(Caller caller, String term, int limit) {
        List<SearchHit> hits = new ArrayList<>();
        for (Client c : clients(caller, CatalogQuery.text(term)).items()) {
            hits.add(new SearchHit(SearchHit.Kind.CLIENT, c.id(), c.name(), c.code(), "NAME", c.id(), null));
        }
        for (PointOfSale p : pointsOfSale(caller, CatalogQuery.text(term)).items()) {
            hits.add(new SearchHit(SearchHit.Kind.POS, p.id(), p.name(), p.address(), "NAME", p.clientId(), p.id()));
        }
        for (Equipment e : equipment(caller, CatalogQuery.text(term)).items()) {
            hits.add(new SearchHit(SearchHit.Kind.EQUIPMENT, e.id(), e.serialNumber(), e.host(), "SERIAL", null,
                    e.posId()));
        }
        hits.sort(Comparator.comparing(SearchHit::kind));
        return hits.subList(0, Math.min(limit, hits.size()));
    }
}
