package org.coffeecontrol.ui.internal.catalog;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

import org.coffeecontrol.api.NotFoundException;

/** Names of referenced records (a POS's client, a machine's model) for grid cells, fetched once per id. */
final class NameLookup implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<Long, String> cache = new HashMap<>();
    private final transient LongFunction<String> loader;

    NameLookup(LongFunction<String> loader) {
        this.loader = loader;
    }

    String name(Long id) {
        if (id == null) {
            return "";
        }
        return cache.computeIfAbsent(id, i -> {
            try {
                return loader.apply(i);
            } catch (NotFoundException e) {
                return "#" + i;
            }
        });
    }
}
