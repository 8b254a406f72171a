package org.coffeecontrol.core.internal.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.coffeecontrol.api.ConflictException;
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
import org.coffeecontrol.api.catalog.SearchHit;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.core.internal.db.CoreDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Catalogues on JPA. Visibility rule: a POS is visible when its client is; equipment when its POS is; equipment
 * in stock (no POS) only to callers who see all clients. Invisible objects answer "not found", so IDs cannot be
 * probed.
 */
@Component(service = CatalogService.class)
public class CatalogServiceImpl implements CatalogService {

    static final Role[] MASTER_DATA_EDITORS = { Role.SERVICE_ADMIN };
    static final Role[] SITE_EDITORS = { Role.SERVICE_ADMIN, Role.TECH_SUPPORT };

    private final CoreDatabase db;

    @Activate
    public CatalogServiceImpl(@Reference CoreDatabase db) {
        this.db = db;
    }

    // ---- clients

    @Override
    public Page<Client> clients(Caller caller, CatalogQuery query) {
        if (!caller.allClients() && caller.clientIds().isEmpty()) {
            return Page.of(List.of(), 0, query.page());
        }
        return db.read(em -> new Jpql<>(ClientEntity.class, "c")
                .whereIf(!caller.allClients(), "c.id IN :visible", "visible", List.copyOf(caller.clientIds()))
                .whereIf(query.text() != null,
                        "(LOWER(c.name) LIKE :t ESCAPE '\\' OR LOWER(c.code) LIKE :t ESCAPE '\\')", "t",
                        query.text() == null ? null : Jpql.like(query.text()))
                .orderBy("c.name").page(em, query.page(), ClientEntity::toRecord));
    }

    @Override
    public Client client(Caller caller, long id) {
        return db.read(em -> visibleClient(em, caller, id).toRecord());
    }

    @Override
    public Client saveClient(Caller caller, Client client) {
        caller.require("edit clients", MASTER_DATA_EDITORS);
        CatalogValidator.client(client);
        return db.tx(em -> {
            uniqueName(em, "ClientEntity", client.name(), client.id(), "a client");
            ClientEntity e = client.id() == null ? new ClientEntity() : versioned(visibleClient(em, caller,
                    client.id()), client.version(), "client");
            e.apply(client);
            if (e.id == null) {
                em.persist(e);
            }
            em.flush();
            return e.toRecord();
        });
    }

    @Override
    public void deleteClient(Caller caller, long id) {
        caller.require("delete clients", MASTER_DATA_EDITORS);
        db.txRun(em -> {
            ClientEntity e = visibleClient(em, caller, id);
            long pos = count(em, "SELECT COUNT(p) FROM PosEntity p WHERE p.clientId = :id", id);
            if (pos > 0) {
                throw new ConflictException("client " + id + " still has " + pos + " points of sale");
            }
            em.remove(e);
        });
    }

    private static ClientEntity visibleClient(EntityManager em, Caller caller, long id) {
        ClientEntity e = em.find(ClientEntity.class, id);
        if (e == null || !caller.canSeeClient(id)) {
            throw new NotFoundException("client", id);
        }
        return e;
    }

    // ---- regions

    @Override
    public Page<Region> regions(Caller caller, CatalogQuery query) {
        return db.read(em -> new Jpql<>(RegionEntity.class, "r")
                .whereIf(query.text() != null, "(LOWER(r.name) LIKE :t ESCAPE '\\' OR LOWER(r.code) LIKE :t ESCAPE '\\')",
                        "t", query.text() == null ? null : Jpql.like(query.text()))
                .orderBy("r.name").page(em, query.page(), RegionEntity::toRecord));
    }

    @Override
    public Region region(Caller caller, long id) {
        return db.read(em -> found(em.find(RegionEntity.class, id), "region", id).toRecord());
    }

    @Override
    public Region saveRegion(Caller caller, Region region) {
        caller.require("edit regions", MASTER_DATA_EDITORS);
        CatalogValidator.region(region);
        return db.tx(em -> {
            uniqueName(em, "RegionEntity", region.name(), region.id(), "a region");
            RegionEntity e = region.id() == null ? new RegionEntity()
                    : versioned(found(em.find(RegionEntity.class, region.id()), "region", region.id()),
                            region.version(), "region");
            e.apply(region);
            if (e.id == null) {
                em.persist(e);
            }
            em.flush();
            return e.toRecord();
        });
    }

    @Override
    public void deleteRegion(Caller caller, long id) {
        caller.require("delete regions", MASTER_DATA_EDITORS);
        db.txRun(em -> {
            RegionEntity e = found(em.find(RegionEntity.class, id), "region", id);
            long pos = count(em, "SELECT COUNT(p) FROM PosEntity p WHERE p.regionId = :id", id);
            if (pos > 0) {
                throw new ConflictException("region " + id + " still has " + pos + " points of sale");
            }
            em.remove(e);
        });
    }

    // ---- models

    @Override
    public Page<EquipmentModel> models(Caller caller, CatalogQuery query) {
        return db.read(em -> new Jpql<>(ModelEntity.class, "m")
                .whereIf(query.text() != null,
                        "(LOWER(m.name) LIKE :t ESCAPE '\\' OR LOWER(m.family) LIKE :t ESCAPE '\\' "
                                + "OR LOWER(m.manufacturer) LIKE :t ESCAPE '\\')",
                        "t", query.text() == null ? null : Jpql.like(query.text()))
                .orderBy("m.name").page(em, query.page(), ModelEntity::toRecord));
    }

    @Override
    public EquipmentModel model(Caller caller, long id) {
        return db.read(em -> found(em.find(ModelEntity.class, id), "model", id).toRecord());
    }

    @Override
    public EquipmentModel saveModel(Caller caller, EquipmentModel model) {
        caller.require("edit equipment models", MASTER_DATA_EDITORS);
        CatalogValidator.model(model);
        return db.tx(em -> {
            uniqueName(em, "ModelEntity", model.name(), model.id(), "a model");
            ModelEntity e;
            if (model.id() == null) {
                e = new ModelEntity();
            } else {
                e = versioned(found(em.find(ModelEntity.class, model.id()), "model", model.id()), model.version(),
                        "model");
                String family = model.family().trim().toLowerCase(Locale.ROOT);
                if (!family.equals(e.family) && count(em,
                        "SELECT COUNT(q) FROM EquipmentEntity q WHERE q.modelId = :id", e.id) > 0) {
                    throw new ValidationException("family", "cannot change the family of a model in use");
                }
            }
            e.apply(model);
            if (e.id == null) {
                em.persist(e);
            }
            em.flush();
            return e.toRecord();
        });
    }

    @Override
    public void deleteModel(Caller caller, long id) {
        caller.require("delete equipment models", MASTER_DATA_EDITORS);
        db.txRun(em -> {
            ModelEntity e = found(em.find(ModelEntity.class, id), "model", id);
            long n = count(em, "SELECT COUNT(q) FROM EquipmentEntity q WHERE q.modelId = :id", id);
            if (n > 0) {
                throw new ConflictException("model " + id + " is used by " + n + " machines");
            }
            em.remove(e);
        });
    }

    // ---- points of sale

    @Override
    public Page<PointOfSale> pointsOfSale(Caller caller, CatalogQuery query) {
        if (!caller.allClients() && caller.clientIds().isEmpty()) {
            return Page.of(List.of(), 0, query.page());
        }
        return db.read(em -> new Jpql<>(PosEntity.class, "p")
                .whereIf(!caller.allClients(), "p.clientId IN :visible", "visible", List.copyOf(caller.clientIds()))
                .whereIf(query.clientId() != null, "p.clientId = :client", "client", query.clientId())
                .whereIf(query.regionId() != null, "p.regionId = :region", "region", query.regionId())
                .whereIf(query.text() != null, "(LOWER(p.name) LIKE :t ESCAPE '\\' OR LOWER(p.code) LIKE :t ESCAPE '\\' "
                        + "OR LOWER(p.address) LIKE :t ESCAPE '\\')", "t",
                        query.text() == null ? null : Jpql.like(query.text()))
                .orderBy("p.name").page(em, query.page(), PosEntity::toRecord));
    }

    @Override
    public PointOfSale pointOfSale(Caller caller, long id) {
        return db.read(em -> visiblePos(em, caller, id).toRecord());
    }

    @Override
    public PointOfSale savePointOfSale(Caller caller, PointOfSale pos) {
        caller.require("edit points of sale", SITE_EDITORS);
        String hours = CatalogValidator.pointOfSale(pos);
        String cleaning = CatalogValidator.cleaningTimes(pos.cleaningTimes());
        return db.tx(em -> {
            if (em.find(ClientEntity.class, pos.clientId()) == null || !caller.canSeeClient(pos.clientId())) {
                throw new ValidationException("clientId", "client " + pos.clientId() + " does not exist");
            }
            if (pos.regionId() != null && em.find(RegionEntity.class, pos.regionId()) == null) {
                throw new ValidationException("regionId", "region " + pos.regionId() + " does not exist");
            }
            mechanic(em, "serviceMechanic", pos.serviceMechanic());
            mechanic(em, "auditMechanic", pos.auditMechanic());
            if (pos.code() != null && !pos.code().isBlank()) {
                List<Long> same = em.createQuery("SELECT p.id FROM PosEntity p WHERE p.code = :c", Long.class)
                        .setParameter("c", pos.code().trim()).getResultList();
                if (same.stream().anyMatch(id -> !id.equals(pos.id()))) {
                    throw new ConflictException("code: a point of sale with code '" + pos.code().trim()
                            + "' already exists");
                }
            }
            PosEntity e = pos.id() == null ? new PosEntity()
                    : versioned(visiblePos(em, caller, pos.id()), pos.version(), "point of sale");
            e.apply(pos, hours, cleaning);
            if (e.id == null) {
                em.persist(e);
            }
            em.flush();
            return e.toRecord();
        });
    }

    private static void mechanic(EntityManager em, String field, String username) {
        if (username == null || username.isBlank()) {
            return;
        }
        Number n = (Number) em.createNativeQuery("SELECT COUNT(*) FROM cc_user WHERE username = ?")
                .setParameter(1, username.trim()).getSingleResult();
        if (n.longValue() == 0) {
            throw new ValidationException(field, "user '" + username.trim() + "' does not exist");
        }
    }

    @Override
    public void deletePointOfSale(Caller caller, long id) {
        caller.require("delete points of sale", SITE_EDITORS);
        db.txRun(em -> {
            PosEntity e = visiblePos(em, caller, id);
            long n = count(em, "SELECT COUNT(q) FROM EquipmentEntity q WHERE q.posId = :id", id);
            if (n > 0) {
                throw new ConflictException("point of sale " + id + " still has " + n + " machines");
            }
            em.remove(e);
        });
    }

    private static PosEntity visiblePos(EntityManager em, Caller caller, long id) {
        PosEntity e = em.find(PosEntity.class, id);
        if (e == null || !caller.canSeeClient(e.clientId)) {
            throw new NotFoundException("point of sale", id);
        }
        return e;
    }

    // ---- equipment

    @Override
    public Page<Equipment> equipment(Caller caller, CatalogQuery query) {
        if (!caller.allClients() && caller.clientIds().isEmpty()) {
            return Page.of(List.of(), 0, query.page());
        }
        boolean byClient = query.clientId() != null || query.regionId() != null || !caller.allClients();
        return db.read(em -> {
            Jpql<EquipmentEntity> q = new Jpql<>(EquipmentEntity.class, "e");
            if (byClient) {
                StringBuilder sub = new StringBuilder("e.posId IN (SELECT p.id FROM PosEntity p WHERE 1 = 1");
                if (!caller.allClients()) {
                    sub.append(" AND p.clientId IN :visible");
                }
                if (query.clientId() != null) {
                    sub.append(" AND p.clientId = :client");
                }
                if (query.regionId() != null) {
                    sub.append(" AND p.regionId = :region");
                }
                q.where(sub.append(')').toString(), null, null);
                if (!caller.allClients()) {
                    q.param("visible", List.copyOf(caller.clientIds()));
                }
                if (query.clientId() != null) {
                    q.param("client", query.clientId());
                }
                if (query.regionId() != null) {
                    q.param("region", query.regionId());
                }
            }
            q.whereIf(query.posId() != null, "e.posId = :pos", "pos", query.posId())
                    .whereIf(query.modelId() != null, "e.modelId = :model", "model", query.modelId())
                    .whereIf(query.text() != null,
                            "(LOWER(e.serialNumber) LIKE :t ESCAPE '\\' OR LOWER(e.host) LIKE :t ESCAPE '\\' "
                                    + "OR LOWER(e.inventoryNumber) LIKE :t ESCAPE '\\')",
                            "t", query.text() == null ? null : Jpql.like(query.text()));
            return q.orderBy("e.serialNumber").page(em, query.page(), EquipmentEntity::toRecord);
        });
    }

    @Override
    public Equipment equipment(Caller caller, long id) {
        return db.read(em -> visibleEquipment(em, caller, id).toRecord());
    }

    @Override
    public Optional<Equipment> equipmentBySerial(Caller caller, String family, String serial) {
        return db.read(em -> em.createQuery(
                "SELECT e FROM EquipmentEntity e WHERE e.family = :f AND e.serialNumber = :s", EquipmentEntity.class)
                .setParameter("f", family.toLowerCase(Locale.ROOT)).setParameter("s", serial).getResultList()
                .stream().filter(e -> visible(em, caller, e)).findFirst().map(EquipmentEntity::toRecord));
    }

    @Override
    public Equipment saveEquipment(Caller caller, Equipment equipment) {
        caller.require("edit equipment", SITE_EDITORS);
        CatalogValidator.equipment(equipment);
        return db.tx(em -> {
            ModelEntity model = em.find(ModelEntity.class, equipment.modelId());
            if (model == null) {
                throw new ValidationException("modelId", "model " + equipment.modelId() + " does not exist");
            }
            if (equipment.posId() != null) {
                PosEntity pos = em.find(PosEntity.class, equipment.posId());
                if (pos == null || !caller.canSeeClient(pos.clientId)) {
                    throw new ValidationException("posId", "point of sale " + equipment.posId() + " does not exist");
                }
            } else if (!caller.allClients()) {
                throw new ValidationException("posId", "choose the point of sale");
            }
            List<Long> same = em.createQuery(
                    "SELECT e.id FROM EquipmentEntity e WHERE e.family = :f AND e.serialNumber = :s", Long.class)
                    .setParameter("f", model.family).setParameter("s", equipment.serialNumber().trim())
                    .getResultList();
            if (same.stream().anyMatch(id -> !id.equals(equipment.id()))) {
                throw new ConflictException("serialNumber: a " + model.family + " machine with serial '"
                        + equipment.serialNumber().trim() + "' already exists");
            }
            EquipmentEntity e = equipment.id() == null ? new EquipmentEntity()
                    : versioned(visibleEquipment(em, caller, equipment.id()), equipment.version(), "equipment");
            e.apply(equipment, model.family);
            if (e.id == null) {
                em.persist(e);
            }
            em.flush();
            return e.toRecord();
        });
    }

    @Override
    public void deleteEquipment(Caller caller, long id) {
        caller.require("delete equipment", SITE_EDITORS);
        db.txRun(em -> em.remove(visibleEquipment(em, caller, id)));
    }

    private static EquipmentEntity visibleEquipment(EntityManager em, Caller caller, long id) {
        EquipmentEntity e = em.find(EquipmentEntity.class, id);
        if (e == null || !visible(em, caller, e)) {
            throw new NotFoundException("equipment", id);
        }
        return e;
    }

    private static boolean visible(EntityManager em, Caller caller, EquipmentEntity e) {
        if (caller.allClients()) {
            return true;
        }
        if (e.posId == null) {
            return false;
        }
        PosEntity pos = em.find(PosEntity.class, e.posId);
        return pos != null && caller.canSeeClient(pos.clientId);
    }

    // ---- search (CAT-5)

    @Override
    public List<SearchHit> search(Caller caller, String term, int limit) {
        if (term == null || term.isBlank()) {
            return List.of();
        }
        String t = term.trim();
        int max = Math.max(1, Math.min(limit, 100));
        List<SearchHit> hits = new ArrayList<>();
        PageRequest page = PageRequest.first(max);
        Long id = t.matches("\\d{1,18}") ? Long.valueOf(t) : null;
        if (id != null) {
            tryAdd(hits, () -> {
                Client c = client(caller, id);
                return new SearchHit(SearchHit.Kind.CLIENT, c.id(), c.name(), c.code(), "ID", c.id(), null);
            });
            tryAdd(hits, () -> posHit(pointOfSale(caller, id), "ID"));
            tryAdd(hits, () -> equipmentHit(caller, equipment(caller, id), "ID"));
        }
        CatalogQuery q = new CatalogQuery(t, null, null, null, null, page);
        for (Equipment e : equipment(caller, q).items()) {
            String lower = t.toLowerCase(Locale.ROOT);
            String on = e.host() != null && e.host().toLowerCase(Locale.ROOT).contains(lower) ? "IP"
                    : e.serialNumber().toLowerCase(Locale.ROOT).contains(lower) ? "SERIAL" : "INVENTORY";
            hits.add(equipmentHit(caller, e, on));
        }
        for (PointOfSale p : pointsOfSale(caller, q).items()) {
            hits.add(posHit(p, "NAME"));
        }
        for (Client c : clients(caller, q).items()) {
            hits.add(new SearchHit(SearchHit.Kind.CLIENT, c.id(), c.name(), c.code(), "NAME", c.id(), null));
        }
        String lower = t.toLowerCase(Locale.ROOT);
        return hits.stream().distinct()
                .sorted(Comparator.comparingInt((SearchHit h) -> rank(h, lower)))
                .limit(max).toList();
    }

    private static int rank(SearchHit h, String term) {
        if (h.matchedOn().equals("ID")) {
            return 0;
        }
        return h.title() != null && h.title().equalsIgnoreCase(term) ? 1 : 2;
    }

    private static SearchHit posHit(PointOfSale p, String on) {
        return new SearchHit(SearchHit.Kind.POS, p.id(), p.name(), p.address(), on, p.clientId(), p.id());
    }

    private SearchHit equipmentHit(Caller caller, Equipment e, String on) {
        String modelName = db.read(em -> {
            ModelEntity m = em.find(ModelEntity.class, e.modelId());
            return m == null ? "" : m.name;
        });
        Long clientId = e.posId() == null ? null : db.read(em -> {
            PosEntity p = em.find(PosEntity.class, e.posId());
            return p == null ? null : p.clientId;
        });
        return new SearchHit(SearchHit.Kind.EQUIPMENT, e.id(), modelName + " " + e.serialNumber(),
                e.host(), on, clientId, e.posId());
    }

    private static void tryAdd(List<SearchHit> hits, java.util.function.Supplier<SearchHit> hit) {
        try {
            hits.add(hit.get());
        } catch (org.coffeecontrol.api.NotFoundException ignored) {
            // an ID that names no visible object of this kind is simply no hit
        }
    }

    // ---- helpers

    private static <T> T found(T e, String what, long id) {
        if (e == null) {
            throw new NotFoundException(what, id);
        }
        return e;
    }

    /** Fails early with a clear message instead of letting the version check fail at commit. */
    private static <T extends Versioned> T versioned(T entity, long expected, String what) {
        long actual = entity.currentVersion();
        if (actual != expected) {
            throw new ConflictException("version: the " + what + " was changed by someone else (version " + actual
                    + ", yours " + expected + "); reload and retry");
        }
        return entity;
    }

    private static void uniqueName(EntityManager em, String entity, String name, Long selfId, String what) {
        List<Long> ids = em.createQuery("SELECT x.id FROM " + entity + " x WHERE LOWER(x.name) = :n", Long.class)
                .setParameter("n", name.trim().toLowerCase(Locale.ROOT)).getResultList();
        if (ids.stream().anyMatch(id -> !id.equals(selfId))) {
            throw new ConflictException("name: " + what + " named '" + name.trim() + "' already exists");
        }
    }

    private static long count(EntityManager em, String jpql, long id) {
        return em.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult();
    }
}
