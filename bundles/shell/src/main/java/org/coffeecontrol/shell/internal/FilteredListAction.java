package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.coffeecontrol.api.catalog.CatalogQuery;

/** Lists of things that stand somewhere, so they can also be narrowed by client and region. */
abstract class FilteredListAction extends ListAction {

    @Option(name = "--client", aliases = "-c", description = "Only this client (ID, code or name)")
    @Completion(ClientCompleter.class)
    String client;

    @Option(name = "--region", aliases = "-r", description = "Only this region (ID, code or name)")
    @Completion(RegionCompleter.class)
    String region;

    CatalogQuery query(CatalogLookup lookup, Long posId, Long modelId) {
        return new CatalogQuery(text, lookup.clientId(Arguments.optional(client)),
                lookup.regionId(Arguments.optional(region)), posId, modelId, page());
    }
}
