package org.coffeecontrol.remote.internal.deferred;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.telemetry.MachineJob;
import org.coffeecontrol.api.telemetry.MachineOutbox;
import org.coffeecontrol.api.telemetry.PolledMachine;
import org.coffeecontrol.remote.api.DeferredQuery;
import org.coffeecontrol.remote.api.DeferredSqlService;
import org.coffeecontrol.remote.api.DeferredState;
import org.coffeecontrol.remote.internal.db.RemoteDatabase;
import org.coffeecontrol.remote.internal.machine.Machine;
import org.coffeecontrol.remote.internal.machine.MachineGateway;
import org.coffeecontrol.remote.internal.machine.RemotePermissions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RC-4. The folder {@code <deferredRoot>/<equipment type>/<serial>} is the inbox, as in the manual: any
 * {@code *.txt} found there is registered (or, without a {@code Fast ID} line or with a statement machines may not
 * run, recorded as INVALID and renamed {@code *.invalid}: kept, never sent). When the machine calls home the pending
 * ones go out as {@code sql} jobs and the files are renamed {@code *.sendtxt}; the daemon uploads the result.
 * The database row, not the file, says what happened, so a lost answer is simply handed out again.
 */
@Component(service = { DeferredSqlService.class, MachineOutbox.class })
public class DeferredSqlServiceImpl implements DeferredSqlService, MachineOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(DeferredSqlServiceImpl.class);
    static final String JOB_PREFIX = "dsql-";
    static final String FILE_CREATOR = "file";
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final MachineGateway gateway;
    private final DeferredStore store;
    private final Map<Long, Path> folders = new ConcurrentHashMap<>();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    private final Set<Long> open = ConcurrentHashMap.newKeySet();

    @Activate
    public DeferredSqlServiceImpl(@Reference MachineGateway gateway, @Reference RemoteDatabase database) {
        this.gateway = gateway;
        this.store = new DeferredStore(database.jdbc());
        open.addAll(store.machinesWithOpenQueries());
    }

    private void requireSql(Caller caller, String action) {
        RemotePermissions.require(caller, action, gateway.settings().permissions().sql());
    }

    /** The machine's home folder on the server. Names are cleaned so that no model name can leave the root. */
    Path folder(EquipmentModel model, String serial) {
        return gateway.settings().deferredRoot().resolve(safe(model.name())).resolve(safe(serial));
    }

    static String safe(String name) {
        String s = name == null ? "" : name.strip().replaceAll("[^A-Za-z0-9 ._+-]", "_");
        return s.isEmpty() || s.chars().allMatch(c -> c == '.') ? "_" : s;
    }

    private Object lock(long equipmentId) {
        return locks.computeIfAbsent(equipmentId, id -> new Object());
    }

    // ---- operators

    @Override
    public DeferredQuery create(Caller caller, String serial, String content) {
        requireSql(caller, "create deferred SQL");
        Machine m = gateway.machine(caller, serial);
        if (content != null && content.length() > DeferredFile.MAX_BYTES) {
            throw new ValidationException("content", "longer than " + DeferredFile.MAX_BYTES + " characters");
        }
        DeferredFile file = DeferredFile.parse(content);
        Path folder = folder(m.model(), m.serial());
        synchronized (lock(m.id())) {
            scan(m.id(), m.serial(), folder);
            try {
                Files.createDirectories(folder);
                String base = file.fastId().isEmpty() ? "query-" + NAME_TIME.format(Instant.now())
                        : "fast-" + safe(file.fastId()).replace(' ', '_');
                Path target = unique(folder, base, ".txt");
                Path tmp = folder.resolve(target.getFileName() + ".tmp");
                Files.writeString(tmp, file.text(), StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                long id = store.insert(m.id(), m.serial(), target.getFileName().toString(), file, DeferredState.PENDING,
                        caller.username(), null);
                open.add(m.id());
                LOG.info("{} placed deferred query {} for {}", caller.username(), target.getFileName(), m.serial());
                return store.get(id).orElseThrow().toQuery(gateway.settings().sqlMaxRows());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write into " + folder + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public List<DeferredQuery> list(Caller caller, String serial) {
        requireSql(caller, "read deferred SQL");
        Machine m = gateway.machine(caller, serial);
        synchronized (lock(m.id())) {
            scan(m.id(), m.serial(), folder(m.model(), m.serial()));
        }
        int max = gateway.settings().sqlMaxRows();
        return store.forMachine(m.id()).stream().map(r -> r.toQuery(max)).toList();
    }

    @Override
    public DeferredQuery get(Caller caller, long id) {
        requireSql(caller, "read deferred SQL");
        DeferredStore.Row row = store.get(id).orElseThrow(() -> new NotFoundException("Deferred query", id));
        // NotFound as well when the machine belongs to a client the caller may not see
        gateway.catalog().equipment(caller, row.equipmentId());
        return row.toQuery(gateway.settings().sqlMaxRows());
    }

    // ---- machines calling home

    @Override
    public List<MachineJob> poll(PolledMachine machine) {
        Path folder = folders.computeIfAbsent(machine.equipmentId(), id -> lookUpFolder(id, machine.serial()));
        if (folder == null) {
            return List.of();
        }
        long id = machine.equipmentId();
        synchronized (lock(id)) {
            scan(id, machine.serial(), folder);
            if (!open.contains(id)) {
                return List.of();
            }
            Instant now = Instant.now();
            List<MachineJob> jobs = new ArrayList<>();
            for (DeferredStore.Row row : store.due(id, now.minus(gateway.settings().deferredRedeliver()))) {
                if (row.state() == DeferredState.PENDING) {
                    markSent(folder, row.fileName());
                }
                store.delivered(row.id(), now);
                jobs.add(new MachineJob(JOB_PREFIX + row.id(), "sql", Map.of("fastId", row.fastId(), "sql", row.sql())));
            }
            if (jobs.isEmpty() && !store.hasOpen(id)) {
                open.remove(id);
            }
            if (!jobs.isEmpty()) {
                LOG.info("Handed {} deferred quer{} to {}", jobs.size(), jobs.size() == 1 ? "y" : "ies", machine.serial());
            }
            return jobs;
        }
    }

    private Path lookUpFolder(long equipmentId, String serial) {
        try {
            Caller system = Caller.system();
            Equipment e = gateway.catalog().equipment(system, equipmentId);
            return folder(gateway.catalog().model(system, e.modelId()), serial);
        } catch (RuntimeException e) {
            LOG.debug("No deferred SQL folder for {}: {}", serial, e.getMessage());
            return null;
        }
    }

    @Override
    public boolean complete(PolledMachine machine, String jobId, boolean succeeded, byte[] result) {
        if (jobId == null || !jobId.startsWith(JOB_PREFIX)) {
            return false;
        }
        long id;
        try {
            id = Long.parseLong(jobId.substring(JOB_PREFIX.length()));
        } catch (NumberFormatException e) {
            return false;
        }
        DeferredStore.Row row = store.get(id).orElse(null);
        if (row == null || row.equipmentId() != machine.equipmentId()) {
            return false;
        }
        String text = new String(result == null ? new byte[0] : result, StandardCharsets.UTF_8);
        if (store.complete(id, machine.equipmentId(), succeeded, text, succeeded ? null : text.strip())) {
            LOG.info("Deferred query {} of {} {}", row.fileName(), machine.serial(), succeeded ? "done" : "failed");
        }
        synchronized (lock(machine.equipmentId())) {
            if (!store.hasOpen(machine.equipmentId())) {
                open.remove(machine.equipmentId());
            }
        }
        return true;
    }

    // ---- the folder

    /** Registers {@code *.txt} files not seen before. Caller holds the machine's lock. */
    private void scan(long equipmentId, String serial, Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.txt")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", folder, e.getMessage());
            return;
        }
        if (files.isEmpty()) {
            return;
        }
        Set<String> known = store.pendingFiles(equipmentId);
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (known.contains(name) || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                DeferredFile file = DeferredFile.parse(read(f));
                store.insert(equipmentId, serial, name, file, DeferredState.PENDING, FILE_CREATOR, null);
                open.add(equipmentId);
                LOG.info("Deferred query {} found for {}", name, serial);
            } catch (ValidationException e) {
                Path kept = rename(f, ".invalid");
                store.insert(equipmentId, serial, name, null, DeferredState.INVALID, FILE_CREATOR,
                        e.detail() + " (kept as " + kept.getFileName() + ")");
                LOG.warn("Deferred query {} of {} refused: {}", name, serial, e.detail());
            } catch (IOException e) {
                LOG.warn("Cannot read deferred query {}: {}", f, e.getMessage());
            }
        }
    }

    private static String read(Path f) throws IOException {
        if (Files.size(f) > DeferredFile.MAX_BYTES) {
            throw new ValidationException("content", "larger than " + DeferredFile.MAX_BYTES + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f))).toString();
        } catch (CharacterCodingException e) {
            throw new ValidationException("content", "not UTF-8 text");
        }
    }

    private static void markSent(Path folder, String fileName) {
        Path f = folder.resolve(fileName);
        if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
            rename(f, ".sendtxt");
        }
    }

    /** {@code q.txt} becomes {@code q<ext>}, or {@code q-2<ext>} when that exists: an earlier file is never overwritten. */
    private static Path rename(Path f, String ext) {
        String name = f.getFileName().toString();
        String base = name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
        try {
            Path target = unique(f.getParent(), base, ext);
            Files.move(f, target);
            return target;
        } catch (IOException e) {
            LOG.warn("Cannot rename {}: {}", f, e.getMessage());
            return f;
        }
    }

    private static Path unique(Path folder, String base, String ext) {
        Path p = folder.resolve(base + ext);
        for (int n = 2; Files.exists(p, LinkOption.NOFOLLOW_LINKS); n++) {
            p = folder.resolve(base + "-" + n + ext);
        }
        return p;
    }
}
