package org.coffeecontrol.remote.internal.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.drivers.wmf.internal.WmfDriver;
import org.coffeecontrol.remote.api.CommandRun;
import org.coffeecontrol.remote.api.DriftReport;
import org.coffeecontrol.remote.api.MachineRecipes;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.RecipeCard;
import org.coffeecontrol.remote.api.RecipeCardEntry;
import org.coffeecontrol.remote.api.RecipeDeviation;
import org.coffeecontrol.remote.api.RemoteOperationException;
import org.coffeecontrol.remote.internal.Fixtures;
import org.coffeecontrol.remote.internal.Harness;
import org.coffeecontrol.remote.internal.command.RemoteControlServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recipes over real SSH with the real WMF dialect: validation, write and read-back, cards, drift, restore. */
class RecipeServiceImplTest {

    @TempDir
    Path dir;

    private Harness h;
    private WmfRecipeMachine machine;
    private RecipeServiceImpl service;
    private RemoteControlServiceImpl commands;
    private final Caller support = Fixtures.caller("tom", Role.TECH_SUPPORT, 1, 2);
    private final Caller operator = Fixtures.caller("olga", Role.OPERATOR, 1);
    private final Caller foreignSupport = Fixtures.caller("eve", Role.TECH_SUPPORT, 2);

    @BeforeEach
    void start() throws Exception {
        h = new Harness(dir, Map.of("commandTimeoutSeconds", 2));
        machine = new WmfRecipeMachine();
        h.answers = machine::answer;
        h.server.user("W1", "pw-w1");
        h.catalog.add(3, "W1", 1, "wmf", "WMF 1500S+", "127.0.0.1", h.server.port());
        h.gateway.credentials().save(3, "W1", "pw-w1".toCharArray(), "setup");
        h.gateway.bindDriver(new WmfDriver("test"), Map.of(MachineDriver.FAMILY_PROPERTY, "wmf"));
        service = new RecipeServiceImpl(h.gateway, h.database);
        commands = new RemoteControlServiceImpl(h.gateway, h.database);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    private static RemoteOperationException failure(java.util.concurrent.CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(20, TimeUnit.SECONDS));
        return assertInstanceOf(RemoteOperationException.class, e.getCause());
    }

    @Test
    void readsTheMachinesRecipesWithTheFamilysFields() throws Exception {
        MachineRecipes r = get(service.read(operator, "W1"));
        assertEquals(List.of("Espresso", "Americano 200", "Cappuccino 200"),
                r.recipes().stream().map(x -> x.product()).toList());
        assertEquals(0, new BigDecimal("10.0").compareTo(r.recipes().get(1).values().get("coffee_g")));
        assertEquals("WMF 1500S+", r.model());
        assertEquals(Long.valueOf(1), r.clientId());
        assertFalse(r.cardDefined());
        assertEquals(List.of("coffee_g", "water_ml", "milk_ml", "temperature_c", "price"),
                r.fields().stream().map(f -> f.key()).toList());
    }

    @Test
    void writesValidatedValuesAndConfirmsThemByReadingBack() throws Exception {
        MachineRecipes after = get(service.write(support, "W1", "3", Map.of("coffee_g", new BigDecimal("11.5"),
                "price", new BigDecimal("199.90"))));
        assertEquals(0, new BigDecimal("11.5").compareTo(after.recipes().get(1).values().get("coffee_g")));
        assertTrue(h.server.received.contains("wmf-service recipes set 3 coffee_g=11.5 price=199.9"),
                h.server.received.toString());
        CommandRun run = commands.history(support, "W1", PageRequest.first(5)).items().get(0);
        assertEquals(RecipeServiceImpl.WRITE, run.commandId());
        assertEquals(Outcome.OK, run.outcome());
        assertEquals("3", run.args().get("recipe"));
        assertEquals("tom", run.username());
    }

    @Test
    void outOfRangeUnknownAndInjectedValuesAreRefusedBeforeAnythingIsSent() {
        int before = h.server.received.size();
        ValidationException high = assertThrows(ValidationException.class,
                () -> service.write(support, "W1", "3", Map.of("coffee_g", new BigDecimal("30"))));
        assertEquals("values.coffee_g", high.field());
        assertTrue(high.detail().contains("between 0 and 24.0"), high.detail());
        assertEquals("values.temperature_c", assertThrows(ValidationException.class,
                () -> service.write(support, "W1", "3", Map.of("temperature_c", new BigDecimal("79")))).field());
        assertEquals("values.price", assertThrows(ValidationException.class,
                () -> service.write(support, "W1", "3", Map.of("price", new BigDecimal("1.005")))).field());
        assertEquals("values.sugar_g", assertThrows(ValidationException.class,
                () -> service.write(support, "W1", "3", Map.of("sugar_g", BigDecimal.ONE))).field());
        assertEquals("values.water_ml? reboot", assertThrows(ValidationException.class,
                () -> service.write(support, "W1", "3", Map.of("water_ml; reboot", BigDecimal.ONE))).field());
        for (String slot : List.of("3;reboot", "3 && id", "$(id)", "../3", "3' OR '1'='1", "")) {
            assertEquals("recipeId", assertThrows(ValidationException.class,
                    () -> service.write(support, "W1", slot, Map.of("water_ml", BigDecimal.TEN))).field(), slot);
        }
        assertEquals("values", assertThrows(ValidationException.class,
                () -> service.write(support, "W1", "3", Map.of())).field());
        assertEquals(before, h.server.received.size(), "nothing reached the machine: " + h.server.received);
    }

    @Test
    void aMachineThatDoesNotKeepTheValueIsAFailureNotASuccess() throws Exception {
        machine.applies = false;
        RemoteOperationException e = failure(service.write(support, "W1", "3", Map.of("water_ml",
                new BigDecimal("180"))));
        assertEquals(Outcome.FAILED, e.outcome());
        assertTrue(e.getMessage().contains("reads back water_ml = 200 instead of 180"), e.getMessage());
        assertEquals(Outcome.FAILED, commands.history(support, "W1", PageRequest.first(1)).items().get(0).outcome());
    }

    @Test
    void cardDeviationsDriftAndRestore() throws Exception {
        MachineRecipes reference = get(service.read(support, "W1"));
        RecipeCard card = service.saveCard(support, 1, RecipeCardEntry.of(reference.recipes(), BigDecimal.ZERO), 0);
        assertEquals(15, card.entries().size());
        assertEquals(1, card.version());
        // the tolerance lets small differences pass
        List<RecipeCardEntry> entries = new java.util.ArrayList<>(card.entries());
        entries.replaceAll(e -> e.field().equals("temperature_c") ? new RecipeCardEntry(e.product(), e.field(),
                e.value(), new BigDecimal("2")) : e);
        card = service.saveCard(support, 1, entries, card.version());
        assertThrows(ConflictException.class, () -> service.saveCard(support, 1, List.of(), 1));

        machine.slots.get("3").put("coffee_g", new BigDecimal("12.5"));
        machine.slots.get("3").put("temperature_c", new BigDecimal("94"));
        MachineRecipes drifted = get(service.read(operator, "W1"));
        assertTrue(drifted.cardDefined());
        assertEquals(List.of(new RecipeDeviation("3", "Americano 200", "coffee_g", new BigDecimal("10"),
                new BigDecimal("12.5"), BigDecimal.ZERO)), drifted.deviations());
        assertEquals(0, new BigDecimal("2.5").compareTo(drifted.deviations().get(0).excess()));

        DriftReport report = get(service.drift(operator, null));
        assertEquals(1, report.checked(), "M1/M2 have no recipe dialect and are not counted");
        assertEquals(List.of("W1"), report.machines().stream().map(m -> m.serial()).toList());
        assertEquals(1, report.machines().get(0).deviations().size());

        MachineRecipes restored = get(service.restoreCard(support, "W1"));
        assertTrue(restored.deviations().isEmpty(), restored.deviations().toString());
        assertEquals(0, new BigDecimal("10").compareTo(machine.slots.get("3").get("coffee_g")));
        assertEquals(0, new BigDecimal("94").compareTo(machine.slots.get("3").get("temperature_c")),
                "inside the tolerance: left alone");
        CommandRun run = commands.history(support, "W1", PageRequest.first(1)).items().get(0);
        assertEquals(RecipeServiceImpl.RESTORE, run.commandId());
        assertTrue(run.output().contains("Americano 200 coffee_g: 12.5 -> 10"), run.output());
        assertTrue(get(service.drift(operator, 1L)).machines().isEmpty());
    }

    @Test
    void rolesAndClientVisibilityAreCheckedFirst() {
        assertThrows(AccessDeniedException.class, () -> service.write(operator, "W1", "3",
                Map.of("water_ml", BigDecimal.TEN)));
        assertThrows(AccessDeniedException.class, () -> service.restoreCard(operator, "W1"));
        assertThrows(AccessDeniedException.class, () -> service.read(Fixtures.caller("c", Role.CLIENT, 1), "W1"));
        assertThrows(AccessDeniedException.class, () -> service.saveCard(operator, 1, List.of(), 0));
        assertThrows(NotFoundException.class, () -> service.read(foreignSupport, "W1"));
        assertThrows(NotFoundException.class, () -> service.card(foreignSupport, 1));
        assertThrows(NotFoundException.class, () -> service.drift(foreignSupport, 1L));
        assertEquals("entries[0].value", assertThrows(ValidationException.class, () -> service.saveCard(support, 1,
                List.of(new RecipeCardEntry("Espresso", "coffee_g", new BigDecimal("-1"), null)), 0)).field());
    }

    @Test
    void modelsWithoutRecipesAndOfflineMachinesGetAClearMessage() throws Exception {
        RemoteOperationException unsupported = assertThrows(RemoteOperationException.class,
                () -> service.read(support, "M1"));
        assertEquals(Outcome.NOT_CONFIGURED, unsupported.outcome());
        assertTrue(unsupported.getMessage().contains("no editable recipes"), unsupported.getMessage());

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        h.catalog.add(4, "W2", 1, "wmf", "WMF 1500S+", "127.0.0.1", closed);
        h.gateway.credentials().save(4, "W2", "x".toCharArray(), "setup");
        RemoteOperationException offline = failure(service.read(support, "W2"));
        assertEquals(Outcome.UNREACHABLE, offline.outcome());
        assertTrue(offline.getMessage().contains("W2 is not online"), offline.getMessage());
        assertNull(commands.history(support, "W2", PageRequest.first(1)).items().stream().findFirst()
                .map(CommandRun::commandId).orElse(null), "a read is not a command run");
    }
}
