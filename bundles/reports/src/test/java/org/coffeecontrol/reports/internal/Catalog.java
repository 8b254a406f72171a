package org.coffeecontrol.reports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.api.catalog.SearchHit;
import org.coffeecontrol.api.security.Caller;

/**
 * A catalogue held in maps with core's visibility rule (objects of clients the caller may not see do not exist):
 * enough for the reports, which only read it. Writes go through {@code add*}.
 */
final class Catalog implements CatalogService {

    private final Map<Long, Client> clients = new TreeMap<>();
    private final Map<Long, Region> regions = new TreeMap<>();
    private final Map<Long, PointOfSale> pos = new TreeMap<>();
    private final Map<Long, Equipment> equipment = new TreeMap<>();
    private long nextId = 1;

    long addClient(String name) {
        long id = nextId++;
        clients.put(id, new Client(id, name, "C" + id, null, null, null, 0));
        return id;
    }

    long addRegion(String name) {
        long id = nextId++;
        regions.put(id, new Region(id, name, "R" + id, 0));
        return id;
    }

    long addPos(String name, long clientId, Long regionId, Map<String, String> hours, String cleaningTimes) {
        long id = nextId++;
        pos.put(id, new PointOfSale(id, name, "P" + id, clientId, regionId, null, null, null, hours, cleaningTimes,
                null, null, null, null, null, null, null, null, null, 0));
        return id;
    }

    long addMachine(String serial, Long posId) {
        long id = nextId++;
        equipment.put(id, new Equipment(id, 1, serial, posId, null, null, null, null, false, null, 0));
        return id;
    }

    private boolean sees(Caller c, Long clientId) {
        return clientId == null ? c.allClients() : c.canSeeClient(clientId);
    }

    private Long clientOf(Equipment e) {
        return e.posId() == null ? null : pos.get(e.posId()).clientId();
    }

    private static <T> Page<T> page(List<T> all, CatalogQuery q) {
        int from = Math.min(all.size(), q.page().offset());
        int to = Math.min(all.size(), from + q.page().limit());
        return Page.of(all.subList(from, to), all.size(), q.page());
    }

    private static <T> List<T> where(Iterable<T> items, Predicate<T> p) {
        List<T> out = new ArrayList<>();
        items.forEach(i -> {
            if (p.test(i)) {
                out.add(i);
            }
        });
        return out;
    }

    @Override
    public Page<Client> clients(Caller caller, CatalogQuery query) {
        return page(where(clients.values(), c -> sees(caller, c.id())), query);
    }

    @Override
    public Client client(Caller caller, long id) {
        Client c = clients.get(id);
        if (c == null || !sees(caller, id)) {
            throw new NotFoundException("client", id);
        }
        return c;
    }

    @Override
    public Page<Region> regions(Caller caller, CatalogQuery query) {
        return page(List.copyOf(regions.values()), query);
    }

    @Override
    public Region region(Caller caller, long id) {
        Region r = regions.get(id);
        if (r == null) {
            throw new NotFoundException("region", id);
        }
        return r;
    }

    @Override
    public Page<PointOfSale> pointsOfSale(Caller caller, CatalogQuery query) {
        return page(where(pos.values(), p -> sees(caller, p.clientId())), query);
    }

    @Override
    public PointOfSale pointOfSale(Caller caller, long id) {
        PointOfSale p = pos.get(id);
        if (p == null || !sees(caller, p.clientId())) {
            throw new NotFoundException("point of sale", id);
        }
        return p;
    }

    @Override
    public Page<Equipment> equipment(Caller caller, CatalogQuery query) {
        return page(where(equipment.values(), e -> sees(caller, clientOf(e))), query);
    }

    @Override
    public Equipment equipment(Caller caller, long id) {
        Equipment e = equipment.get(id);
        if (e == null || !sees(caller, clientOf(e))) {
            throw new NotFoundException("equipment", id);
        }
        return e;
    }

    @Override
    public Optional<Equipment> equipmentBySerial(Caller caller, String family, String serial) {
        return equipment.values().stream().filter(e -> e.serialNumber().equals(serial) && sees(caller, clientOf(e)))
                .findFirst();
    }

    // ---- not used by the reports --------------------------------------------------------------------------------

    @Override
    public Client saveClient(Caller caller, Client client) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteClient(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Region saveRegion(Caller caller, Region region) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteRegion(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<EquipmentModel> models(Caller caller, CatalogQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public EquipmentModel model(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public EquipmentModel saveModel(Caller caller, EquipmentModel model) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteModel(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PointOfSale savePointOfSale(Caller caller, PointOfSale p) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deletePointOfSale(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Equipment saveEquipment(Caller caller, Equipment e) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteEquipment(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<SearchHit> search(Caller caller, String term, int limit) {
        throw new UnsupportedOperationException();
    }
}
