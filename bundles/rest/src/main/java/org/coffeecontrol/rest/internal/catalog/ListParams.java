package org.coffeecontrol.rest.internal.catalog;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.QueryParam;

import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.catalog.CatalogQuery;

/** The query parameters every catalogue list accepts; each service ignores the filters that do not apply. */
public class ListParams {
    @QueryParam("q")
    String q;
    @QueryParam("clientId")
    Long clientId;
    @QueryParam("regionId")
    Long regionId;
    @QueryParam("posId")
    Long posId;
    @QueryParam("modelId")
    Long modelId;
    @QueryParam("offset")
    @DefaultValue("0")
    int offset;
    @QueryParam("limit")
    @DefaultValue("" + PageRequest.DEFAULT_LIMIT)
    int limit;

    CatalogQuery toQuery() {
        return new CatalogQuery(q, clientId, regionId, posId, modelId, new PageRequest(offset, limit));
    }
}
