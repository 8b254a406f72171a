package org.coffeecontrol.driverkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.coffeecontrol.api.driver.ArgSpec;
import org.coffeecontrol.api.driver.Capability;
import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.CommandSpec;
import org.coffeecontrol.api.driver.DecodeResult;
import org.coffeecontrol.api.driver.DriverInfo;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.Recipe;
import org.coffeecontrol.api.driver.RecipeDialect;
import org.coffeecontrol.api.driver.RecipeField;
import org.coffeecontrol.api.driver.RecipeRead;
import org.coffeecontrol.api.driver.TelemetryBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The driver conformance kit. Extend it in a driver's {@code src/test/java}, answer the abstract methods, and
 * JUnit runs every check against the driver:
 * <ul>
 * <li>the documented examples decode to exactly the expected events (and are quoted in the README),</li>
 * <li>a payload naming another serial is rejected,</li>
 * <li>sequence numbers survive decoding unchanged up to {@link Long#MAX_VALUE}, and non-increasing ones are
 * rejected,</li>
 * <li>{@link #fuzzCases()} seeded random, mutated and truncated payloads give values, never exceptions, and every
 * batch that is accepted is fit to store ({@link EventInvariants}),</li>
 * <li>parallel decoding gives the same results as serial decoding,</li>
 * <li>the command set is well formed and {@code plan} refuses unknown commands, missing, unexpected and
 * shell-injecting arguments,</li>
 * <li>a recipe dialect (if the driver has one) parses its documented listing, refuses out-of-range, too precise,
 * unknown and injected values and recipe ids, and answers garbage listings with a rejection, never an
 * exception.</li>
 * </ul>
 */
public abstract class DriverConformanceTest {

    /** Characters that would let an argument escape into a shell if a command line reached one. */
    private static final Pattern SHELL_META = Pattern.compile("[;|&$`<>\\\\\"'*?(){}\\[\\]!#~\\r\\n\\t]");

    private static final List<String> INJECTIONS = List.of(";reboot", "|sh", "&&id", "$(id)", "`id`", ">/tmp/x",
            "<x", "\nid", "'", "\"", " x", "*", "\\", "../", "\u0000", "１");

    /** The driver under test, as its DS component would be constructed. */
    protected abstract MachineDriver driver();

    /** The examples of the driver's README with the events they stand for; at least one. */
    protected abstract List<DriverExample> examples();

    /**
     * A valid payload from {@code serial} holding only heartbeats, one per sequence number, in the given order
     * (which the kit makes non-increasing on purpose to check that the driver refuses it).
     */
    protected abstract byte[] heartbeats(String serial, List<Long> seqs, Instant time);

    /** Sample valid arguments for every command that takes some, by command id. */
    protected Map<String, Map<String, String>> validArguments() {
        return Map.of();
    }

    /**
     * A recipe listing exactly as the family's read command prints it (the one in the README); required when the
     * driver has a {@link RecipeDialect}.
     */
    protected String recipeListing() {
        return null;
    }

    /** The README that documents the examples; null skips the check. */
    protected Path readme() {
        return Path.of("README.md");
    }

    protected long seed() {
        return 20_250_314L;
    }

    protected int fuzzCases() {
        return 10_000;
    }

    private DecodeResult decode(String serial, byte[] body) {
        DriverInfo info = driver().info();
        return driver().decode(new TelemetryBatch(info.family(), serial, info.contentType(), body));
    }

    @Test
    public void infoDescribesTheFamily() {
        DriverInfo info = driver().info();
        assertNotNull(info, "info()");
        assertAll(
                () -> assertTrue(info.family() != null && info.family().matches("[a-z][a-z0-9-]*"),
                        "family key must be lower case: " + info.family()),
                () -> assertTrue(info.contentType() != null && info.contentType().contains("/"),
                        "content type must be a media type: " + info.contentType()),
                () -> assertFalse(info.version() == null || info.version().isBlank(), "version"),
                () -> assertFalse(info.displayName() == null || info.displayName().isBlank(), "display name"),
                () -> assertFalse(info.models().isEmpty(), "models"),
                () -> assertTrue(info.capabilities().contains(Capability.TELEMETRY), "TELEMETRY capability"),
                () -> assertEquals(!driver().commands().isEmpty(), info.capabilities().contains(Capability.COMMANDS),
                        "COMMANDS capability iff commands() is not empty"),
                () -> assertEquals(driver().promoImages().isPresent(),
                        info.capabilities().contains(Capability.PROMO_IMAGES),
                        "PROMO_IMAGES capability iff promoImages() declares the image limits"));
    }

    @Test
    public void documentedExamplesDecodeToExpectedEvents() {
        List<DriverExample> examples = examples();
        assertFalse(examples.isEmpty(), "give at least one documented example");
        assertAll(examples.stream().map(ex -> (Executable) () -> {
            DecodeResult result = decode(ex.serial(), ex.body());
            DecodeResult.Decoded decoded = assertInstanceOf(DecodeResult.Decoded.class, result,
                    () -> ex.name() + " was not decoded: " + result);
            assertEquals(ex.expected(), decoded.events(), ex.name());
        }));
    }

    @Test
    public void documentedExamplesAppearInTheReadme() throws IOException {
        Path readme = readme();
        if (readme == null) {
            return;
        }
        assertTrue(Files.isRegularFile(readme), "no README at " + readme.toAbsolutePath());
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        assertAll(examples().stream().map(ex -> (Executable) () -> assertTrue(
                text.contains(ex.text().strip()), ex.name() + " is not quoted verbatim in " + readme)));
    }

    @Test
    public void aPayloadFromAnotherSerialIsRejected() {
        assertAll(examples().stream().map(ex -> (Executable) () -> {
            DecodeResult result = decode(ex.serial() + "X", ex.body());
            DecodeResult.Rejected rejected = assertInstanceOf(DecodeResult.Rejected.class, result,
                    () -> ex.name() + " was accepted for serial " + ex.serial() + "X");
            assertTrue(rejected.reason().toLowerCase().contains("serial"),
                    "the reason should say the serial is wrong: " + rejected.reason());
        }));
        String serial = examples().get(0).serial();
        DecodeResult heartbeat = decode(serial + "X", heartbeats(serial, List.of(1L), Instant.EPOCH));
        assertInstanceOf(DecodeResult.Rejected.class, heartbeat, "heartbeats from another serial");
    }

    @Test
    public void sequenceNumbersRoundTrip() {
        String serial = examples().get(0).serial();
        Instant time = Instant.parse("2025-03-14T07:00:00Z");
        Random random = new Random(seed());
        List<Long> seqs = new ArrayList<>(List.of(0L, 1L, 2L, (long) Integer.MAX_VALUE, 1L << 32,
                (1L << 53) + 1, Long.MAX_VALUE / 3, Long.MAX_VALUE - 1, Long.MAX_VALUE));
        for (int i = 0; i < 20; i++) {
            seqs.add(random.nextLong() & Long.MAX_VALUE);
        }
        Collections.sort(seqs);
        seqs = new ArrayList<>(new java.util.TreeSet<>(seqs));
        DecodeResult result = decode(serial, heartbeats(serial, seqs, time));
        DecodeResult.Decoded decoded = assertInstanceOf(DecodeResult.Decoded.class, result);
        assertEquals(seqs, decoded.events().stream().map(MachineEvent::seq).toList());
        decoded.events().forEach(e -> assertEquals(time, e.time(), "time of seq " + e.seq()));

        for (List<Long> bad : List.of(List.of(5L, 5L), List.of(7L, 3L), List.of(1L, 9L, 2L))) {
            assertInstanceOf(DecodeResult.Rejected.class, decode(serial, heartbeats(serial, bad, time)),
                    "sequence " + bad + " is not strictly increasing");
        }
    }

    @Test
    public void emptyAndNullBodiesAreRejectedValues() {
        String serial = examples().get(0).serial();
        assertInstanceOf(DecodeResult.Rejected.class, decode(serial, new byte[0]), "empty body");
        assertInstanceOf(DecodeResult.Rejected.class, decode(serial, null), "null body");
    }

    @Test
    public void mutatedPayloadsAreValuesNeverExceptions() {
        List<DriverExample> examples = examples();
        PayloadMutator mutator = new PayloadMutator(examples.stream().map(DriverExample::body).toList());
        String serial = examples.get(0).serial();
        Random random = new Random(seed());
        int accepted = 0;
        for (int i = 0; i < fuzzCases(); i++) {
            byte[] body = mutator.next(random);
            String replay = "case " + i + " of seed " + seed() + ": " + preview(body);
            DecodeResult result;
            try {
                result = decode(serial, body);
            } catch (Throwable t) {
                throw new AssertionError("decode threw " + t + " for " + replay, t);
            }
            if (result instanceof DecodeResult.Rejected r) {
                if (r.reason() == null || r.reason().isBlank() || r.reason().length() > 1000) {
                    fail("a reason must be given and short (" + (r.reason() == null ? null : r.reason().length())
                            + " chars) for " + replay);
                }
            } else if (result instanceof DecodeResult.Decoded d) {
                accepted++;
                List<String> problems = EventInvariants.violations(d.events());
                if (!problems.isEmpty()) {
                    fail("accepted a batch unfit to store " + problems + " for " + replay);
                }
            } else {
                fail("decode returned " + result + " for " + replay);
            }
        }
        assertTrue(accepted < fuzzCases(), "not one mutated payload was rejected: is the decoder checking at all?");
    }

    @Test
    public void parallelDecodeEqualsSerialDecode() throws Exception {
        List<DriverExample> examples = examples();
        String serial = examples.get(0).serial();
        List<byte[]> payloads = new ArrayList<>();
        examples.stream().filter(ex -> ex.serial().equals(serial)).forEach(ex -> payloads.add(ex.body()));
        PayloadMutator mutator = new PayloadMutator(examples.stream().map(DriverExample::body).toList());
        Random random = new Random(seed() + 1);
        for (int i = 0; i < 400; i++) {
            payloads.add(mutator.next(random));
        }
        List<DecodeResult> serialResults = payloads.stream().map(p -> decode(serial, p)).toList();

        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Map<Integer, DecodeResult>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < payloads.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new Random(seed() + 100 + t));
                futures.add(pool.submit(() -> {
                    Map<Integer, DecodeResult> results = new HashMap<>();
                    for (int i : order) {
                        results.put(i, decode(serial, payloads.get(i)));
                    }
                    return results;
                }));
            }
            for (Future<Map<Integer, DecodeResult>> future : futures) {
                Map<Integer, DecodeResult> results = future.get(2, TimeUnit.MINUTES);
                for (int i = 0; i < payloads.size(); i++) {
                    assertEquals(serialResults.get(i), results.get(i), "payload " + i + " decoded differently");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void commandsAreWellFormed() {
        Set<String> ids = new HashSet<>();
        for (CommandSpec command : driver().commands()) {
            assertTrue(command.id() != null && command.id().matches("[a-z][a-z0-9-]*"), "command id " + command.id());
            assertTrue(ids.add(command.id()), "duplicate command id " + command.id());
            assertFalse(command.label() == null || command.label().isBlank(), command.id() + ": label");
            Set<String> names = new HashSet<>();
            for (ArgSpec arg : command.args()) {
                assertTrue(names.add(arg.name()), command.id() + ": duplicate argument " + arg.name());
                try {
                    Pattern.compile(arg.pattern());
                } catch (PatternSyntaxException | NullPointerException e) {
                    fail(command.id() + "." + arg.name() + ": pattern does not compile: " + arg.pattern());
                }
            }
        }
    }

    @Test
    public void unknownCommandsAreRefused() {
        assertAll(
                () -> assertInstanceOf(CommandPlan.Refused.class, driver().plan("no-such-command", Map.of())),
                () -> assertInstanceOf(CommandPlan.Refused.class, driver().plan("reboot; rm -rf /", Map.of())),
                () -> assertInstanceOf(CommandPlan.Refused.class, driver().plan("", Map.of())),
                () -> assertInstanceOf(CommandPlan.Refused.class, driver().plan(null, Map.of())));
    }

    @Test
    public void validArgumentsGivePlainCommandLines() {
        for (CommandSpec command : driver().commands()) {
            CommandPlan plan = driver().plan(command.id(), sampleArgs(command));
            CommandPlan.Exec exec = assertInstanceOf(CommandPlan.Exec.class, plan, command.id() + " was refused");
            assertFalse(exec.commandLine() == null || exec.commandLine().isBlank(), command.id() + ": command line");
            assertFalse(SHELL_META.matcher(exec.commandLine()).find(),
                    command.id() + ": shell metacharacter in " + exec.commandLine());
            assertTrue(exec.timeout() != null && !exec.timeout().isNegative() && !exec.timeout().isZero(),
                    command.id() + ": timeout");
        }
    }

    @Test
    public void metacharactersMissingAndUnexpectedArgumentsAreRefused() {
        for (CommandSpec command : driver().commands()) {
            Map<String, String> valid = sampleArgs(command);
            Map<String, String> extra = new HashMap<>(valid);
            extra.put("bogus", "1");
            assertInstanceOf(CommandPlan.Refused.class, driver().plan(command.id(), extra),
                    command.id() + " accepted an unexpected argument");
            for (ArgSpec arg : command.args()) {
                Map<String, String> missing = new HashMap<>(valid);
                missing.remove(arg.name());
                assertInstanceOf(CommandPlan.Refused.class, driver().plan(command.id(), missing),
                        command.id() + " accepted a missing " + arg.name());
                for (String injection : INJECTIONS) {
                    for (String value : List.of(valid.get(arg.name()) + injection, injection + valid.get(arg.name()),
                            injection)) {
                        Map<String, String> args = new HashMap<>(valid);
                        args.put(arg.name(), value);
                        CommandPlan plan = driver().plan(command.id(), args);
                        CommandPlan.Refused refused = assertInstanceOf(CommandPlan.Refused.class, plan,
                                () -> command.id() + "." + arg.name() + " accepted " + preview(value.getBytes(
                                        StandardCharsets.UTF_8)) + " as " + plan);
                        if (arg.secret()) {
                            assertFalse(refused.reason().contains(valid.get(arg.name())),
                                    command.id() + ": the refusal reveals the secret " + arg.name());
                        }
                    }
                }
            }
        }
    }

    private Map<String, String> sampleArgs(CommandSpec command) {
        if (command.args().isEmpty()) {
            return Map.of();
        }
        Map<String, String> sample = validArguments().get(command.id());
        assertNotNull(sample, "validArguments() needs a sample for command " + command.id());
        return sample;
    }

    /** Printable and bounded, so a failure message can show what was sent. */
    static String preview(byte[] body) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < Math.min(body.length, 160); i++) {
            int b = body[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return sb.append(body.length > 160 ? "\"… (" + body.length + " bytes)" : "\"").toString();
    }

    // ---- recipes (RC-2)

    private RecipeDialect dialectOrSkip() {
        RecipeDialect d = driver().recipes().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(d != null, "the driver has no recipe dialect");
        return d;
    }

    private Recipe sampleRecipe(RecipeDialect d) {
        String listing = recipeListing();
        assertNotNull(listing, "recipeListing() is required when the driver has a recipe dialect");
        RecipeRead read = d.parse(listing);
        RecipeRead.Parsed parsed = assertInstanceOf(RecipeRead.Parsed.class, read, () -> "listing rejected: " + read);
        assertFalse(parsed.recipes().isEmpty(), "the sample listing has no recipe");
        return parsed.recipes().get(0);
    }

    @Test
    public void recipeListingParsesAndWritesBack() {
        RecipeDialect d = dialectOrSkip();
        assertTrue(driver().info().models().stream().anyMatch(d::supports), "no model of the driver supports recipes");
        assertFalse(d.fields().isEmpty());
        assertEquals(d.fields().size(), d.fields().stream().map(RecipeField::key).distinct().count(),
                "field keys must be unique");
        assertInstanceOf(CommandPlan.Exec.class, d.planRead());
        if (readme() != null) {
            try {
                assertTrue(Files.readString(readme()).contains(recipeListing().strip()),
                        "the README must quote the recipe listing verbatim");
            } catch (IOException e) {
                fail(e);
            }
        }
        for (Recipe r : d.parse(recipeListing()) instanceof RecipeRead.Parsed p ? p.recipes() : List.<Recipe>of()) {
            assertEquals(d.fields().stream().map(RecipeField::key).toList(), List.copyOf(r.values().keySet()),
                    r.product() + ": every field in field order");
            CommandPlan plan = d.planWrite(r.id(), r.values());
            CommandPlan.Exec exec = assertInstanceOf(CommandPlan.Exec.class, plan, () -> r.product() + ": " + plan);
            assertFalse(SHELL_META.matcher(exec.commandLine()).find(), exec.commandLine());
        }
    }

    @Test
    public void recipeWritesOutsideTheFieldsAreRefused() {
        RecipeDialect d = dialectOrSkip();
        Recipe r = sampleRecipe(d);
        for (RecipeField f : d.fields()) {
            for (BigDecimal bad : List.of(f.min().subtract(BigDecimal.ONE), f.max().add(BigDecimal.ONE),
                    f.min().add(BigDecimal.ONE.movePointLeft(f.decimals() + 1)))) {
                CommandPlan plan = d.planWrite(r.id(), Map.of(f.key(), bad));
                CommandPlan.Refused refused = assertInstanceOf(CommandPlan.Refused.class, plan,
                        () -> f.key() + "=" + bad + " accepted as " + plan);
                assertTrue(refused.reason().contains(f.key()), refused.reason());
            }
        }
        RecipeField first = d.fields().get(0);
        BigDecimal ok = r.values().get(first.key());
        assertAll(
                () -> assertInstanceOf(CommandPlan.Refused.class, d.planWrite(r.id(), Map.of())),
                () -> assertInstanceOf(CommandPlan.Refused.class, d.planWrite(r.id(), Map.of("bogus", ok))),
                () -> assertInstanceOf(CommandPlan.Refused.class, d.planWrite(null, Map.of(first.key(), ok))),
                () -> {
                    for (String injection : INJECTIONS) {
                        assertInstanceOf(CommandPlan.Refused.class, d.planWrite(r.id() + injection,
                                Map.of(first.key(), ok)), "recipe id " + injection);
                        assertInstanceOf(CommandPlan.Refused.class, d.planWrite(r.id(),
                                Map.of(first.key() + injection, ok)), "field " + injection);
                    }
                });
    }

    @Test
    public void garbageRecipeListingsAreRejectedValues() {
        RecipeDialect d = dialectOrSkip();
        String listing = recipeListing();
        assertNotNull(listing, "recipeListing() is required when the driver has a recipe dialect");
        Random random = new Random(seed());
        List<String> cases = new ArrayList<>(List.of("", " ", "\n", "garbage", "pong"));
        for (int i = 0; i < 500; i++) {
            int cut = random.nextInt(listing.length());
            cases.add(listing.substring(0, cut));
            char[] chars = listing.toCharArray();
            chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
            cases.add(new String(chars));
        }
        cases.add(null);
        for (String c : cases) {
            RecipeRead read = d.parse(c);
            assertNotNull(read, "parse returned null");
            if (read instanceof RecipeRead.Parsed p) {
                for (Recipe r : p.recipes()) {
                    assertEquals(d.fields().size(), r.values().size(), "a parsed recipe lacks fields: " + c);
                }
            }
        }
        assertInstanceOf(RecipeRead.Rejected.class, d.parse(""));
        assertInstanceOf(RecipeRead.Rejected.class, d.parse(null));
    }
}
