package org.coffeecontrol.remote.internal.promo;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.PromoRequest;
import org.coffeecontrol.remote.internal.machine.Machine;
import org.coffeecontrol.remote.internal.machine.MachineGateway;

/**
 * Clients, regions, points of sale and serials, expanded to the machines the caller may see, each once. Every
 * lookup goes through the catalogue as the caller: a client, region or POS it cannot see is a NotFoundException.
 */
final class Recipients {

    private final MachineGateway gateway;
    private final CatalogService catalog;
    private final Caller caller;
    private final Map<Long, EquipmentModel> models = new HashMap<>();
    private final Map<Long, Long> clientOfPos = new HashMap<>();
    private final Map<Long, Recipient> out = new LinkedHashMap<>();

    Recipients(MachineGateway gateway, Caller caller) {
        this.gateway = gateway;
        this.catalog = gateway.catalog();
        this.caller = caller;
    }

    Map<Long, Recipient> expand(PromoRequest r) {
        if (r.clientIds().isEmpty() && r.regionIds().isEmpty() && r.posIds().isEmpty() && r.serials().isEmpty()) {
            throw new ValidationException("recipients", "choose at least one client, region, point of sale or machine");
        }
        for (long id : r.clientIds()) {
            catalog.client(caller, id);
            all(new CatalogQuery(null, id, null, null, null, null));
        }
        for (long id : r.regionIds()) {
            catalog.region(caller, id);
            all(new CatalogQuery(null, null, id, null, null, null));
        }
        for (long id : r.posIds()) {
            catalog.pointOfSale(caller, id);
            all(new CatalogQuery(null, null, null, id, null, null));
        }
        for (String serial : r.serials()) {
            Machine m = gateway.machine(caller, serial);
            add(m.equipment());
        }
        return out;
    }

    private void all(CatalogQuery query) {
        int offset = 0;
        while (true) {
            Page<Equipment> page = catalog.equipment(caller, query.withPage(new PageRequest(offset, PageRequest.MAX_LIMIT)));
            page.items().forEach(this::add);
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return;
            }
        }
    }

    private void add(Equipment e) {
        if (out.containsKey(e.id())) {
            return;
        }
        EquipmentModel model = models.computeIfAbsent(e.modelId(), id -> catalog.model(caller, id));
        Long client = e.posId() == null ? null
                : clientOfPos.computeIfAbsent(e.posId(), id -> catalog.pointOfSale(caller, id).clientId());
        out.put(e.id(), new Recipient(new Machine(e, model), client));
    }

}
