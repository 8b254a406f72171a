package org.coffeecontrol.driverkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.DecodeResult;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.TelemetryBatch;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The kit passes a correct driver (the inherited tests) and catches broken ones (the nested tests). */
class DriverConformanceTestTest extends DriverConformanceTest {

    static final Instant T = Instant.parse("2025-03-14T07:00:00Z");

    @Override
    protected MachineDriver driver() {
        return new ToyDriver();
    }

    @Override
    protected List<DriverExample> examples() {
        return toyExamples();
    }

    static List<DriverExample> toyExamples() {
        return List.of(DriverExample.of("two events", "T-1", "TOY T-1\n5 " + T.toEpochMilli() + " HB\n6 "
                + T.toEpochMilli() + " DRINK Espresso\n", new MachineEvent.Heartbeat(5, T),
                new MachineEvent.DrinkMade(6, T, "Espresso", null)));
    }

    @Override
    protected byte[] heartbeats(String serial, List<Long> seqs, Instant time) {
        return toyHeartbeats(serial, seqs, time);
    }

    static byte[] toyHeartbeats(String serial, List<Long> seqs, Instant time) {
        return ("TOY " + serial + "\n" + seqs.stream().map(s -> s + " " + time.toEpochMilli() + " HB")
                .collect(Collectors.joining("\n"))).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected Map<String, Map<String, String>> validArguments() {
        return Map.of("say", Map.of("word", "hello"));
    }

    @Override
    protected java.nio.file.Path readme() {
        return null;
    }

    @Override
    protected String recipeListing() {
        return ToyRecipes.LISTING;
    }

    @Override
    protected int fuzzCases() {
        return 2_000;
    }

    /** The kit bound to a broken variant of the toy driver. */
    static final class BrokenKit extends DriverConformanceTest {
        private final MachineDriver driver;

        BrokenKit(MachineDriver driver) {
            this.driver = driver;
        }

        @Override
        protected MachineDriver driver() {
            return driver;
        }

        @Override
        protected List<DriverExample> examples() {
            return toyExamples();
        }

        @Override
        protected byte[] heartbeats(String serial, List<Long> seqs, Instant time) {
            return toyHeartbeats(serial, seqs, time);
        }

        @Override
        protected Map<String, Map<String, String>> validArguments() {
            return Map.of("say", Map.of("word", "hello"));
        }

        @Override
        protected java.nio.file.Path readme() {
            return null;
        }

        @Override
        protected String recipeListing() {
            return ToyRecipes.LISTING;
        }
    }

    /** The toy with another recipe dialect. */
    static MachineDriver withRecipes(org.coffeecontrol.api.driver.RecipeDialect dialect) {
        return new ToyDriver() {
            @Override
            public java.util.Optional<org.coffeecontrol.api.driver.RecipeDialect> recipes() {
                return java.util.Optional.of(dialect);
            }
        };
    }

    /** A toy driver whose decode is replaced; {@code correct} is the toy's own decode. */
    static MachineDriver decoding(BiFunction<TelemetryBatch, Function<TelemetryBatch, DecodeResult>, DecodeResult> d) {
        return new ToyDriver() {
            @Override
            public DecodeResult decode(TelemetryBatch batch) {
                return d.apply(batch, super::decode);
            }
        };
    }

    /** The toy's events after {@code change}, for payloads the toy accepts. */
    static MachineDriver alteringEvents(UnaryOperator<List<MachineEvent>> change) {
        return decoding((batch, correct) -> correct.apply(batch) instanceof DecodeResult.Decoded d
                ? DecodeResult.decoded(change.apply(d.events()))
                : correct.apply(batch));
    }

    @Nested
    class CatchesBrokenDrivers {

        @Test
        void aDriverThatThrowsOnBadInput() {
            BrokenKit kit = new BrokenKit(decoding((batch, correct) -> {
                String text = new String(batch.body(), StandardCharsets.UTF_8);
                if (text.contains("DRINK") && !text.contains("Espresso")) {
                    throw new IllegalStateException("boom");
                }
                return correct.apply(batch);
            }));
            assertThrows(AssertionError.class, kit::mutatedPayloadsAreValuesNeverExceptions);
        }

        @Test
        void aDriverThatIgnoresTheSerial() {
            BrokenKit kit = new BrokenKit(decoding((batch, correct) -> {
                String body = new String(batch.body(), StandardCharsets.UTF_8)
                        .replaceFirst("^TOY [^\n]*", "TOY " + batch.serial());
                return correct.apply(new TelemetryBatch(batch.family(), batch.serial(), batch.contentType(),
                        body.getBytes(StandardCharsets.UTF_8)));
            }));
            assertThrows(AssertionError.class, kit::aPayloadFromAnotherSerialIsRejected);
        }

        @Test
        void aDriverThatLosesSequencePrecision() {
            BrokenKit kit = new BrokenKit(alteringEvents(events -> events.stream()
                    .map(e -> (MachineEvent) new MachineEvent.Heartbeat((long) (double) e.seq(), e.time())).toList()));
            assertThrows(AssertionError.class, kit::sequenceNumbersRoundTrip);
        }

        @Test
        void aDriverWithSharedMutableState() {
            BrokenKit kit = new BrokenKit(new ToyDriver() {
                private int calls;

                @Override
                public DecodeResult decode(TelemetryBatch batch) {
                    calls++;
                    return calls % 97 == 0 ? DecodeResult.rejected("tired") : super.decode(batch);
                }
            });
            assertThrows(AssertionError.class, kit::parallelDecodeEqualsSerialDecode);
        }

        @Test
        void aDriverThatPassesArgumentsThroughUnchecked() {
            BrokenKit kit = new BrokenKit(new ToyDriver() {
                @Override
                public CommandPlan plan(String commandId, Map<String, String> args) {
                    if ("say".equals(commandId) && args.containsKey("word") && args.size() == 1) {
                        return new CommandPlan.Exec("toy say " + args.get("word"), Duration.ofSeconds(5));
                    }
                    return super.plan(commandId, args);
                }
            });
            assertThrows(AssertionError.class, kit::metacharactersMissingAndUnexpectedArgumentsAreRefused);
        }

        @Test
        void aDriverThatDecodesDifferentlyFromItsExamples() {
            BrokenKit kit = new BrokenKit(alteringEvents(events -> events.subList(0, events.size() / 2)));
            assertThrows(AssertionError.class, kit::documentedExamplesDecodeToExpectedEvents);
        }

        @Test
        void aDriverThatAcceptsEverything() {
            BrokenKit kit = new BrokenKit(decoding((batch, correct) -> DecodeResult.decoded(List.of())));
            assertThrows(AssertionError.class, kit::mutatedPayloadsAreValuesNeverExceptions);
        }
    
        @Test
        void aRecipeDialectThatWritesWhateverItIsGiven() {
            BrokenKit kit = new BrokenKit(withRecipes(new ToyRecipes() {
                @Override
                public org.coffeecontrol.api.driver.CommandPlan planWrite(String recipeId,
                        Map<String, java.math.BigDecimal> values) {
                    return new org.coffeecontrol.api.driver.CommandPlan.Exec("toy recipe " + recipeId + " " + values,
                            java.time.Duration.ofSeconds(5));
                }
            }));
            assertThrows(AssertionError.class, kit::recipeWritesOutsideTheFieldsAreRefused);
        }

        @Test
        void aRecipeDialectThatThrowsOnACutListing() {
            BrokenKit kit = new BrokenKit(withRecipes(new ToyRecipes() {
                @Override
                public org.coffeecontrol.api.driver.RecipeRead parse(String output) {
                    if (!output.endsWith("\n")) {
                        throw new IllegalStateException("cut");
                    }
                    return super.parse(output);
                }
            }));
            assertThrows(RuntimeException.class, kit::garbageRecipeListingsAreRejectedValues);
        }
    }
}
