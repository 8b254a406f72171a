package org.coffeecontrol.simulator.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.simulator.SimMachine;
import org.coffeecontrol.simulator.Simulator;
import org.coffeecontrol.simulator.model.EventGenerator;
import org.coffeecontrol.simulator.model.Secrets;

/**
 * What a machine answers over SSH: authentication, its family's exec commands, its local database and its SFTP
 * home. Independent of the SSH server so that it can be tested directly.
 */
public final class MachineShell implements AutoCloseable {

    /** The outcome of one exec request. */
    public record Result(int exitCode, String out, String err) {
        static Result ok(String out) {
            return new Result(0, out.endsWith("\n") || out.isEmpty() ? out : out + "\n", "");
        }

        static Result fail(int code, String err) {
            return new Result(code, "", err.endsWith("\n") ? err : err + "\n");
        }
    }

    static final String SIM_ERROR = "sim-error";
    static final String SIM_ERROR_USAGE = "sim-error raise {code} | sim-error clear [{code}] | sim-error list";
    static final Duration MODULE_RESTART = Duration.ofSeconds(3);
    static final Duration SERVICE_MENU = Duration.ofMinutes(5);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Simulator simulator;
    private final Path root;
    private final Clock wallClock;
    private final long seed;
    private final Map<String, MachineDatabase> databases = new ConcurrentHashMap<>();
    private final Map<String, Instant> serviceMenuUntil = new ConcurrentHashMap<>();
    private final Map<String, String> reportedSerials = new ConcurrentHashMap<>();
    private final Map<String, CommandTable> tables = new ConcurrentHashMap<>();

    public MachineShell(Simulator simulator, Path root, Clock wallClock) {
        this.simulator = simulator;
        this.root = root;
        this.wallClock = wallClock;
        this.seed = simulator.fleet().spec().seed();
    }

    /** Password check; a machine that is rebooting refuses every login. */
    public boolean authenticate(String serial, String password) {
        return simulator.machine(serial).filter(m -> m.reachable(wallClock.instant()))
                .map(m -> Secrets.sshPassword(seed, serial).equals(password)).orElse(false);
    }

    /** The machine's SFTP root with its standard folders, created on first use. */
    public Path home(String serial) {
        Path home = root.resolve(serial);
        try {
            for (String dir : List.of("promo", "logs", "settings")) {
                Files.createDirectories(home.resolve(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the SFTP root of " + serial, e);
        }
        return home;
    }

    /** The machine's fault, NONE for unknown serials (they fail the login anyway). */
    public SimMachine.Fault fault(String serial) {
        return simulator.machine(serial).map(SimMachine::fault).orElse(SimMachine.Fault.NONE);
    }

    public Result execute(String serial, String commandLine) {
        Optional<SimMachine> found = simulator.machine(serial);
        if (found.isEmpty()) {
            return Result.fail(255, "unknown machine " + serial);
        }
        SimMachine m = found.get();
        Instant wall = wallClock.instant();
        if (!m.reachable(wall)) {
            return Result.fail(255, "machine is restarting");
        }
        CommandTable table = tables.computeIfAbsent(m.spec().family(), CommandTable::forFamily);
        List<String> words;
        try {
            words = CommandTable.words(commandLine);
        } catch (IllegalArgumentException e) {
            return Result.fail(2, "syntax error: " + e.getMessage());
        }
        if (words.size() == 1 && words.get(0).equals("help")) {
            return Result.ok(String.join("\n", table.templates()) + "\n" + SIM_ERROR_USAGE);
        }
        if (!words.isEmpty() && words.get(0).equals(SIM_ERROR)) {
            return simError(m, words.subList(1, words.size()));
        }
        Optional<CommandTable.Match> match = table.match(words);
        if (match.isEmpty()) {
            return Result.fail(127, "unknown command: " + commandLine + " (try: help)");
        }
        try {
            return run(m, match.get(), wall);
        } catch (SQLException e) {
            return Result.fail(1, "SQL error: " + e.getMessage());
        }
    }

    private Result run(SimMachine m, CommandTable.Match match, Instant wall) throws SQLException {
        String serial = m.serial();
        Map<String, String> args = match.args();
        Instant sim = simulator.simNow();
        switch (match.operation()) {
            case PING:
                return Result.ok("pong " + serial);
            case STATUS: {
                Map<String, String> status;
                synchronized (m) {
                    status = m.generator().status(sim);
                }
                status.put("serial", reportedSerials.getOrDefault(serial, serial));
                return Result.ok(status.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n")));
            }
            case REBOOT: {
                Duration wallDown = simulator.settings().rebootDowntime();
                Duration simDown = Duration.ofMillis((long) (wallDown.toMillis() * simulator.settings().speed()));
                m.reboot(wall, wallDown, simDown.compareTo(EventGenerator.STEP) < 0 ? EventGenerator.STEP : simDown);
                serviceMenuUntil.remove(serial);
                return Result.ok("rebooting, back in " + wallDown.toSeconds() + " s");
            }
            case SOFT_REBOOT:
                notice(m, "MODULE_RESTART", "Control module restarted by remote command");
                m.offline(wall.plus(MODULE_RESTART));
                return Result.ok("control module restarting");
            case FIRST_START:
                notice(m, "FIRST_START", "Service program first run-up started");
                return Result.ok("first run-up started: rinsing and heating");
            case PIN_ON:
                synchronized (m) {
                    m.generator().setPinLocked(true);
                }
                return Result.ok("PIN lock on");
            case PIN_OFF:
                synchronized (m) {
                    m.generator().setPinLocked(false);
                }
                return Result.ok("PIN lock off");
            case ENTER_SERVICE_PIN:
                if (!Secrets.servicePin(seed, serial).equals(args.get("pin"))) {
                    return Result.fail(1, "PIN rejected");
                }
                serviceMenuUntil.put(serial, wall.plus(SERVICE_MENU));
                notice(m, "SERVICE_LOGIN", "Service PIN entered remotely");
                return Result.ok("service menu open");
            case ENTER_USER_PIN:
                if (!Secrets.servicePin(seed, serial + "/user").equals(args.get("pin"))) {
                    return Result.fail(1, "PIN rejected");
                }
                synchronized (m) {
                    m.generator().setPinLocked(false);
                }
                return Result.ok("unlocked");
            case BACKUP_RECIPES: {
                String table = database(m).execute("SELECT * FROM recipes ORDER BY id");
                Path file = home(serial).resolve("settings").resolve("recipes-backup-" + FILE_TIME.format(wall) + ".tsv");
                try {
                    Files.writeString(file, table, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return Result.fail(1, "backup failed: " + e.getMessage());
                }
                return Result.ok("recipes saved to settings/" + file.getFileName());
            }
            case LIST_RECIPES:
                return Result.ok(RecipeWire.render(m.spec().family(), database(m).recipes()));
            case SET_RECIPE: {
                java.util.Map<String, java.math.BigDecimal> values;
                try {
                    values = RecipeWire.assignments(m.spec().family(), List.of(args.get("values").split(" ")));
                } catch (IllegalArgumentException e) {
                    return Result.fail(1, "recipe refused: " + e.getMessage());
                }
                int id = Integer.parseInt(args.get("recipe"));
                if (!database(m).updateRecipe(id, values)) {
                    return Result.fail(1, "no recipe in slot " + id);
                }
                notice(m, "RECIPE_CHANGED", "Recipe " + id + " changed remotely");
                return Result.ok("recipe " + id + " saved");
            }
            case NOT_SERVICED_ON:
            case NOT_SERVICED_OFF: {
                boolean on = match.operation() == CommandTable.Operation.NOT_SERVICED_ON;
                synchronized (m) {
                    m.generator().setNotServiced(on);
                }
                return Result.ok("not serviced " + (on ? "on" : "off"));
            }
            case LAST_DRINKS: {
                List<MachineEvent.DrinkMade> drinks;
                synchronized (m) {
                    drinks = m.generator().recentDrinks(Integer.parseInt(args.get("count")));
                }
                return Result.ok(drinks.stream().map(d -> d.time() + "\t" + d.product() + "\t" + d.sizeMl())
                        .collect(Collectors.joining("\n")));
            }
            case READ_SCREEN: {
                Instant menu = serviceMenuUntil.get(serial);
                if (menu != null && wall.isBefore(menu)) {
                    return Result.ok("Service menu\n1 Rinse  2 Counters  3 Recipes  4 Exit");
                }
                synchronized (m) {
                    return Result.ok(m.generator().screen(sim));
                }
            }
            case SET_SERIAL: {
                String old = reportedSerials.getOrDefault(serial, serial);
                reportedSerials.put(serial, args.get("serial"));
                notice(m, "SERIAL_CHANGED", "Serial changed from " + old + " to " + args.get("serial"));
                return Result.ok("serial changed from " + old + " to " + args.get("serial"));
            }
            case SQL:
                try {
                    return Result.ok(database(m).execute(args.get("statement")));
                } catch (IllegalArgumentException e) {
                    return Result.fail(1, "SQL refused: " + e.getMessage());
                }
            default:
                return Result.fail(127, "unsupported: " + match.operation());
        }
    }

    /**
     * The simulator's own control command, not part of any family's command set: a test or a demo makes the
     * machine raise or clear an error, which its next telemetry carries in its family's wire format.
     */
    private static Result simError(SimMachine m, List<String> args) {
        synchronized (m) {
            EventGenerator g = m.generator();
            if (args.size() == 2 && args.get(0).equals("raise")) {
                try {
                    g.injectError(args.get(1));
                } catch (IllegalArgumentException e) {
                    return Result.fail(1, e.getMessage());
                }
                return Result.ok("raising " + args.get(1) + " at the next step");
            }
            if (args.size() <= 2 && !args.isEmpty() && args.get(0).equals("clear")) {
                g.clearInjectedError(args.size() == 2 ? args.get(1) : null);
                return Result.ok("clearing " + (args.size() == 2 ? args.get(1) : "every active error")
                        + " at the next step");
            }
            if (args.size() == 1 && args.get(0).equals("list")) {
                return Result.ok(String.join("\n", g.activeErrors()));
            }
        }
        return Result.fail(2, "usage: " + SIM_ERROR_USAGE);
    }

    private static void notice(SimMachine m, String code, String text) {
        synchronized (m) {
            m.generator().notice(code, text);
        }
    }

    /** The machine's database, created on first use with the drinks it made so far. */
    private MachineDatabase database(SimMachine m) throws SQLException {
        MachineDatabase db = databases.get(m.serial());
        if (db != null) {
            return db;
        }
        synchronized (m) {
            db = databases.get(m.serial());
            if (db == null) {
                EventGenerator g = m.generator();
                db = MachineDatabase.create(m.serial(), g.profile(), g.recentDrinks(Integer.MAX_VALUE));
                g.setDrinkListener(db::recordDrink);
                databases.put(m.serial(), db);
            }
            return db;
        }
    }

    @Override
    public void close() {
        databases.values().forEach(MachineDatabase::close);
        databases.clear();
    }
}
