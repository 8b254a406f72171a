package org.coffeecontrol.core.internal.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.persistence.EntityManager;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.FleetImport;
import org.coffeecontrol.api.catalog.FleetImportReport;
import org.coffeecontrol.api.catalog.FleetImportReport.Counts;
import org.coffeecontrol.api.catalog.FleetImportReport.RowError;
import org.coffeecontrol.api.catalog.OpeningHours;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.core.internal.db.CoreDatabase;
import org.coffeecontrol.core.internal.telemetry.MachineSecret;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The fleet import: every row is checked against the file and the catalogue first (nothing is written while any
 * row is wrong), then the rows are written in chunks of {@link #CHUNK_ROWS}, one transaction each, re-reading each
 * object inside the transaction so a concurrent edit of a field the file does not name is kept.
 */
@Component(service = FleetImport.class)
public class FleetImporter implements FleetImport {

    /** Big enough that 10,000 machines take 20 commits, small enough that a chunk holds few locks for long. */
    static final int CHUNK_ROWS = 500;
    static final int MAX_ROWS = 100_000;
    private static final int IN_LIST = 500;
    private static final List<String> MACHINE_COLUMNS = List.of("family", "model", "inventory_number", "host",
            "ssh_port", "secret");

    private final CoreDatabase db;

    @Activate
    public FleetImporter(@Reference CoreDatabase db) {
        this.db = db;
    }

    @Override
    public FleetImportReport importFleet(Caller caller, List<Map<String, String>> rows, boolean dryRun) {
        if (!caller.has(Role.ADMIN)) {
            throw new AccessDeniedException(caller.username() + " may not import fleets (administrators only)");
        }
        if (rows == null || rows.isEmpty()) {
            throw new ValidationException("rows", "the fleet file has no rows");
        }
        if (rows.size() > MAX_ROWS) {
            throw new ValidationException("rows", "at most " + MAX_ROWS + " rows per file, split it");
        }
        Plan plan = new Plan(rows);
        db.read(em -> {
            plan.check(em);
            return null;
        });
        if (!plan.errors.isEmpty() || dryRun) {
            return plan.report(dryRun, false, 0);
        }
        int chunks = 0;
        for (int from = 0; from < rows.size(); from += CHUNK_ROWS) {
            int first = from;
            int end = Math.min(rows.size(), from + CHUNK_ROWS);
            try {
                db.txRun(em -> plan.write(em, first, end));
            } catch (CoffeeException e) {
                plan.staged.clear();
                plan.errors.add(new RowError(first + 1, null, "rows " + (first + 1) + ".." + end + " not written: "
                        + e.getMessage() + "; the rows before them are, importing the same file again completes it"));
                return plan.report(false, false, chunks);
            }
            plan.ids.putAll(plan.staged);
            plan.staged.clear();
            chunks++;
        }
        return plan.report(false, true, chunks);
    }

    /** What the file says about one object: the cells given and the row that named it first. */
    static final class Draft {
        final int row;
        final Map<String, String> cells = new LinkedHashMap<>();
        private final Map<String, Integer> rowOf = new HashMap<>();
        /** The object as stored when checked; null when the import creates it. */
        Object existing;

        Draft(int row) {
            this.row = row;
        }

        /** A blank cell says nothing; a value differing from an earlier row's is an error of this row. */
        void merge(int row, String column, String value, List<RowError> errors) {
            if (value == null) {
                return;
            }
            String before = cells.get(column);
            if (before == null) {
                cells.put(column, value);
                rowOf.put(column, row);
            } else if (!before.equalsIgnoreCase(value)) {
                errors.add(new RowError(row, column, "'" + value + "' differs from '" + before + "' in row "
                        + rowOf.get(column)));
            }
        }

        String cell(String column) {
            return cells.get(column);
        }
    }

    /** One machine row, keyed once its family is known. */
    record MachineRow(int row, String serial, Map<String, String> cells) {
    }

    private static final class Plan {
        final List<Map<String, String>> rows;
        final List<RowError> errors = new ArrayList<>();
        final Map<String, Draft> clients = new LinkedHashMap<>();
        final Map<String, Draft> regions = new LinkedHashMap<>();
        final Map<String, Draft> models = new LinkedHashMap<>();
        final Map<String, Draft> pointsOfSale = new LinkedHashMap<>();
        final List<MachineRow> machineRows = new ArrayList<>();
        final Map<String, Draft> machines = new LinkedHashMap<>();
        /** Per row (index) the keys of its objects, for writing. */
        final List<String[]> keysOfRow = new ArrayList<>();
        /** Ids of objects written by committed chunks, by kind and key; {@link #staged} holds the running chunk's. */
        final Map<String, Long> ids = new HashMap<>();
        final Map<String, Long> staged = new HashMap<>();
        int[] created = new int[5];
        int[] updated = new int[5];

        Plan(List<Map<String, String>> rows) {
            this.rows = rows;
            for (int i = 0; i < rows.size(); i++) {
                parse(i + 1, rows.get(i));
            }
        }

        private void parse(int r, Map<String, String> raw) {
            Map<String, String> c = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : raw.entrySet()) {
                String column = e.getKey() == null ? "" : e.getKey().strip().toLowerCase(Locale.ROOT);
                if (!FleetImport.COLUMNS.contains(column)) {
                    errors.add(new RowError(r, column, "unknown column; the columns are "
                            + String.join(", ", FleetImport.COLUMNS)));
                    continue;
                }
                String value = Strings.blankToNull(e.getValue());
                if (value != null) {
                    c.put(column, value);
                }
            }
            cellsValid(r, c);
            String client = c.get("client");
            String posCode = c.get("pos_code");
            String region = c.get("region");
            String serial = c.get("serial");
            keysOfRow.add(new String[] { lower(c.get("model")), posCode, null });
            if (client == null) {
                errors.add(new RowError(r, "client", "is required"));
            } else {
                Draft d = clients.computeIfAbsent(lower(client), k -> new Draft(r));
                d.merge(r, "client", client, errors);
                d.merge(r, "client_code", c.get("client_code"), errors);
            }
            if (region != null) {
                regions.computeIfAbsent(lower(region), k -> new Draft(r)).merge(r, "region", region, errors);
            }
            if (posCode == null) {
                errors.add(new RowError(r, "pos_code", "is required: points of sale are matched by their code"));
            } else {
                Draft d = pointsOfSale.computeIfAbsent(posCode, k -> new Draft(r));
                for (String column : List.of("pos_code", "client", "region", "pos_name", "address", "latitude", "longitude",
                        "opening_hours", "time_zone", "monitoring_package", "phone", "email")) {
                    d.merge(r, column, c.get(column), errors);
                }
            }
            if (serial == null) {
                for (String column : MACHINE_COLUMNS) {
                    if (c.containsKey(column)) {
                        errors.add(new RowError(r, "serial", "is required when the row names a machine ("
                                + column + " is given)"));
                        return;
                    }
                }
                return;
            }
            String model = c.get("model");
            if (model == null) {
                errors.add(new RowError(r, "model", "is required for a machine"));
                return;
            }
            Draft m = models.computeIfAbsent(lower(model), k -> new Draft(r));
            m.merge(r, "model", model, errors);
            m.merge(r, "family", lower(c.get("family")), errors);
            machineRows.add(new MachineRow(r, serial, c));
        }

        /** Checks of single cells, so a later step can parse them without failing. */
        private void cellsValid(int r, Map<String, String> c) {
            for (String column : List.of("latitude", "longitude")) {
                if (c.containsKey(column)) {
                    try {
                        Double.parseDouble(c.get(column).replace(',', '.'));
                    } catch (NumberFormatException e) {
                        errors.add(new RowError(r, column, "'" + c.remove(column) + "' is not a number"));
                    }
                }
            }
            if (c.containsKey("ssh_port")) {
                try {
                    Integer.parseInt(c.get("ssh_port"));
                } catch (NumberFormatException e) {
                    errors.add(new RowError(r, "ssh_port", "'" + c.remove("ssh_port") + "' is not a port number"));
                }
            }
            if (c.containsKey("opening_hours")) {
                try {
                    hours(c.get("opening_hours"));
                } catch (ValidationException e) {
                    errors.add(new RowError(r, "opening_hours", e.getMessage()));
                    c.remove("opening_hours");
                }
            }
            if (c.containsKey("secret")) {
                try {
                    MachineSecret.check("secret", c.get("secret"));
                } catch (ValidationException e) {
                    errors.add(new RowError(r, "secret", "must be 16 to 200 characters"));
                    c.remove("secret");
                }
            }
        }

        // ---- checking against the catalogue

        void check(EntityManager em) {
            for (ClientEntity e : em.createQuery("SELECT c FROM ClientEntity c", ClientEntity.class).getResultList()) {
                Draft d = clients.get(lower(e.name));
                if (d != null) {
                    d.existing = e;
                }
            }
            for (RegionEntity e : em.createQuery("SELECT r FROM RegionEntity r", RegionEntity.class).getResultList()) {
                Draft d = regions.get(lower(e.name));
                if (d != null) {
                    d.existing = e;
                }
            }
            for (ModelEntity e : em.createQuery("SELECT m FROM ModelEntity m", ModelEntity.class).getResultList()) {
                Draft d = models.get(lower(e.name));
                if (d != null) {
                    d.existing = e;
                }
            }
            for (PosEntity e : inBatches(em, "SELECT p FROM PosEntity p WHERE p.code IN :keys", PosEntity.class,
                    List.copyOf(pointsOfSale.keySet()))) {
                pointsOfSale.get(e.code).existing = e;
            }
            clients.values().forEach(d -> count(0, d, clientRecord(d, (ClientEntity) d.existing),
                    d.existing == null ? null : ((ClientEntity) d.existing).toRecord()));
            regions.values().forEach(d -> count(1, d, regionRecord(d, (RegionEntity) d.existing),
                    d.existing == null ? null : ((RegionEntity) d.existing).toRecord()));
            for (Draft d : models.values()) {
                ModelEntity e = (ModelEntity) d.existing;
                if (e != null && d.cell("family") != null && !d.cell("family").equals(e.family)) {
                    errors.add(new RowError(d.row, "family", "model '" + e.name + "' is a " + e.family + " model"));
                } else if (e == null && d.cell("family") == null) {
                    errors.add(new RowError(d.row, "family", "is required for the new model '" + d.cell("model")
                            + "'"));
                } else {
                    count(2, d, modelRecord(d, e), e == null ? null : e.toRecord());
                }
            }
            for (Draft d : pointsOfSale.values()) {
                checkPos(d);
            }
            keyMachines(em);
        }

        private void checkPos(Draft d) {
            PosEntity e = (PosEntity) d.existing;
            Draft client = clients.get(lower(d.cell("client")));
            if (client == null) {
                return; // its row already has the error
            }
            ClientEntity owner = (ClientEntity) client.existing;
            if (e != null && (owner == null || !owner.id.equals(e.clientId))) {
                errors.add(new RowError(d.row, "client", "point of sale " + e.code + " belongs to another client; "
                        + "an import does not move points of sale"));
                return;
            }
            Draft region = d.cell("region") == null ? null : regions.get(lower(d.cell("region")));
            Long regionId = region == null ? null : region.existing == null ? -1L : ((RegionEntity) region.existing).id;
            PointOfSale merged = posRecord(d, e == null ? null : e.toRecord(), owner == null ? 1 : owner.id, regionId);
            try {
                CatalogValidator.pointOfSale(merged);
            } catch (ValidationException x) {
                errors.add(new RowError(d.row, column(x.field()), x.detail()));
                return;
            }
            count(3, d, merged, e == null ? null : e.toRecord());
        }

        private void keyMachines(EntityManager em) {
            Map<String, Integer> firstRow = new HashMap<>();
            for (MachineRow m : machineRows) {
                Draft model = models.get(lower(m.cells().get("model")));
                String family = model.cell("family") != null ? model.cell("family")
                        : model.existing == null ? null : ((ModelEntity) model.existing).family;
                if (family == null) {
                    continue; // the model's row has the error
                }
                String key = family + "|" + m.serial();
                Integer before = firstRow.putIfAbsent(key, m.row());
                if (before != null) {
                    errors.add(new RowError(m.row(), "serial", "the " + family + " machine " + m.serial()
                            + " is already in row " + before));
                    continue;
                }
                Draft d = new Draft(m.row());
                d.cells.putAll(m.cells());
                machines.put(key, d);
                keysOfRow.get(m.row() - 1)[2] = key;
            }
            List<String> serials = machineRows.stream().map(MachineRow::serial).distinct().toList();
            for (EquipmentEntity e : inBatches(em, "SELECT e FROM EquipmentEntity e WHERE e.serialNumber IN :keys",
                    EquipmentEntity.class, serials)) {
                Draft d = machines.get(e.family + "|" + e.serialNumber);
                if (d != null) {
                    d.existing = e;
                }
            }
            for (Draft d : machines.values()) {
                EquipmentEntity e = (EquipmentEntity) d.existing;
                Equipment merged = equipmentRecord(d, e == null ? null : e.toRecord(), 1, 1L);
                try {
                    CatalogValidator.equipment(merged);
                } catch (ValidationException x) {
                    errors.add(new RowError(d.row, column(x.field()), x.detail()));
                    continue;
                }
                boolean newSecret = d.cell("secret") != null && (e == null
                        || !MachineSecret.hash(d.cell("secret")).equals(e.telemetrySecretHash));
                Draft model = models.get(lower(d.cell("model")));
                ModelEntity modelNow = (ModelEntity) model.existing;
                PosEntity posNow = (PosEntity) pointsOfSale.get(d.cell("pos_code")).existing;
                boolean moved = e != null && (modelNow == null || modelNow.id != e.modelId || posNow == null
                        || !posNow.id.equals(e.posId));
                Equipment before = e == null ? null : e.toRecord();
                if (e == null || newSecret || moved || !sameExceptIds(merged, before)) {
                    if (e == null) {
                        created[4]++;
                    } else {
                        updated[4]++;
                    }
                }
            }
        }

        private static boolean sameExceptIds(Equipment a, Equipment b) {
            return java.util.Objects.equals(a.inventoryNumber(), b.inventoryNumber())
                    && java.util.Objects.equals(a.host(), b.host()) && java.util.Objects.equals(a.sshPort(), b.sshPort());
        }

        private void count(int kind, Draft d, Record merged, Record before) {
            if (before == null) {
                created[kind]++;
            } else if (!merged.equals(before)) {
                updated[kind]++;
            }
        }

        // ---- writing

        void write(EntityManager em, int from, int to) {
            for (int i = from; i < to; i++) {
                String[] keys = keysOfRow.get(i);
                long posId = pos(em, keys[1]);
                if (keys[2] != null) {
                    machine(em, keys[2], model(em, keys[0]), posId);
                }
            }
        }

        /** The id of an object this import wrote already (in this chunk or a committed one), else null. */
        private Long written(String key) {
            Long id = staged.get(key);
            return id != null ? id : ids.get(key);
        }

        // Each object is written the first time a row needs it, from all its rows' cells merged.

        private long client(EntityManager em, String key) {
            Draft d = clients.get(key);
            return upsert(em, "client:" + key, d, ClientEntity.class, ClientEntity::new, e -> e.id,
                    e -> e.apply(clientRecord(d, e.id == null ? null : e)));
        }

        private long region(EntityManager em, String key) {
            Draft d = regions.get(key);
            return upsert(em, "region:" + key, d, RegionEntity.class, RegionEntity::new, e -> e.id,
                    e -> e.apply(regionRecord(d, e.id == null ? null : e)));
        }

        private long model(EntityManager em, String key) {
            Draft d = models.get(key);
            return upsert(em, "model:" + key, d, ModelEntity.class, ModelEntity::new, e -> e.id,
                    e -> e.apply(modelRecord(d, e.id == null ? null : e)));
        }

        private long pos(EntityManager em, String code) {
            Draft d = pointsOfSale.get(code);
            return upsert(em, "pos:" + code, d, PosEntity.class, PosEntity::new, e -> e.id, e -> {
                long clientId = client(em, lower(d.cell("client")));
                Long regionId = d.cell("region") == null ? null : region(em, lower(d.cell("region")));
                PointOfSale merged = posRecord(d, e.id == null ? null : e.toRecord(), clientId, regionId);
                e.apply(merged, CatalogValidator.pointOfSale(merged),
                        CatalogValidator.cleaningTimes(merged.cleaningTimes()));
            });
        }

        private void machine(EntityManager em, String key, long modelId, long posId) {
            Draft d = machines.get(key);
            upsert(em, "machine:" + key, d, EquipmentEntity.class, EquipmentEntity::new, e -> e.id, e -> {
                e.apply(equipmentRecord(d, e.id == null ? null : e.toRecord(), modelId, posId),
                        key.substring(0, key.indexOf('|')));
                if (d.cell("secret") != null) {
                    e.telemetrySecretHash = MachineSecret.hash(d.cell("secret"));
                }
            });
        }

        /** Writes a draft's object once per import: the stored one re-read in this transaction, or a new one. */
        @SuppressWarnings("unchecked")
        private <E> long upsert(EntityManager em, String key, Draft d, Class<E> type, Supplier<E> fresh,
                Function<E, Long> idOf, Consumer<E> apply) {
            Long written = written(key);
            if (written != null) {
                return written;
            }
            E e = d.existing == null ? fresh.get() : em.find(type, idOf.apply((E) d.existing));
            boolean isNew = idOf.apply(e) == null;
            apply.accept(e);
            if (isNew) {
                em.persist(e);
                em.flush();
            }
            long id = idOf.apply(e);
            staged.put(key, id);
            return id;
        }

        FleetImportReport report(boolean dryRun, boolean written, int chunks) {
            errors.sort(java.util.Comparator.comparingInt(RowError::row));
            return new FleetImportReport(rows.size(), dryRun, written, chunks, counts(created), counts(updated),
                    errors);
        }

        private static Counts counts(int[] n) {
            return new Counts(n[0], n[1], n[2], n[3], n[4]);
        }
    }

    // ---- records from the file's cells over what is stored

    private static Client clientRecord(Draft d, ClientEntity e) {
        Client base = e == null ? new Client(null, null, null, null, null, null, 0) : e.toRecord();
        return new Client(base.id(), d.cell("client"), or(d, "client_code", base.code()), base.email(), base.phone(),
                base.notes(), base.version());
    }

    private static Region regionRecord(Draft d, RegionEntity e) {
        Region base = e == null ? new Region(null, null, null, 0) : e.toRecord();
        return new Region(base.id(), d.cell("region"), base.code(), base.version());
    }

    private static EquipmentModel modelRecord(Draft d, ModelEntity e) {
        EquipmentModel base = e == null ? new EquipmentModel(null, null, null, null, null, false, false, 0)
                : e.toRecord();
        return new EquipmentModel(base.id(), d.cell("model"), base.manufacturer(), base.type(),
                or(d, "family", base.family()), base.supportsRecipes(), base.supportsPromo(), base.version());
    }

    private static PointOfSale posRecord(Draft d, PointOfSale stored, long clientId, Long regionId) {
        PointOfSale b = stored != null ? stored : new PointOfSale(null, null, null, 0, null, null, null, null,
                Map.of(), null, null, null, null, null, null, null, null, null, null, 0, null);
        return new PointOfSale(b.id(), or(d, "pos_name", b.name()), or(d, "pos_code", b.code()), clientId, regionId != null ? regionId : b.regionId(),
                or(d, "address", b.address()), number(d, "latitude", b.latitude()),
                number(d, "longitude", b.longitude()),
                d.cell("opening_hours") == null ? b.openingHours() : hours(d.cell("opening_hours")),
                b.cleaningTimes(), or(d, "monitoring_package", b.monitoringPackage()), b.slaLevel(),
                b.serviceOrganisation(), b.auditOrganisation(), b.helpdeskRoute(), b.serviceMechanic(),
                b.auditMechanic(), or(d, "phone", b.phone()), or(d, "email", b.email()), b.version(),
                or(d, "time_zone", b.timeZone()));
    }

    private static Equipment equipmentRecord(Draft d, Equipment stored, long modelId, Long posId) {
        Equipment b = stored != null ? stored : new Equipment(null, modelId, d.cell("serial"), posId, null, null,
                null, Map.of(), false, Map.of(), 0);
        String port = d.cell("ssh_port");
        return new Equipment(b.id(), modelId, b.serialNumber(), posId, or(d, "inventory_number", b.inventoryNumber()),
                or(d, "host", b.host()), port == null ? b.sshPort() : Integer.valueOf(port), b.firmware(), b.rented(),
                b.attributes(), b.version());
    }

    private static String or(Draft d, String column, String stored) {
        String v = d.cell(column);
        return v != null ? v : stored;
    }

    private static Double number(Draft d, String column, Double stored) {
        String v = d.cell(column);
        return v != null ? Double.valueOf(v.replace(',', '.')) : stored;
    }

    /** {@code MON-FRI=07:00-22:00; SAT-SUN=closed}: items apart by {@code ;} or blanks. */
    static Map<String, String> hours(String cell) {
        return OpeningHours.fromItems(List.of(cell.strip().split("[;\\s]+")), "opening_hours");
    }

    private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(Map.entry("name", "pos_name"),
            Map.entry("code", "pos_code"), Map.entry("clientId", "client"), Map.entry("regionId", "region"),
            Map.entry("monitoringPackage", "monitoring_package"), Map.entry("timeZone", "time_zone"),
            Map.entry("serialNumber", "serial"), Map.entry("inventoryNumber", "inventory_number"),
            Map.entry("sshPort", "ssh_port"), Map.entry("modelId", "model"));

    private static String column(String field) {
        if (field == null) {
            return null;
        }
        if (field.startsWith("openingHours")) {
            return "opening_hours";
        }
        return COLUMN_OF_FIELD.getOrDefault(field, field);
    }

    private static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static <E> List<E> inBatches(EntityManager em, String jpql, Class<E> type, List<String> keys) {
        List<E> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += IN_LIST) {
            out.addAll(em.createQuery(jpql, type).setParameter("keys", keys.subList(i, Math.min(keys.size(),
                    i + IN_LIST))).getResultList());
        }
        return out;
    }
}
