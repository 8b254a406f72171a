package org.coffeecontrol.driverkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Derives broken payloads from good ones, the way a flaky link, a buggy daemon or an attacker would: flipped and
 * dropped bytes, truncation, spliced fragments, duplicated slices, random text and random binary. Deterministic for
 * a given {@link Random}, so a failing case can be replayed from its seed and index.
 *
 * <p>Public so that an ingest endpoint can be fuzzed with the same generator as the decoders.
 */
public final class PayloadMutator {

    /** Bytes that matter to every text format of ours: separators, quotes, escapes, digits, signs. */
    private static final byte[] INTERESTING = ";,:={}[]\"'\\\n\r\t -+.0123456789eE%#@nultrfas"
            .getBytes(StandardCharsets.US_ASCII);

    private final List<byte[]> seeds;

    public PayloadMutator(List<byte[]> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one seed payload is needed");
        }
        this.seeds = seeds.stream().map(byte[]::clone).toList();
    }

    /** One mutated payload; the kind of mutation is drawn from {@code random} too. */
    public byte[] next(Random random) {
        byte[] seed = seeds.get(random.nextInt(seeds.size()));
        return switch (random.nextInt(11)) {
            case 0 -> truncate(seed, random);
            case 1 -> flipBytes(seed, random);
            case 2 -> deleteRange(seed, random);
            case 3 -> duplicateRange(seed, random);
            case 4 -> splice(seed, seeds.get(random.nextInt(seeds.size())), random);
            case 5 -> insertInteresting(seed, random);
            case 6 -> randomBytes(random);
            case 7 -> randomText(random);
            case 8 -> replaceDigits(seed, random);
            case 9 -> flood(seed, random);
            default -> flipBytes(truncate(seed, random), random);
        };
    }

    private static byte[] truncate(byte[] in, Random random) {
        return java.util.Arrays.copyOf(in, in.length == 0 ? 0 : random.nextInt(in.length));
    }

    private static byte[] flipBytes(byte[] in, Random random) {
        byte[] out = in.clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips && out.length > 0; i++) {
            int at = random.nextInt(out.length);
            out[at] = random.nextBoolean() ? (byte) random.nextInt(256) : INTERESTING[random.nextInt(INTERESTING.length)];
        }
        return out;
    }

    private static byte[] deleteRange(byte[] in, Random random) {
        if (in.length < 2) {
            return new byte[0];
        }
        int from = random.nextInt(in.length);
        int to = Math.min(in.length, from + 1 + random.nextInt(Math.max(1, in.length / 4)));
        return concat(slice(in, 0, from), slice(in, to, in.length));
    }

    private static byte[] duplicateRange(byte[] in, Random random) {
        if (in.length == 0) {
            return in;
        }
        int from = random.nextInt(in.length);
        int to = Math.min(in.length, from + 1 + random.nextInt(Math.max(1, in.length / 3)));
        return concat(slice(in, 0, to), slice(in, from, in.length));
    }

    private static byte[] splice(byte[] a, byte[] b, Random random) {
        int cutA = a.length == 0 ? 0 : random.nextInt(a.length);
        int cutB = b.length == 0 ? 0 : random.nextInt(b.length);
        return concat(slice(a, 0, cutA), slice(b, cutB, b.length));
    }

    private static byte[] insertInteresting(byte[] in, Random random) {
        int at = in.length == 0 ? 0 : random.nextInt(in.length);
        byte[] extra = new byte[1 + random.nextInt(6)];
        for (int i = 0; i < extra.length; i++) {
            extra[i] = INTERESTING[random.nextInt(INTERESTING.length)];
        }
        return concat(concat(slice(in, 0, at), extra), slice(in, at, in.length));
    }

    /** Long runs of one byte: deep nesting, huge numbers, endless lines (stack and memory traps). */
    private static byte[] flood(byte[] in, Random random) {
        byte b = in.length > 0 && random.nextBoolean() ? in[random.nextInt(in.length)]
                : INTERESTING[random.nextInt(INTERESTING.length)];
        byte[] run = new byte[10_000 + random.nextInt(40_000)];
        java.util.Arrays.fill(run, b);
        int at = in.length == 0 ? 0 : random.nextInt(in.length);
        return concat(concat(slice(in, 0, at), run), slice(in, at, in.length));
    }

    private static byte[] replaceDigits(byte[] in, Random random) {
        byte[] out = in.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= '0' && out[i] <= '9' && random.nextInt(8) == 0) {
                out[i] = (byte) (random.nextBoolean() ? '9' : '-');
            }
        }
        return out;
    }

    private static byte[] randomBytes(Random random) {
        byte[] out = new byte[random.nextInt(300)];
        random.nextBytes(out);
        return out;
    }

    private static byte[] randomText(Random random) {
        byte[] out = new byte[random.nextInt(300)];
        for (int i = 0; i < out.length; i++) {
            out[i] = INTERESTING[random.nextInt(INTERESTING.length)];
        }
        return out;
    }

    private static byte[] slice(byte[] in, int from, int to) {
        return java.util.Arrays.copyOfRange(in, from, to);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
