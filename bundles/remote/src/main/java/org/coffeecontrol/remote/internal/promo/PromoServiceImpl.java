package org.coffeecontrol.remote.internal.promo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.driver.PromoImageSpec;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.telemetry.MachineJob;
import org.coffeecontrol.api.telemetry.MachineOutbox;
import org.coffeecontrol.api.telemetry.PolledMachine;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.PromoCampaign;
import org.coffeecontrol.remote.api.PromoDelivery;
import org.coffeecontrol.remote.api.PromoDelivery.State;
import org.coffeecontrol.remote.api.PromoRequest;
import org.coffeecontrol.remote.api.PromoService;
import org.coffeecontrol.remote.api.RemoteOperationException;
import org.coffeecontrol.remote.internal.db.RemoteDatabase;
import org.coffeecontrol.remote.internal.machine.Futures;
import org.coffeecontrol.remote.internal.machine.Machine;
import org.coffeecontrol.remote.internal.machine.MachineGateway;
import org.coffeecontrol.remote.internal.machine.RemoteConfig;
import org.coffeecontrol.remote.internal.machine.RemotePermissions;
import org.coffeecontrol.remote.internal.transport.SshTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RC-6. One queue of transfers for the whole platform, at most {@code promoParallel} of them on the SSH transport
 * at once: a campaign to thousands of machines never floods the transport's own queue, and a dead machine holds one
 * slot until its timeout while the others keep going. Each machine's line of the send log is claimed in the
 * database before its transfer, so a resend and a machine calling home can never send twice at once.
 * <p>
 * Offline: a machine whose daemon has not called home for {@code promoOfflineAfterSeconds} (as seen through the
 * {@link MachineOutbox} polls since this bundle started) is skipped; machines skipped, unreachable or timed out get
 * the image as soon as they call home again.
 */
@Component(service = { PromoService.class, MachineOutbox.class }, configurationPid = RemoteConfig.PID)
public class PromoServiceImpl implements PromoService, MachineOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(PromoServiceImpl.class);
    private static final String FILE_NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
    private static final Map<String, Set<String>> EXTENSIONS = Map.of("png", Set.of("png"), "jpeg",
            Set.of("jpg", "jpeg"), "gif", Set.of("gif"), "bmp", Set.of("bmp"));
    private static final long PUSH_INTERVAL_MILLIS = 250;

    /** One machine's transfer; {@code machine} is null when it must be looked up again. */
    private record Transfer(long deliveryId, long campaignId, long equipmentId, Machine machine) {
    }

    private record Watcher(Caller caller, Consumer<PromoCampaign> listener) {
    }

    private final MachineGateway gateway;
    private final PromoStore store;
    private final Path images;
    private final Duration offlineAfter;
    private final ConcurrentLinkedQueue<Transfer> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<Long, Instant> lastPoll = new ConcurrentHashMap<>();
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private final Map<Long, byte[]> imageCache = new ConcurrentHashMap<>();
    private final Map<Long, List<Watcher>> watchers = new ConcurrentHashMap<>();
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();
    private final ExecutorService callbacks;
    private final ScheduledExecutorService pusher;

    @Activate
    public PromoServiceImpl(@Reference MachineGateway gateway, @Reference RemoteDatabase database, RemoteConfig config) {
        this.gateway = gateway;
        this.store = new PromoStore(database.jdbc());
        this.images = imageStore(config);
        this.offlineAfter = Duration.ofSeconds(Math.max(1, config.promoOfflineAfterSeconds()));
        int cut = store.interrupted();
        if (cut > 0) {
            LOG.warn("{} promo transfers were cut short by the last stop; they are marked failed for a resend", cut);
        }
        waiting.addAll(store.machinesWaiting());
        // Recording a result is database work: not on the SSH transport's threads.
        this.callbacks = Executors.newFixedThreadPool(2, daemon("coffee-promo"));
        this.pusher = Executors.newSingleThreadScheduledExecutor(daemon("coffee-promo-progress"));
        pusher.scheduleWithFixedDelay(this::pushProgress, PUSH_INTERVAL_MILLIS, PUSH_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private static Path imageStore(RemoteConfig config) {
        if (!config.promoStore().isBlank()) {
            return Path.of(config.promoStore());
        }
        String data = System.getProperty("karaf.data");
        return data == null ? Path.of("coffee-remote", "promo") : Path.of(data, "coffee-remote", "promo");
    }

    @Deactivate
    void deactivate() {
        pusher.shutdownNow();
        callbacks.shutdownNow();
    }

    private void require(Caller caller, String action) {
        RemotePermissions.require(caller, action, gateway.settings().promoRoles());
    }

    // ---- sending

    @Override
    public PromoCampaign send(Caller caller, PromoRequest request) {
        require(caller, "distribute promo images");
        if (request == null) {
            throw new ValidationException("image", "an image and its recipients are required");
        }
        String fileName = request.fileName() == null ? "" : request.fileName().strip();
        if (!fileName.matches(FILE_NAME) || fileName.contains("..")) {
            throw new ValidationException("fileName", "'" + abbreviate(fileName) + "' is not a plain file name: use "
                    + "letters, digits, '.', '_' and '-', no folders");
        }
        byte[] image = request.image();
        if (image == null || image.length == 0) {
            throw new ValidationException("image", "the image is empty");
        }
        if (image.length > gateway.settings().maxFileBytes()) {
            throw new ValidationException("image", image.length + " bytes; the limit is "
                    + gateway.settings().maxFileBytes());
        }
        ImageInfo info = ImageInfo.read(image).orElseThrow(
                () -> new ValidationException("image", "not a PNG, JPEG, GIF or BMP image"));
        String ext = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!EXTENSIONS.get(info.format()).contains(ext)) {
            throw new ValidationException("fileName", "the image is " + info.format().toUpperCase(Locale.ROOT)
                    + ": name it ." + EXTENSIONS.get(info.format()).iterator().next());
        }
        Map<Long, Recipient> recipients = new Recipients(gateway, caller).expand(request);
        List<Recipient> able = recipients.values().stream().filter(r -> r.model().supportsPromo()).toList();
        if (able.isEmpty()) {
            throw new ValidationException("recipients", recipients.size() + " machine(s) chosen, none of a model "
                    + "that can show promo images");
        }
        checkLimits(info, image.length, able);
        Instant now = Instant.now();
        long id;
        try {
            id = store.insertCampaign(info, fileName, image.length, sha256(image), describe(request),
                    caller.username());
            Files.createDirectories(images);
            Files.write(imagePath(id, fileName), image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the image in " + images + ": " + e.getMessage(), e);
        }
        imageCache.put(id, image);
        List<Transfer> transfers = new ArrayList<>();
        for (Recipient r : able) {
            Machine m = r.machine();
            Optional<String> refusal = refusal(m);
            Instant seen = lastPoll.get(m.id());
            if (refusal.isPresent()) {
                store.insertDelivery(id, m.id(), m.serial(), m.family(), r.clientId(), State.FAILED,
                        Outcome.NOT_CONFIGURED, refusal.get());
            } else if (seen != null && seen.isBefore(now.minus(offlineAfter))) {
                store.insertDelivery(id, m.id(), m.serial(), m.family(), r.clientId(), State.SKIPPED_OFFLINE, null,
                        "offline: last call home " + seen + "; sent when it calls again");
                waiting.add(m.id());
            } else {
                long d = store.insertDelivery(id, m.id(), m.serial(), m.family(), r.clientId(), State.PENDING, null,
                        null);
                transfers.add(new Transfer(d, id, m.id(), m));
            }
        }
        LOG.info("{} started promo campaign {} ({}, {} bytes) to {} machines", caller.username(), id, fileName,
                image.length, able.size());
        queue.addAll(transfers);
        changed.add(id);
        callbacks.execute(this::pump);
        return campaign(caller, id);
    }

    /** Every family among the recipients must take the image; one message names all that do not. */
    private void checkLimits(ImageInfo info, long size, List<Recipient> recipients) {
        Map<String, String> problems = new TreeMap<>();
        for (Recipient r : recipients) {
            String family = r.machine().family();
            Optional<PromoImageSpec> spec = gateway.driver(r.machine()).flatMap(d -> d.promoImages());
            if (spec.isEmpty() || problems.containsKey(family)) {
                continue;
            }
            PromoImageSpec s = spec.get();
            List<String> why = new ArrayList<>();
            if (!s.formats().contains(info.format())) {
                why.add(info.format().toUpperCase(Locale.ROOT) + " is not among " + String.join(", ", new java.util.TreeSet<>(s.formats())));
            }
            if (size > s.maxBytes()) {
                why.add(size + " bytes exceed " + s.maxBytes());
            }
            if (info.width() > s.maxWidth() || info.height() > s.maxHeight()) {
                why.add(info.width() + "x" + info.height() + " exceeds " + s.maxWidth() + "x" + s.maxHeight());
            }
            if (!why.isEmpty()) {
                problems.put(family, family + " machines: " + String.join("; ", why));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("image", String.join(" | ", problems.values()));
        }
    }

    /** Why the machine cannot get an image at all, before any connection. */
    private Optional<String> refusal(Machine m) {
        var driver = gateway.driver(m);
        if (driver.isEmpty()) {
            return Optional.of("no driver for the " + m.family() + " family is running");
        }
        if (driver.get().promoImages().isEmpty()) {
            return Optional.of(driver.get().info().displayName() + " machines show no promo images");
        }
        return Optional.empty();
    }

    /** Starts transfers while slots are free. Never throws: a broken transfer is recorded, not lost. */
    private void pump() {
        int max = gateway.settings().promoParallel();
        while (true) {
            int n = inFlight.get();
            if (n >= max) {
                return;
            }
            if (!inFlight.compareAndSet(n, n + 1)) {
                continue;
            }
            Transfer t = queue.poll();
            if (t == null) {
                inFlight.decrementAndGet();
                if (queue.isEmpty()) {
                    return;
                }
                continue;
            }
            CompletableFuture<Void> started;
            try {
                started = start(t);
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            if (started == null) {
                inFlight.decrementAndGet();
                continue;
            }
            long t0 = System.nanoTime();
            started.whenCompleteAsync((ok, failure) -> {
                try {
                    finished(t, failure, (System.nanoTime() - t0) / 1_000_000);
                } finally {
                    inFlight.decrementAndGet();
                    pump();
                }
            }, callbacks);
        }
    }

    /** @return null when the delivery is no longer this transfer's (a resend or poll took it) */
    private CompletableFuture<Void> start(Transfer t) {
        if (!store.claim(t.deliveryId(), State.PENDING)) {
            return null;
        }
        changed.add(t.campaignId());
        Machine m = t.machine() != null ? t.machine() : machineById(t.equipmentId());
        PromoImageSpec spec = gateway.driver(m).flatMap(d -> d.promoImages()).orElseThrow(
                () -> new RemoteOperationException(Outcome.NOT_CONFIGURED, refusal(m).orElse("no promo support")));
        PromoStore.Campaign c = store.campaign(t.campaignId()).orElseThrow();
        byte[] image = image(c);
        SshTarget target = gateway.target(m);
        String folder = spec.folder();
        return gateway.transport().sftp(target, gateway.settings().promoTimeout(), sftp -> {
            write(sftp, folder, c.fileName(), image);
            return null;
        });
    }

    /**
     * Writes under a temporary name and renames, so the machine's player never shows half an image; then checks
     * the size the machine reports.
     */
    private static void write(SftpClient sftp, String folder, String fileName, byte[] image) throws IOException {
        try {
            SftpClient.Attributes a = sftp.lstat(folder);
            if (a.isSymbolicLink() || !a.isDirectory()) {
                throw new ValidationException("path", folder + " on the machine is not a plain folder");
            }
        } catch (SftpException e) {
            if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
                throw e;
            }
            mkdir(sftp, folder);
        }
        String target = folder + "/" + fileName;
        String part = folder + "/." + fileName + "." + Long.toHexString(System.nanoTime()) + ".part";
        try (OutputStream out = sftp.write(part)) {
            out.write(image);
        }
        // SFTP v3 (what most machines speak) has no rename that overwrites: remove, then rename; once more if
        // another transfer put the file back in between.
        for (int attempt = 1;; attempt++) {
            removeIfThere(sftp, target);
            try {
                sftp.rename(part, target);
                break;
            } catch (SftpException e) {
                if (attempt == 2 || e.getStatus() != SftpConstants.SSH_FX_FILE_ALREADY_EXISTS
                        && e.getStatus() != SftpConstants.SSH_FX_FAILURE) {
                    removeIfThere(sftp, part);
                    throw e;
                }
            }
        }
        long size = sftp.lstat(target).getSize();
        if (size != image.length) {
            throw new IOException("the machine holds " + size + " bytes of " + image.length);
        }
    }

    private static void mkdir(SftpClient sftp, String folder) throws IOException {
        try {
            sftp.mkdir(folder);
        } catch (SftpException e) {
            // made meanwhile by another transfer is fine
            if (!sftp.lstat(folder).isDirectory()) {
                throw e;
            }
        }
    }

    private static void removeIfThere(SftpClient sftp, String path) throws IOException {
        try {
            sftp.remove(path);
        } catch (SftpException e) {
            if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
                throw e;
            }
        }
    }

    private void finished(Transfer t, Throwable failure, long millis) {
        Throwable f = failure == null ? null : Futures.unwrap(failure);
        try {
            if (f == null) {
                store.finish(t.deliveryId(), State.SENT, Outcome.OK, millis, null);
            } else {
                Outcome outcome = f instanceof RemoteOperationException r ? r.outcome()
                        : f instanceof ValidationException ? Outcome.REFUSED : Outcome.ERROR;
                String message = f instanceof CoffeeException ? f.getMessage() : Futures.remote(f).getMessage();
                if (f instanceof ValidationException v) {
                    message = v.detail();
                }
                store.finish(t.deliveryId(), State.FAILED, outcome, millis, message);
                if (PromoStore.ABSENT.contains(outcome)) {
                    waiting.add(t.equipmentId());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Could not record the promo transfer {} of campaign {}", t.deliveryId(), t.campaignId(), e);
        }
        changed.add(t.campaignId());
    }

    private Machine machineById(long equipmentId) {
        Caller system = Caller.system();
        Equipment e = gateway.catalog().equipment(system, equipmentId);
        return new Machine(e, gateway.catalog().model(system, e.modelId()));
    }

    private byte[] image(PromoStore.Campaign c) {
        return imageCache.computeIfAbsent(c.id(), id -> {
            try {
                return Files.readAllBytes(imagePath(id, c.fileName()));
            } catch (IOException e) {
                throw new RemoteOperationException(Outcome.ERROR, "the campaign's image is gone from " + images);
            }
        });
    }

    private Path imagePath(long campaignId, String fileName) {
        return images.resolve(campaignId + "-" + fileName);
    }

    // ---- machines calling home

    @Override
    public List<MachineJob> poll(PolledMachine machine) {
        lastPoll.put(machine.equipmentId(), Instant.now());
        if (waiting.remove(machine.equipmentId())) {
            callbacks.execute(() -> resendTo(machine.equipmentId()));
        }
        return List.of();
    }

    private void resendTo(long equipmentId) {
        try {
            for (PromoDelivery d : store.waitingFor(equipmentId)) {
                if (store.requeue(d.id())) {
                    LOG.info("{} is back: sending it campaign {} again", d.serial(), d.campaignId());
                    queue.add(new Transfer(d.id(), d.campaignId(), equipmentId, null));
                    changed.add(d.campaignId());
                }
            }
            pump();
        } catch (RuntimeException e) {
            waiting.add(equipmentId);
            LOG.warn("Could not queue the promo images waiting for machine {}", equipmentId, e);
        }
    }

    @Override
    public boolean complete(PolledMachine machine, String jobId, boolean succeeded, byte[] result) {
        return false;
    }

    // ---- reading

    @Override
    public List<PromoCampaign> campaigns(Caller caller, int limit) {
        require(caller, "read promo campaigns");
        int n = limit <= 0 ? 50 : Math.min(limit, 500);
        List<PromoCampaign> out = new ArrayList<>();
        for (PromoStore.Campaign c : store.campaigns(n)) {
            PromoCampaign p = progress(c, caller);
            if (p.total() > 0 || caller.allClients()) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public PromoCampaign campaign(Caller caller, long id) {
        require(caller, "read promo campaigns");
        return visible(caller, id);
    }

    /** A campaign without any machine of the caller's clients does not exist for the caller. */
    private PromoCampaign visible(Caller caller, long id) {
        PromoStore.Campaign c = store.campaign(id).orElseThrow(() -> new NotFoundException("Promo campaign", id));
        PromoCampaign p = progress(c, caller);
        if (p.total() == 0 && !caller.allClients()) {
            throw new NotFoundException("Promo campaign", id);
        }
        return p;
    }

    private PromoCampaign progress(PromoStore.Campaign c, Caller caller) {
        Map<State, Integer> n = store.counts(c.id(), caller);
        int total = n.values().stream().mapToInt(Integer::intValue).sum();
        int pending = n.getOrDefault(State.PENDING, 0) + n.getOrDefault(State.SENDING, 0);
        return new PromoCampaign(c.id(), c.fileName(), c.format(), c.sizeBytes(), c.width(), c.height(), c.sha256(),
                c.recipients(), c.createdBy(), c.createdAt(), total, pending, n.getOrDefault(State.SENT, 0),
                n.getOrDefault(State.FAILED, 0), n.getOrDefault(State.SKIPPED_OFFLINE, 0), pending > 0);
    }

    @Override
    public List<PromoDelivery> deliveries(Caller caller, long campaignId) {
        require(caller, "read promo send logs");
        visible(caller, campaignId);
        return store.deliveries(campaignId, caller);
    }

    @Override
    public PromoCampaign resendFailed(Caller caller, long campaignId) {
        require(caller, "resend promo images");
        visible(caller, campaignId);
        int n = 0;
        for (PromoDelivery d : store.deliveries(campaignId, caller)) {
            if ((d.state() == State.FAILED || d.state() == State.SKIPPED_OFFLINE) && store.requeue(d.id())) {
                queue.add(new Transfer(d.id(), campaignId, d.equipmentId(), null));
                n++;
            }
        }
        LOG.info("{} resends campaign {} to {} machines", caller.username(), campaignId, n);
        changed.add(campaignId);
        callbacks.execute(this::pump);
        return visible(caller, campaignId);
    }

    @Override
    public String exportCsv(Caller caller, long campaignId) {
        List<PromoDelivery> log = deliveries(caller, campaignId);
        PromoStore.Campaign c = store.campaign(campaignId).orElseThrow();
        StringBuilder sb = new StringBuilder("campaign,file,serial,family,state,attempts,updated_at,duration_ms,outcome,message\n");
        for (PromoDelivery d : log) {
            sb.append(String.join(",", String.valueOf(campaignId), csv(c.fileName()), csv(d.serial()), csv(d.family()),
                    d.state().name(), String.valueOf(d.attempts()), String.valueOf(d.updatedAt()),
                    d.durationMillis() == null ? "" : String.valueOf(d.durationMillis()),
                    d.outcome() == null ? "" : d.outcome().name(), csv(d.message()))).append('\n');
        }
        return sb.toString();
    }

    /** RFC 4180 quoting; a leading = + - @ is defused so that a spreadsheet does not run it as a formula. */
    static String csv(String s) {
        if (s == null) {
            return "";
        }
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.matches("[^,\"\r\n]*") ? v : "\"" + v.replace("\"", "\"\"") + "\"";
    }

    // ---- live progress

    @Override
    public AutoCloseable watch(Caller caller, long campaignId, Consumer<PromoCampaign> listener) {
        require(caller, "read promo campaigns");
        visible(caller, campaignId);
        Watcher w = new Watcher(caller, listener);
        watchers.computeIfAbsent(campaignId, id -> new CopyOnWriteArrayList<>()).add(w);
        changed.add(campaignId);
        return () -> watchers.computeIfPresent(campaignId, (id, list) -> {
            list.remove(w);
            return list.isEmpty() ? null : list;
        });
    }

    private void pushProgress() {
        for (Long id : List.copyOf(changed)) {
            changed.remove(id);
            List<Watcher> list = watchers.get(id);
            if (list == null) {
                continue;
            }
            for (Watcher w : list) {
                try {
                    w.listener().accept(visible(w.caller(), id));
                } catch (RuntimeException e) {
                    LOG.debug("Promo progress listener failed", e);
                }
            }
        }
    }

    // ---- helpers

    private static String describe(PromoRequest r) {
        Map<String, List<?>> parts = new LinkedHashMap<>();
        parts.put("clients", r.clientIds());
        parts.put("regions", r.regionIds());
        parts.put("points of sale", r.posIds());
        parts.put("machines", r.serials());
        StringBuilder sb = new StringBuilder();
        parts.forEach((k, v) -> {
            if (!v.isEmpty()) {
                sb.append(sb.length() > 0 ? "; " : "").append(k).append(' ').append(
                        String.join(", ", v.stream().map(String::valueOf).toList()));
            }
        });
        return sb.toString();
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
