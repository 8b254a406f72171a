package org.coffeecontrol.shell.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.api.security.Caller;

/**
 * Finds catalogue objects by what an admin types: a code, a name, a serial, or an ID. Exact keys win over IDs
 * because POS codes and serials are often numbers; a leading {@code #} forces the ID ({@code #12}). Also
 * remembers names by ID so that lists can show names instead of bare numbers.
 */
final class CatalogLookup {

    /** Enough candidates to detect an ambiguous key without reading a whole catalogue. */
    private static final int KEY_PROBE = 20;

    private final CatalogService catalog;
    private final Caller caller;
    private final Map<Long, String> clientNames = new HashMap<>();
    private final Map<Long, String> regionNames = new HashMap<>();
    private final Map<Long, String> modelNames = new HashMap<>();
    private final Map<Long, String> posNames = new HashMap<>();

    CatalogLookup(CatalogService catalog, Caller caller) {
        this.catalog = catalog;
        this.caller = caller;
    }

    Client client(String ref) {
        return find("client", "Client", ref, id -> catalog.client(caller, id),
                q -> catalog.clients(caller, q), c -> Stream.of(c.code(), c.name()));
    }

    Region region(String ref) {
        return find("region", "Region", ref, id -> catalog.region(caller, id),
                q -> catalog.regions(caller, q), r -> Stream.of(r.code(), r.name()));
    }

    EquipmentModel model(String ref) {
        return find("model", "Model", ref, id -> catalog.model(caller, id),
                q -> catalog.models(caller, q), m -> Stream.of(m.name()));
    }

    PointOfSale pos(String ref) {
        return find("pos", "Point of sale", ref, id -> catalog.pointOfSale(caller, id),
                q -> catalog.pointsOfSale(caller, q), p -> Stream.of(p.code(), p.name()));
    }

    Equipment equipment(String ref) {
        return find("equipment", "Equipment", ref, id -> catalog.equipment(caller, id),
                q -> catalog.equipment(caller, q), e -> Stream.of(e.serialNumber(), e.inventoryNumber()));
    }

    Long clientId(String ref) {
        return ref == null ? null : client(ref).id();
    }

    Long regionId(String ref) {
        return ref == null ? null : region(ref).id();
    }

    Long modelId(String ref) {
        return ref == null ? null : model(ref).id();
    }

    Long posId(String ref) {
        return ref == null ? null : pos(ref).id();
    }

    String clientName(Long id) {
        return name(clientNames, id, i -> catalog.client(caller, i).name());
    }

    String regionName(Long id) {
        return name(regionNames, id, i -> catalog.region(caller, i).name());
    }

    String modelName(Long id) {
        return name(modelNames, id, i -> catalog.model(caller, i).name());
    }

    String posName(Long id) {
        return name(posNames, id, i -> catalog.pointOfSale(caller, i).name());
    }

    private static String name(Map<Long, String> cache, Long id, LongFunction<String> load) {
        if (id == null) {
            return Output.NONE;
        }
        return cache.computeIfAbsent(id, i -> {
            try {
                return load.apply(i);
            } catch (NotFoundException e) {
                // Still referenced but not visible (or just deleted): the ID is all we can honestly show.
                return "#" + i;
            }
        });
    }

    private <T> T find(String field, String what, String ref, LongFunction<T> byId,
            Function<CatalogQuery, Page<T>> list, Function<T, Stream<String>> keys) {
        String key = Arguments.optional(ref);
        if (key == null) {
            throw new ValidationException(field, "must not be empty");
        }
        if (key.startsWith("#") && isNumber(key.substring(1))) {
            return byId.apply(Long.parseLong(key.substring(1)));
        }
        CatalogQuery query = CatalogQuery.text(key).withPage(PageRequest.first(KEY_PROBE));
        List<T> exact = list.apply(query).items().stream()
                .filter(item -> keys.apply(item).anyMatch(key::equalsIgnoreCase))
                .toList();
        if (exact.size() == 1) {
            return exact.get(0);
        }
        if (exact.size() > 1) {
            throw new ValidationException(field, "'" + key + "' matches " + exact.size() + " entries, use the ID (#n)");
        }
        if (isNumber(key)) {
            return byId.apply(Long.parseLong(key));
        }
        throw new NotFoundException(what, "'" + key + "'");
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit);
    }
}
