package org.coffeecontrol.remote.internal.recipe;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.driver.Recipe;
import org.coffeecontrol.api.driver.RecipeDialect;
import org.coffeecontrol.api.driver.RecipeField;
import org.coffeecontrol.api.driver.RecipeRead;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.CommandRun;
import org.coffeecontrol.remote.api.DriftReport;
import org.coffeecontrol.remote.api.MachineDrift;
import org.coffeecontrol.remote.api.MachineRecipes;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.RecipeCard;
import org.coffeecontrol.remote.api.RecipeCardEntry;
import org.coffeecontrol.remote.api.RecipeDeviation;
import org.coffeecontrol.remote.api.RecipeService;
import org.coffeecontrol.remote.api.RemoteOperationException;
import org.coffeecontrol.remote.internal.command.CommandRunStore;
import org.coffeecontrol.remote.internal.db.RemoteDatabase;
import org.coffeecontrol.remote.internal.machine.Futures;
import org.coffeecontrol.remote.internal.machine.Machine;
import org.coffeecontrol.remote.internal.machine.MachineGateway;
import org.coffeecontrol.remote.internal.machine.RemotePermissions;
import org.coffeecontrol.remote.internal.transport.ExecResult;
import org.coffeecontrol.remote.internal.transport.SshTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * RC-2: the family's dialect plans, the transport runs, this class checks. A write is confirmed only by reading the
 * recipes back; writes and card restores are recorded in the command history like commands.
 */
@Component(service = RecipeService.class)
public class RecipeServiceImpl implements RecipeService {

    static final String WRITE = "recipe-write";
    static final String RESTORE = "recipe-restore-card";
    private static final int MAX_CARD_ENTRIES = 500;

    private final MachineGateway gateway;
    private final CommandRunStore runs;
    private final RecipeCardStore cards;

    @Activate
    public RecipeServiceImpl(@Reference MachineGateway gateway, @Reference RemoteDatabase database) {
        this.gateway = gateway;
        this.runs = new CommandRunStore(database.jdbc());
        this.cards = new RecipeCardStore(database.jdbc());
    }

    private RemotePermissions.Recipes roles() {
        return gateway.settings().permissions().recipes();
    }

    /** A machine whose recipes can be edited, with its family's dialect. */
    private record Subject(Machine machine, RecipeDialect dialect, Long clientId) {
    }

    private Subject subject(Caller caller, String serial) {
        Machine m = gateway.machine(caller, serial);
        return subject(m, gateway.requireDriver(m));
    }

    private Subject subject(Machine m, MachineDriver driver) {
        RecipeDialect dialect = driver.recipes().orElse(null);
        if (dialect == null || !m.model().supportsRecipes() || !dialect.supports(m.model().name())) {
            throw new RemoteOperationException(Outcome.NOT_CONFIGURED, m.serial() + " is a " + m.model().name()
                    + ": this model has no editable recipes");
        }
        return new Subject(m, dialect, clientOf(m.equipment()));
    }

    /** The client of the machine's point of sale; the machine is visible, so its POS is looked up as the system. */
    private Long clientOf(Equipment e) {
        if (e.posId() == null) {
            return null;
        }
        try {
            return gateway.catalog().pointOfSale(Caller.system(), e.posId()).clientId();
        } catch (NotFoundException gone) {
            return null;
        }
    }

    // ---- reading

    @Override
    public CompletableFuture<MachineRecipes> read(Caller caller, String serial) {
        RemotePermissions.require(caller, "read recipes", roles().read());
        Subject s = subject(caller, serial);
        RecipeCard card = s.clientId() == null ? null : cards.load(s.clientId());
        return readRecipes(s).thenApply(list -> result(s, list, card));
    }

    private CompletableFuture<List<Recipe>> readRecipes(Subject s) {
        Machine m = s.machine();
        CommandPlan plan = s.dialect().planRead();
        if (!(plan instanceof CommandPlan.Exec exec)) {
            return CompletableFuture.failedFuture(new RemoteOperationException(Outcome.REFUSED,
                    "the " + m.family() + " driver refused to read recipes: " + ((CommandPlan.Refused) plan).reason()));
        }
        SshTarget target;
        try {
            target = gateway.target(m);
        } catch (RemoteOperationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return Futures.then(gateway.transport().exec(target, exec.commandLine(), timeout(exec.timeout())),
                (r, failure) -> {
                    if (failure != null) {
                        throw offline(m, Futures.remote(failure));
                    }
                    if (r.exitCode() != 0) {
                        throw new RemoteOperationException(Outcome.FAILED, m.serial() + " did not list its recipes "
                                + "(exit " + r.exitCode() + "): " + firstLine(r.stderr()));
                    }
                    RecipeRead read = s.dialect().parse(r.stdout());
                    if (read instanceof RecipeRead.Rejected rejected) {
                        throw new RemoteOperationException(Outcome.ERROR, "the recipe list of " + m.serial()
                                + " was not understood: " + rejected.reason());
                    }
                    return ((RecipeRead.Parsed) read).recipes();
                });
    }

    /** Not reachable now: say so in the terms of the recipes tab, keeping the transport's reason. */
    private static RemoteOperationException offline(Machine m, RemoteOperationException e) {
        if (e.outcome() == Outcome.UNREACHABLE || e.outcome() == Outcome.TIMEOUT) {
            return new RemoteOperationException(e.outcome(), m.serial() + " is not online (" + e.getMessage()
                    + "): recipes are read and written only while the machine answers");
        }
        return e;
    }

    private MachineRecipes result(Subject s, List<Recipe> recipes, RecipeCard card) {
        Machine m = s.machine();
        return new MachineRecipes(m.id(), m.serial(), m.family(), m.model().name(), s.clientId(),
                s.dialect().fields(), recipes, card == null ? List.of() : deviations(recipes, card.entries()),
                card != null && !card.entries().isEmpty(), Instant.now());
    }

    static List<RecipeDeviation> deviations(List<Recipe> recipes, List<RecipeCardEntry> card) {
        List<RecipeDeviation> out = new ArrayList<>();
        for (Recipe r : recipes) {
            for (RecipeCardEntry e : card) {
                BigDecimal actual = r.values().get(e.field());
                if (e.product().equals(r.product()) && actual != null
                        && actual.subtract(e.value()).abs().compareTo(e.tolerance()) > 0) {
                    out.add(new RecipeDeviation(r.id(), r.product(), e.field(), e.value(), actual, e.tolerance()));
                }
            }
        }
        return out;
    }

    // ---- writing

    @Override
    public CompletableFuture<MachineRecipes> write(Caller caller, String serial, String recipeId,
            Map<String, BigDecimal> values) {
        RemotePermissions.require(caller, "write recipes", roles().write());
        Subject s = subject(caller, serial);
        if (recipeId == null || !recipeId.strip().matches("[A-Za-z0-9_-]{1,32}")) {
            throw new ValidationException("recipeId", "a recipe slot of 1 to 32 letters, digits, _ or -");
        }
        check(s.dialect().fields(), values, "values.");
        Instant started = Instant.now();
        Map<String, String> args = new LinkedHashMap<>();
        args.put("recipe", clip(recipeId));
        values.forEach((k, v) -> args.put(k, v.toPlainString()));
        CommandPlan plan = s.dialect().planWrite(recipeId.strip(), values);
        if (plan instanceof CommandPlan.Refused refused) {
            record(caller, s, WRITE, args, started, 0, null, null, Outcome.REFUSED, refused.reason());
            throw new ValidationException("values", refused.reason());
        }
        RecipeCard card = s.clientId() == null ? null : cards.load(s.clientId());
        return writeAll(s, List.of((CommandPlan.Exec) plan)).thenCompose(out -> readRecipes(s).thenApply(after -> {
            Recipe written = after.stream().filter(r -> r.id().equals(recipeId.strip())).findFirst().orElse(null);
            List<String> wrong = mismatches(written, values);
            if (!wrong.isEmpty()) {
                throw new RemoteOperationException(Outcome.FAILED, "written, but " + s.machine().serial()
                        + " reads back " + String.join(", ", wrong));
            }
            return result(s, after, card);
        })).whenComplete((done, failure) -> record(caller, s, WRITE, args, started, failure, "recipe " + recipeId
                + " written and read back: " + args));
    }

    /**
     * The api's validation of a write, before the driver sees it, so that REST and UI name the field.
     *
     * @param prefix of the field name in the error, e.g. {@code values.}
     */
    static void check(List<RecipeField> fields, Map<String, BigDecimal> values, String prefix) {
        if (values == null || values.isEmpty()) {
            throw new ValidationException("values", "no value to write");
        }
        for (Map.Entry<String, BigDecimal> v : values.entrySet()) {
            RecipeField f = fields.stream().filter(x -> x.key().equals(v.getKey())).findFirst()
                    .orElseThrow(() -> new ValidationException(prefix + clip(v.getKey()), "not a recipe field here; "
                            + "fields: " + fields.stream().map(RecipeField::key).collect(Collectors.joining(", "))));
            String refusal = f.refusal(v.getValue());
            if (refusal != null) {
                throw new ValidationException(prefix + f.key(), refusal);
            }
        }
    }

    private static List<String> mismatches(Recipe read, Map<String, BigDecimal> expected) {
        if (read == null) {
            return List.of("no such recipe");
        }
        List<String> out = new ArrayList<>();
        expected.forEach((k, v) -> {
            BigDecimal got = read.values().get(k);
            if (got == null || got.compareTo(v) != 0) {
                out.add(k + " = " + (got == null ? "nothing" : got.toPlainString()) + " instead of "
                        + v.toPlainString());
            }
        });
        return out;
    }

    /** Runs the writes one after the other; the first failure stops the rest. Completes with their output. */
    private CompletableFuture<String> writeAll(Subject s, List<CommandPlan.Exec> plans) {
        SshTarget target;
        try {
            target = gateway.target(s.machine());
        } catch (RemoteOperationException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<String> chain = CompletableFuture.completedFuture("");
        for (CommandPlan.Exec exec : plans) {
            chain = chain.thenCompose(before -> Futures.then(gateway.transport().exec(target, exec.commandLine(),
                    timeout(exec.timeout())), (ExecResult r, Throwable failure) -> {
                        if (failure != null) {
                            throw offline(s.machine(), Futures.remote(failure));
                        }
                        if (r.exitCode() != 0) {
                            throw new RemoteOperationException(Outcome.FAILED, s.machine().serial()
                                    + " refused the recipe (exit " + r.exitCode() + "): " + firstLine(r.stderr()));
                        }
                        return before + r.stdout();
                    }));
        }
        return chain;
    }

    @Override
    public CompletableFuture<MachineRecipes> restoreCard(Caller caller, String serial) {
        RemotePermissions.require(caller, "bring a machine back to its recipe card", roles().write());
        Subject s = subject(caller, serial);
        RecipeCard card = s.clientId() == null ? null : cards.load(s.clientId());
        if (card == null || card.entries().isEmpty()) {
            throw new RemoteOperationException(Outcome.NOT_CONFIGURED, s.machine().serial()
                    + (s.clientId() == null ? " stands at no point of sale" : "'s client has no recipe card")
                    + ": nothing to restore");
        }
        Instant started = Instant.now();
        Map<String, String> args = new LinkedHashMap<>();
        StringBuilder output = new StringBuilder();
        return readRecipes(s).thenCompose(before -> {
            Map<String, Map<String, BigDecimal>> byRecipe = new LinkedHashMap<>();
            for (RecipeDeviation d : deviations(before, card.entries())) {
                RecipeField f = s.dialect().fields().stream().filter(x -> x.key().equals(d.field())).findFirst()
                        .orElse(null);
                if (f == null || f.refusal(d.approved()) != null) {
                    output.append(d.product()).append(' ').append(d.field()).append(": the card's ")
                            .append(d.approved().toPlainString()).append(" is not possible on this model\n");
                    continue;
                }
                byRecipe.computeIfAbsent(d.recipeId(), k -> new LinkedHashMap<>()).put(d.field(), d.approved());
                output.append(d.product()).append(' ').append(d.field()).append(": ")
                        .append(d.actual().toPlainString()).append(" -> ").append(d.approved().toPlainString())
                        .append('\n');
            }
            args.put("recipes", String.join(",", byRecipe.keySet()));
            List<CommandPlan.Exec> plans = new ArrayList<>();
            for (Map.Entry<String, Map<String, BigDecimal>> e : byRecipe.entrySet()) {
                CommandPlan plan = s.dialect().planWrite(e.getKey(), e.getValue());
                if (plan instanceof CommandPlan.Refused refused) {
                    throw new RemoteOperationException(Outcome.REFUSED, "recipe " + e.getKey() + ": "
                            + refused.reason());
                }
                plans.add((CommandPlan.Exec) plan);
            }
            return writeAll(s, plans).thenCompose(x -> readRecipes(s)).thenApply(after -> {
                MachineRecipes result = result(s, after, card);
                long left = result.deviations().stream().filter(d -> byRecipe.containsKey(d.recipeId())
                        && byRecipe.get(d.recipeId()).containsKey(d.field())).count();
                if (left > 0) {
                    throw new RemoteOperationException(Outcome.FAILED, "written, but " + left
                            + " value(s) still deviate on read-back");
                }
                return result;
            });
        }).whenComplete((done, failure) -> record(caller, s, RESTORE, args, started, failure,
                output.length() == 0 ? "no deviation" : output.toString()));
    }

    // ---- cards

    @Override
    public RecipeCard card(Caller caller, long clientId) {
        RemotePermissions.require(caller, "read recipe cards", roles().read());
        visibleClient(caller, clientId);
        return cards.load(clientId);
    }

    @Override
    public RecipeCard saveCard(Caller caller, long clientId, List<RecipeCardEntry> entries, long version) {
        RemotePermissions.require(caller, "change recipe cards", roles().card());
        visibleClient(caller, clientId);
        if (entries == null) {
            throw new ValidationException("entries", "the card's entries are required (an empty list clears it)");
        }
        if (entries.size() > MAX_CARD_ENTRIES) {
            throw new ValidationException("entries", "at most " + MAX_CARD_ENTRIES + " entries");
        }
        Map<String, RecipeCardEntry> unique = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            RecipeCardEntry e = entries.get(i);
            String at = "entries[" + i + "].";
            if (e == null || e.product() == null || e.product().isBlank() || e.product().strip().length() > 100) {
                throw new ValidationException(at + "product", "a product name of 1 to 100 characters is required");
            }
            if (e.field() == null || !e.field().matches("[a-z_]{1,50}")) {
                throw new ValidationException(at + "field", "a recipe field key such as " + RecipeField.COFFEE_G);
            }
            if (e.value() == null || e.value().signum() < 0 || e.value().compareTo(new BigDecimal("99999999")) > 0) {
                throw new ValidationException(at + "value", "a value of 0 or more is required");
            }
            BigDecimal tolerance = e.tolerance() == null ? BigDecimal.ZERO : e.tolerance();
            if (tolerance.signum() < 0 || tolerance.compareTo(new BigDecimal("99999999")) > 0) {
                throw new ValidationException(at + "tolerance", "0 or more");
            }
            RecipeCardEntry clean = new RecipeCardEntry(e.product().strip(), e.field(), e.value(), tolerance);
            if (unique.put(clean.product() + "\u0000" + clean.field(), clean) != null) {
                throw new ValidationException(at + "field", clean.product() + " has " + clean.field() + " twice");
            }
        }
        return cards.save(clientId, List.copyOf(unique.values()), version, caller.username());
    }

    private void visibleClient(Caller caller, long clientId) {
        if (!caller.canSeeClient(clientId)) {
            throw new NotFoundException("Client", clientId);
        }
        gateway.catalog().client(caller, clientId);
    }

    // ---- drift (the manual's "coffee overuse" check)

    @Override
    public CompletableFuture<DriftReport> drift(Caller caller, Long clientId) {
        RemotePermissions.require(caller, "check recipe drift", roles().read());
        List<Long> clients;
        if (clientId != null) {
            visibleClient(caller, clientId);
            clients = List.of(clientId);
        } else {
            clients = cards.clients().stream().filter(caller::canSeeClient).toList();
        }
        Instant checkedAt = Instant.now();
        List<Candidate> candidates = new ArrayList<>();
        Map<Long, EquipmentModel> models = new HashMap<>();
        for (long client : clients) {
            RecipeCard card = cards.load(client);
            if (card.entries().isEmpty()) {
                continue;
            }
            for (Equipment e : equipmentOf(caller, client)) {
                EquipmentModel model = models.computeIfAbsent(e.modelId(), id -> gateway.catalog().model(caller, id));
                Machine m = new Machine(e, model);
                Optional<MachineDriver> driver = gateway.driver(m);
                Optional<RecipeDialect> dialect = driver.flatMap(MachineDriver::recipes);
                if (dialect.isPresent() && model.supportsRecipes() && dialect.get().supports(model.name())) {
                    candidates.add(new Candidate(new Subject(m, dialect.get(), client), card));
                }
            }
        }
        return bounded(candidates, gateway.settings().driftParallelism(), this::check).thenApply(all -> {
            List<MachineDrift> listed = all.stream().filter(d -> d.outcome() != Outcome.OK || !d.deviations()
                    .isEmpty()).sorted(Comparator.comparingInt((MachineDrift d) -> -d.deviations().size())
                    .thenComparing(MachineDrift::serial)).toList();
            return new DriftReport(checkedAt, all.size(), listed);
        });
    }

    private record Candidate(Subject subject, RecipeCard card) {
    }

    private CompletableFuture<MachineDrift> check(Candidate c) {
        Machine m = c.subject().machine();
        return readRecipes(c.subject()).handle((recipes, failure) -> {
            if (failure != null) {
                RemoteOperationException e = Futures.remote(failure);
                return new MachineDrift(m.id(), m.serial(), m.model().name(), c.subject().clientId(), e.outcome(),
                        e.getMessage(), List.of());
            }
            return new MachineDrift(m.id(), m.serial(), m.model().name(), c.subject().clientId(), Outcome.OK, null,
                    deviations(recipes, c.card().entries()));
        });
    }

    private List<Equipment> equipmentOf(Caller caller, long clientId) {
        List<Equipment> out = new ArrayList<>();
        for (int offset = 0;; offset += PageRequest.MAX_LIMIT) {
            List<Equipment> page = gateway.catalog().equipment(caller, new CatalogQuery(null, clientId, null, null,
                    null, new PageRequest(offset, PageRequest.MAX_LIMIT))).items();
            out.addAll(page);
            if (page.size() < PageRequest.MAX_LIMIT) {
                return out;
            }
        }
    }

    /**
     * Runs {@code work} over {@code items} with at most {@code parallel} in flight, so that a drift check over a
     * large fleet neither floods the transport's queue nor waits for one machine at a time. {@code work} must not
     * fail: it maps failures to values.
     */
    static <T, R> CompletableFuture<List<R>> bounded(List<T> items, int parallel, Function<T, CompletableFuture<R>> work) {
        int n = items.size();
        CompletableFuture<List<R>> all = new CompletableFuture<>();
        if (n == 0) {
            all.complete(List.of());
            return all;
        }
        Object[] results = new Object[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Runnable launch = new Runnable() {
            @Override
            public void run() {
                int i = next.getAndIncrement();
                if (i >= n) {
                    return;
                }
                work.apply(items.get(i)).whenComplete((r, f) -> {
                    results[i] = r;
                    if (done.incrementAndGet() == n) {
                        @SuppressWarnings("unchecked")
                        List<R> list = (List<R>) java.util.Arrays.asList(results);
                        all.complete(list);
                    } else {
                        run();
                    }
                });
            }
        };
        for (int k = 0; k < Math.min(parallel, n); k++) {
            launch.run();
        }
        return all;
    }

    // ---- recording

    private void record(Caller caller, Subject s, String commandId, Map<String, String> args, Instant started,
            Throwable failure, String okOutput) {
        long ms = Duration.between(started, Instant.now()).toMillis();
        if (failure == null) {
            record(caller, s, commandId, args, started, ms, 0, okOutput, Outcome.OK, null);
        } else {
            RemoteOperationException e = Futures.remote(failure);
            record(caller, s, commandId, args, started, ms, null, null, e.outcome(), e.getMessage());
        }
    }

    private CommandRun record(Caller caller, Subject s, String commandId, Map<String, String> args, Instant started,
            long ms, Integer exit, String output, Outcome outcome, String message) {
        Machine m = s.machine();
        return runs.record(new CommandRun(null, m.id(), m.serial(), m.family(), commandId, args, caller.username(),
                started, ms, exit, output, outcome, message));
    }

    private Duration timeout(Duration planned) {
        return gateway.settings().commandTimeout(planned);
    }

    private static String firstLine(String s) {
        String line = s == null ? "" : s.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static String clip(String s) {
        String safe = s == null ? "" : s.replaceAll("[^\\p{Alnum} ._-]", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
    }
}
