package org.coffeecontrol.monitoring.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

/** The catalogue reads monitoring uses, with the real visibility rule (other clients' objects do not exist). */
final class InMemoryCatalog implements CatalogService {

    final Map<Long, Client> clients = new LinkedHashMap<>();
    final Map<Long, PointOfSale> pos = new LinkedHashMap<>();
    final Map<Long, Equipment> machines = new LinkedHashMap<>();

    Client addClient(long id, String name) {
        Client c = new Client(id, name, "C" + id, null, null, null, 0);
        clients.put(id, c);
        return c;
    }

    PointOfSale addPos(long id, long clientId, String name, Map<String, String> hours, String pkg) {
        return addPos(id, clientId, name, hours, pkg, null);
    }

    PointOfSale addPos(long id, long clientId, String name, Map<String, String> hours, String pkg, String zone) {
        PointOfSale p = new PointOfSale(id, name, "P" + id, clientId, null, "street " + id, 55.0, 37.0, hours, null,
                pkg, null, null, null, null, null, null, null, null, 0, zone);
        pos.put(id, p);
        return p;
    }

    Equipment addMachine(long id, String serial, Long posId) {
        Equipment e = new Equipment(id, 1, serial, posId, null, "10.0.0." + id, null, null, false, null, 0);
        machines.put(id, e);
        return e;
    }

    @Override
    public Client client(Caller caller, long id) {
        Client c = clients.get(id);
        if (c == null || !caller.canSeeClient(id)) {
            throw new NotFoundException("client", id);
        }
        return c;
    }

    @Override
    public Page<PointOfSale> pointsOfSale(Caller caller, CatalogQuery query) {
        List<PointOfSale> out = pos.values().stream().filter(p -> caller.canSeeClient(p.clientId())).toList();
        return page(out, query);
    }

    @Override
    public PointOfSale pointOfSale(Caller caller, long id) {
        PointOfSale p = pos.get(id);
        if (p == null || !caller.canSeeClient(p.clientId())) {
            throw new NotFoundException("point of sale", id);
        }
        return p;
    }

    @Override
    public Page<Equipment> equipment(Caller caller, CatalogQuery query) {
        List<Equipment> out = new ArrayList<>();
        for (Equipment e : machines.values()) {
            if (visible(caller, e) && (query.text() == null || query.text().equals(e.serialNumber()))) {
                out.add(e);
            }
        }
        return page(out, query);
    }

    @Override
    public Equipment equipment(Caller caller, long id) {
        Equipment e = machines.get(id);
        if (e == null || !visible(caller, e)) {
            throw new NotFoundException("equipment", id);
        }
        return e;
    }

    private boolean visible(Caller caller, Equipment e) {
        return e.posId() == null ? caller.allClients() : caller.canSeeClient(pos.get(e.posId()).clientId());
    }

    private static <T> Page<T> page(List<T> all, CatalogQuery q) {
        int from = Math.min(all.size(), q.page().offset());
        int to = Math.min(all.size(), from + q.page().limit());
        return Page.of(all.subList(from, to), all.size(), q.page());
    }

    @Override
    public Optional<Equipment> equipmentBySerial(Caller caller, String family, String serial) {
        return machines.values().stream().filter(e -> e.serialNumber().equals(serial) && visible(caller, e))
                .findFirst();
    }

    // ---- not used by monitoring ----

    @Override
    public Page<Client> clients(Caller caller, CatalogQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Client saveClient(Caller caller, Client client) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteClient(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Region> regions(Caller caller, CatalogQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Region region(Caller caller, long id) {
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
    public Equipment saveEquipment(Caller caller, Equipment equipment) {
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
