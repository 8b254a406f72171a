package org.coffeecontrol.driverkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    protected int fuzzCases() {
        return 2_000;
    }

    /** A kit bound to some broken variant of the toy driver. */
    abstract static class BrokenKit extends DriverConformanceTest {
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
    }

    @Nested
    class CatchesBrokenDrivers {

        @Test
        void aDriverThatThrowsOnBadInput() {
            BrokenKit kit = new BrokenKit() {
                @Override
                protected MachineDriver driver() {
                    return new ToyDriver() {
                        @Override
                        public DecodeResult decode(TelemetryBatch batch) {
                            String text = new String(batch.body(), StandardCharsets.UTF_8);
                            if (text.contains("DRINK") && !text.contains("Espresso")) {
                                throw new IllegalStateException("boom");
                            }
                            return super.decode(batch);
                        }
                    };
                }
            };
            assertThrows(AssertionError.class, kit::mutatedPayloadsAreValuesNeverExceptions);
        }

        @Test
        void aDriverThatIgnoresTheSerial() {
            BrokenKit kit = new BrokenKit() {
                @Override
                protected MachineDriver driver() {
                    return new ToyDriver() {
                        @Override
                        public DecodeResult decode(TelemetryBatch batch) {
                            String body = new String(batch.body(), StandardCharsets.UTF_8)
                                    .replaceFirst("^TOY [^\n]*", "TOY " + batch.serial());
                            return super.decode(new TelemetryBatch(batch.family(), batch.serial(),
                                    batch.contentType(), body.getBytes(StandardCharsets.UTF_8)));
                        }
                    };
                }
            };
            assertThrows(AssertionError.class, kit::aPayloadFromAnotherSerialIsRejected);
        }

        @Test
        void aDriverThatLosesSequencePrecision() {
            BrokenKit kit = new BrokenKit() {
                @Override
                protected MachineDriver driver() {
                    return new ToyDriver() {
                        @Override
                        public DecodeResult decode(TelemetryBatch batch) {
                            if (super.decode(batch) instanceof DecodeResult.Decoded d) {
                                return DecodeResult.decoded(d.events().stream().map(e -> (MachineEvent)
                                        new MachineEvent.Heartbeat((long) (double) e.seq(), e.time())).toList());
                            }
                            return super.decode(batch);
                        }
                    };
                }
            };
            assertThrows(AssertionError.class, kit::sequenceNumbersRoundTrip);
        }

        @Test
        void aDriverWithSharedMutableState() {
            BrokenKit kit = new BrokenKit() {
                private final MachineDriver shared = new ToyDriver() {
                    private int calls;

                    @Override
                    public DecodeResult decode(TelemetryBatch batch) {
                        calls++;
                        return calls % 97 == 0 ? DecodeResult.rejected("tired") : super.decode(batch);
                    }
                };

                @Override
                protected MachineDriver driver() {
                    return shared;
                }
            };
            assertThrows(AssertionError.class, kit::parallelDecodeEqualsSerialDecode);
        }

        @Test
        void aDriverThatPassesArgumentsThroughUnchecked() {
            BrokenKit kit = new BrokenKit() {
                @Override
                protected MachineDriver driver() {
                    return new ToyDriver() {
                        @Override
                        public CommandPlan plan(String commandId, Map<String, String> args) {
                            if ("say".equals(commandId) && args.containsKey("word") && args.size() == 1) {
                                return new CommandPlan.Exec("toy say " + args.get("word"), Duration.ofSeconds(5));
                            }
                            return super.plan(commandId, args);
                        }
                    };
                }
            };
            assertThrows(AssertionError.class, kit::metacharactersMissingAndUnexpectedArgumentsAreRefused);
        }

        @Test
        void aDriverThatDecodesDifferentlyFromItsExamples() {
            BrokenKit kit = new BrokenKit() {
                @Override
                protected MachineDriver driver() {
                    return new ToyDriver() {
                        @Override
                        public DecodeResult decode(TelemetryBatch batch) {
                            if (super.decode(batch) instanceof DecodeResult.Decoded d) {
                                return DecodeResult.decoded(d.events().subList(0, d.events().size() / 2));
                            }
                            return super.decode(batch);
                        }
                    };
                }
            };
            assertThrows(AssertionError.class, kit::documentedExamplesDecodeToExpectedEvents);
        }
    }
}
