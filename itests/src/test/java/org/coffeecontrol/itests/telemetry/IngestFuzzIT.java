package org.coffeecontrol.itests.telemetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.coffeecontrol.api.telemetry.TelemetryService;
import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.Rest;
import org.coffeecontrol.simulator.model.EventGenerator;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.wire.WireEncoder;
import org.coffeecontrol.simulator.wire.WireEncoders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Throws seeded random and mutated payloads at the ingest endpoint of the running distribution: valid batches of
 * each family with flipped bytes, cut short, spliced across families, with huge numbers, broken UTF-8, control
 * characters, the wrong content type, plus pure noise, empty and oversized bodies, unknown machines and families
 * and wrong secrets. No answer may be a 5xx, every reject is a 4xx (or 202) with a reason, and every payload
 * answered 202/404/422 is kept as a dead letter byte for byte. The same seed sends the same payloads.
 * <p>
 * Not kept: 401 (no trusted sender) and 413 (never read whole). A Content-Type header so malformed that JAX-RS
 * cannot parse it must not cost the payload either: it is kept like any other undecodable batch.
 */
class IngestFuzzIT {

    private static final long SEED = Long.getLong("it.fuzz.seed", 20261126L);
    private static final int COUNT = Integer.getInteger("it.fuzz.count", 10_000);
    private static final Duration TIME_LIMIT = Duration.ofMinutes(4);

    private enum Mutation {
        FLIP_BYTES, TRUNCATE, NOISE, WRONG_CONTENT_TYPE, HUGE_NUMBERS, BAD_UTF8, SPLICE, REPEAT, CONTROL_CHARS,
        EMPTY, UNKNOWN_SERIAL, UNKNOWN_FAMILY, WRONG_SECRET, VALID, OVERSIZED
    }

    private record Valid(MachineSpec machine, String contentType, byte[] body) {
    }

    private record Case(Mutation mutation, String family, String serial, String authorization, String contentType,
            byte[] body) {
    }

    static Distribution dist;
    static Rest admin;
    static TestFleet fleet;
    static final List<Valid> valid = new ArrayList<>();

    @BeforeAll
    static void boot() throws Exception {
        dist = Distribution.shared();
        admin = dist.admin();
        fleet = TestFleet.register(dist.restBase(), 404, 12, 4);
        // A fixed start, not "now": the same seed must send the same bytes on every run.
        Instant from = Instant.parse("2026-03-02T05:00:00Z");
        for (MachineSpec m : fleet.machines()) {
            EventGenerator g = fleet.generator(m, from);
            WireEncoder enc = TestFleet.encoder(m);
            for (int size : new int[] { 1, 5, 40, 200 }) {
                valid.add(new Valid(m, enc.contentType(), enc.encode(m.serial(), g.next(size))));
            }
        }
    }

    @Test
    void noPayloadGetsA5xxAndEveryRejectIsExplainedAndKept() throws Exception {
        long deadLettersBefore = deadLetterTotal();
        Path log = dist.home().resolve("data/log/karaf.log");
        long logBefore = Files.size(log);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        Map<Integer, TestFleet.Answer> answers = new ConcurrentHashMap<>();
        Map<Integer, Case> cases = new ConcurrentHashMap<>();
        for (int i = 0; i < COUNT; i++) {
            int n = i;
            pool.execute(() -> {
                if (System.nanoTime() > deadline) {
                    return;
                }
                Case c = fuzzCase(new SplittableRandom(SEED * 31 + n));
                cases.put(n, c);
                try {
                    answers.put(n, fleet.postRaw(c.family(), c.serial(), c.authorization(), c.contentType(), c.body()));
                } catch (Exception e) {
                    answers.put(n, new TestFleet.Answer(-1, e.toString()));
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(TIME_LIMIT.toSeconds() + 30, TimeUnit.SECONDS));
        assertEquals(COUNT, answers.size(), "not all payloads were sent within " + TIME_LIMIT);

        Map<String, Integer> tally = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Map<Long, Integer> keptIds = new TreeMap<>();
        for (int i = 0; i < COUNT; i++) {
            Case c = cases.get(i);
            TestFleet.Answer a = answers.get(i);
            tally.merge(c.mutation() + " " + a.status(), 1, Integer::sum);
            String problem = check(c, a, i, keptIds);
            if (problem != null && failures.size() < 20) {
                failures.add("#" + i + " " + c.mutation() + " -> " + a.status() + " " + abbreviate(a.body()) + ": "
                        + problem);
            }
        }
        System.out.println("IngestFuzzIT: " + COUNT + " payloads, seed " + SEED + ", answers by mutation: " + tally);
        assertTrue(failures.isEmpty(), String.join("\n", failures));

        assertEquals(deadLettersBefore + keptIds.size(), deadLetterTotal(),
                "every 202/404/422 must be exactly one new dead letter");
        int compared = 0;
        for (Map.Entry<Long, Integer> kept : keptIds.entrySet()) {
            if (compared++ == 40) {
                break;
            }
            assertArrayEquals(cases.get(kept.getValue()).body(), payload(kept.getKey()),
                    "dead letter " + kept.getKey() + " is not the payload sent");
        }
        String newLog = Files.readString(log).substring((int) Math.min(logBefore, Files.size(log)));
        List<String> errors = newLog.lines()
                .filter(l -> l.contains("| ERROR") || l.contains("threw on decode") || l.contains("Event writer failed"))
                .limit(10).toList();
        assertTrue(errors.isEmpty(), "the fuzz left errors in karaf.log:\n" + String.join("\n", errors));
    }

    /** @return what is wrong with the answer, or null */
    private static String check(Case c, TestFleet.Answer a, int index, Map<Long, Integer> keptIds) {
        if (a.status() < 200 || a.status() >= 500) {
            return "server error or no answer";
        }
        JsonNode body;
        try {
            body = Rest.JSON.readTree(a.body());
        } catch (Exception e) {
            return "answer is not JSON";
        }
        if (a.status() == 200) {
            return "STORED".equals(body.path("status").asText()) ? null : "200 without STORED";
        }
        if (a.status() != 202 && a.status() != 401 && a.status() != 404 && a.status() != 413 && a.status() != 422) {
            return "unexpected status";
        }
        if (body.path("reason").asText("").isBlank()) {
            return "reject without a reason";
        }
        boolean keptExpected = a.status() == 202 || a.status() == 404 || a.status() == 422;
        if (keptExpected) {
            if (!body.path("deadLetterId").canConvertToLong()) {
                return "kept without a dead letter id";
            }
            if (keptIds.put(body.path("deadLetterId").asLong(), index) != null) {
                return "dead letter id handed out twice";
            }
        }
        return switch (c.mutation()) {
            case WRONG_SECRET -> a.status() == 401 ? null : "wrong secret not refused with 401";
            case UNKNOWN_SERIAL, UNKNOWN_FAMILY -> a.status() == 404 ? null : "unknown machine not 404";
            case OVERSIZED -> a.status() == 413 ? null : "oversized body not 413";
            default -> a.status() == 401 || a.status() == 413 ? "refused a correctly addressed batch" : null;
        };
    }

    private static Case fuzzCase(SplittableRandom r) {
        Mutation m = pick(r);
        Valid v = valid.get(r.nextInt(valid.size()));
        MachineSpec target = v.machine();
        String auth = "Bearer " + fleet.secret(target);
        byte[] b = v.body().clone();
        String type = v.contentType();
        switch (m) {
            case FLIP_BYTES -> {
                for (int k = 1 + r.nextInt(6); k > 0 && b.length > 0; k--) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
            case TRUNCATE -> b = java.util.Arrays.copyOf(b, r.nextInt(Math.max(1, b.length)));
            case NOISE -> {
                b = new byte[r.nextInt(4000)];
                r.nextBytes(b);
            }
            case WRONG_CONTENT_TYPE -> type = new String[] { null, "", "text/plain", "application/json",
                    "application/x-d2d", "text/csv; charset=latin1", "multipart/form-data; boundary=x", "a/b/c;;=",
                    "text/", "/", "a/b;c", WireEncoders.all().get(r.nextInt(3)).contentType() }[r.nextInt(12)];
            case HUGE_NUMBERS -> b = hugeNumbers(r, new String(b, StandardCharsets.UTF_8));
            case BAD_UTF8 -> b = insert(r, b, new byte[][] { { (byte) 0xC3, 0x28 }, { (byte) 0xFF },
                    { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xF8, (byte) 0x88, (byte) 0x80 },
                    { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xE2, (byte) 0x82 } }[r.nextInt(6)]);
            case SPLICE -> {
                byte[] other = valid.get(r.nextInt(valid.size())).body();
                int cut = r.nextInt(Math.max(1, b.length));
                int from = r.nextInt(Math.max(1, other.length));
                byte[] s = java.util.Arrays.copyOf(b, cut + other.length - from);
                System.arraycopy(other, from, s, cut, other.length - from);
                b = s;
            }
            case REPEAT -> {
                int times = 2 + r.nextInt(3);
                byte[] s = new byte[b.length * times];
                for (int k = 0; k < times; k++) {
                    System.arraycopy(b, 0, s, k * b.length, b.length);
                }
                b = s;
            }
            case CONTROL_CHARS -> b = insert(r, b, new byte[] { 0, 1, 0x1B, '\r', 0x7F, '\t', 0 });
            case EMPTY -> b = new byte[0];
            case UNKNOWN_SERIAL -> {
                return new Case(m, target.family(), "FZ" + r.nextInt(1_000_000), auth, type, b);
            }
            case UNKNOWN_FAMILY -> {
                return new Case(m, "fam" + Integer.toString(r.nextInt(1 << 20), 36), target.serial(), auth, type, b);
            }
            case WRONG_SECRET -> auth = r.nextBoolean() ? null
                    : r.nextBoolean() ? "Bearer " + Base64.getEncoder().encodeToString(new byte[] { (byte) r.nextInt() })
                    : "Basic YWRtaW46YWRtaW4=";
            case OVERSIZED -> b = new byte[TelemetryService.MAX_BATCH_BYTES + 1 + r.nextInt(1000)];
            case VALID -> {
                // A valid batch sent again: must be all duplicates (or stored, the first time).
            }
        }
        return new Case(m, target.family(), target.serial(), auth, type, b);
    }

    private static Mutation pick(SplittableRandom r) {
        // Oversized bodies cost a megabyte each: keep them rare.
        int x = r.nextInt(1000);
        if (x < 5) {
            return Mutation.OVERSIZED;
        }
        Mutation[] common = Mutation.values();
        return common[r.nextInt(common.length - 1)];
    }

    private static byte[] insert(SplittableRandom r, byte[] b, byte[] what) {
        int at = r.nextInt(b.length + 1);
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }

    private static byte[] hugeNumbers(SplittableRandom r, String s) {
        String[] huge = { "99999999999999999999999999999", "-9223372036854775809", "1e400", "-1e400", "NaN",
                "1.7976931348623157E309", "0.000000000000000000000000000000000001", "18446744073709551616" };
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher digits = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?").matcher(s);
        int last = 0;
        while (digits.find()) {
            out.append(s, last, digits.start());
            out.append(r.nextInt(4) == 0 ? huge[r.nextInt(huge.length)] : digits.group());
            last = digits.end();
        }
        return out.append(s.substring(last)).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long deadLetterTotal() {
        return admin.get("/api/telemetry/dead-letters?limit=1").expect(200).json().path("total").asLong();
    }

    private static byte[] payload(long id) throws Exception {
        HttpResponse<byte[]> r = TestFleet.HTTP.send(HttpRequest.newBuilder(
                URI.create(dist.restBase() + "/api/telemetry/dead-letters/" + id + "/payload"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + Distribution.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        return r.body();
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
