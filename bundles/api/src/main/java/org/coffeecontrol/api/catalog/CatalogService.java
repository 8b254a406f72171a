package org.coffeecontrol.api.catalog;

import java.util.List;
import java.util.Optional;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The catalogues. Every call checks the caller's role and client visibility: objects of clients the caller
 * may not see behave as if they did not exist. {@code save*} creates when the id is null and otherwise
 * updates, failing with a conflict when {@code version} is stale. Failures are
 * {@link org.coffeecontrol.api.ValidationException}, {@link org.coffeecontrol.api.NotFoundException},
 * {@link org.coffeecontrol.api.ConflictException} or {@link org.coffeecontrol.api.AccessDeniedException};
 * a rejected call leaves nothing behind.
 */
@ProviderType
public interface CatalogService {

    Page<Client> clients(Caller caller, CatalogQuery query);

    Client client(Caller caller, long id);

    Client saveClient(Caller caller, Client client);

    void deleteClient(Caller caller, long id);

    Page<Region> regions(Caller caller, CatalogQuery query);

    Region region(Caller caller, long id);

    Region saveRegion(Caller caller, Region region);

    void deleteRegion(Caller caller, long id);

    Page<EquipmentModel> models(Caller caller, CatalogQuery query);

    EquipmentModel model(Caller caller, long id);

    EquipmentModel saveModel(Caller caller, EquipmentModel model);

    void deleteModel(Caller caller, long id);

    /** Filters: text, clientId, regionId. */
    Page<PointOfSale> pointsOfSale(Caller caller, CatalogQuery query);

    PointOfSale pointOfSale(Caller caller, long id);

    PointOfSale savePointOfSale(Caller caller, PointOfSale pos);

    void deletePointOfSale(Caller caller, long id);

    /** Filters: text, clientId, regionId, posId, modelId. */
    Page<Equipment> equipment(Caller caller, CatalogQuery query);

    Equipment equipment(Caller caller, long id);

    /** The machine with this serial of a model of this family, if the caller may see it. */
    Optional<Equipment> equipmentBySerial(Caller caller, String family, String serial);

    Equipment saveEquipment(Caller caller, Equipment equipment);

    void deleteEquipment(Caller caller, long id);

    /** CAT-5: clients, POS and equipment by ID, name, code, serial or IP, best matches first. */
    List<SearchHit> search(Caller caller, String term, int limit);
}
