package org.coffeecontrol.rest.internal.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.api.catalog.SearchHit;
import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.rest.internal.auth.BasicAuthFilter;
import org.coffeecontrol.rest.internal.json.JsonProvider;
import org.coffeecontrol.rest.internal.resource.Created;
import org.coffeecontrol.rest.internal.resource.RecordCopy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The catalogues (CAT-1..5). Checks and validation are the service's; this class only translates HTTP. On PUT the
 * id in the path wins over one in the body; the body's {@code version} guards against lost updates.
 */
@Component(service = CatalogResource.class)
@JaxrsResource
// both selects in one annotation: two annotations writing the same property keep only one of them
@JaxrsExtensionSelect({ BasicAuthFilter.SELECT, JsonProvider.SELECT })
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final CatalogService catalog;

    @Activate
    public CatalogResource(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    /** POST always creates: an id in the body is ignored rather than turning the call into an update. */
    private static <R extends Record> R withoutId(R record) {
        return RecordCopy.with(record, Collections.singletonMap("id", null));
    }

    private static <R extends Record> R withId(R record, long id) {
        return RecordCopy.with(record, Map.of("id", id));
    }

    // --- clients (CAT-4)

    @GET
    @Path("clients")
    public Page<Client> clients(@Context SecurityContext sc, @BeanParam ListParams params) {
        return catalog.clients(Callers.of(sc), params.toQuery());
    }

    @GET
    @Path("clients/{id}")
    public Client client(@Context SecurityContext sc, @PathParam("id") long id) {
        return catalog.client(Callers.of(sc), id);
    }

    @POST
    @Path("clients")
    public Response createClient(@Context SecurityContext sc, @Context UriInfo uri, Client client) {
        Client saved = catalog.saveClient(Callers.of(sc), withoutId(client));
        return Created.at(uri, saved.id(), saved);
    }

    @PUT
    @Path("clients/{id}")
    public Client updateClient(@Context SecurityContext sc, @PathParam("id") long id, Client client) {
        return catalog.saveClient(Callers.of(sc), withId(client, id));
    }

    @DELETE
    @Path("clients/{id}")
    public void deleteClient(@Context SecurityContext sc, @PathParam("id") long id) {
        catalog.deleteClient(Callers.of(sc), id);
    }

    // --- regions (CAT-4)

    @GET
    @Path("regions")
    public Page<Region> regions(@Context SecurityContext sc, @BeanParam ListParams params) {
        return catalog.regions(Callers.of(sc), params.toQuery());
    }

    @GET
    @Path("regions/{id}")
    public Region region(@Context SecurityContext sc, @PathParam("id") long id) {
        return catalog.region(Callers.of(sc), id);
    }

    @POST
    @Path("regions")
    public Response createRegion(@Context SecurityContext sc, @Context UriInfo uri, Region region) {
        Region saved = catalog.saveRegion(Callers.of(sc), withoutId(region));
        return Created.at(uri, saved.id(), saved);
    }

    @PUT
    @Path("regions/{id}")
    public Region updateRegion(@Context SecurityContext sc, @PathParam("id") long id, Region region) {
        return catalog.saveRegion(Callers.of(sc), withId(region, id));
    }

    @DELETE
    @Path("regions/{id}")
    public void deleteRegion(@Context SecurityContext sc, @PathParam("id") long id) {
        catalog.deleteRegion(Callers.of(sc), id);
    }

    // --- equipment models (CAT-1)

    @GET
    @Path("models")
    public Page<EquipmentModel> models(@Context SecurityContext sc, @BeanParam ListParams params) {
        return catalog.models(Callers.of(sc), params.toQuery());
    }

    @GET
    @Path("models/{id}")
    public EquipmentModel model(@Context SecurityContext sc, @PathParam("id") long id) {
        return catalog.model(Callers.of(sc), id);
    }

    @POST
    @Path("models")
    public Response createModel(@Context SecurityContext sc, @Context UriInfo uri, EquipmentModel model) {
        EquipmentModel saved = catalog.saveModel(Callers.of(sc), withoutId(model));
        return Created.at(uri, saved.id(), saved);
    }

    @PUT
    @Path("models/{id}")
    public EquipmentModel updateModel(@Context SecurityContext sc, @PathParam("id") long id, EquipmentModel model) {
        return catalog.saveModel(Callers.of(sc), withId(model, id));
    }

    @DELETE
    @Path("models/{id}")
    public void deleteModel(@Context SecurityContext sc, @PathParam("id") long id) {
        catalog.deleteModel(Callers.of(sc), id);
    }

    // --- points of sale (CAT-3)

    @GET
    @Path("pos")
    public Page<PointOfSale> pointsOfSale(@Context SecurityContext sc, @BeanParam ListParams params) {
        return catalog.pointsOfSale(Callers.of(sc), params.toQuery());
    }

    @GET
    @Path("pos/{id}")
    public PointOfSale pointOfSale(@Context SecurityContext sc, @PathParam("id") long id) {
        return catalog.pointOfSale(Callers.of(sc), id);
    }

    @POST
    @Path("pos")
    public Response createPointOfSale(@Context SecurityContext sc, @Context UriInfo uri, PointOfSale pos) {
        PointOfSale saved = catalog.savePointOfSale(Callers.of(sc), withoutId(pos));
        return Created.at(uri, saved.id(), saved);
    }

    @PUT
    @Path("pos/{id}")
    public PointOfSale updatePointOfSale(@Context SecurityContext sc, @PathParam("id") long id, PointOfSale pos) {
        return catalog.savePointOfSale(Callers.of(sc), withId(pos, id));
    }

    @DELETE
    @Path("pos/{id}")
    public void deletePointOfSale(@Context SecurityContext sc, @PathParam("id") long id) {
        catalog.deletePointOfSale(Callers.of(sc), id);
    }

    // --- equipment (CAT-2)

    @GET
    @Path("equipment")
    public Page<Equipment> equipment(@Context SecurityContext sc, @BeanParam ListParams params) {
        return catalog.equipment(Callers.of(sc), params.toQuery());
    }

    @GET
    @Path("equipment/{id}")
    public Equipment machine(@Context SecurityContext sc, @PathParam("id") long id) {
        return catalog.equipment(Callers.of(sc), id);
    }

    @POST
    @Path("equipment")
    public Response createEquipment(@Context SecurityContext sc, @Context UriInfo uri, Equipment equipment) {
        Equipment saved = catalog.saveEquipment(Callers.of(sc), withoutId(equipment));
        return Created.at(uri, saved.id(), saved);
    }

    @PUT
    @Path("equipment/{id}")
    public Equipment updateEquipment(@Context SecurityContext sc, @PathParam("id") long id, Equipment equipment) {
        return catalog.saveEquipment(Callers.of(sc), withId(equipment, id));
    }

    @DELETE
    @Path("equipment/{id}")
    public void deleteEquipment(@Context SecurityContext sc, @PathParam("id") long id) {
        catalog.deleteEquipment(Callers.of(sc), id);
    }

    // --- search (CAT-5)

    @GET
    @Path("search")
    public List<SearchHit> search(@Context SecurityContext sc, @QueryParam("q") String q,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return catalog.search(Callers.of(sc), q, limit);
    }
}
