package org.coffeecontrol.core.internal.telemetry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.telemetry.StoredEvent;

/**
 * The compact binary form of a run of one machine's events, stored as one row of {@code cc_event_segment}. One row
 * per batch instead of one per event is what lets ingest outrun a plain row-per-event insert: Derby's cost is per
 * row and per index entry, not per byte. Layout (version 1), all integers as LEB128 varints, signed ones zig-zagged:
 *
 * <pre>
 * segment := version(1) count
 * event   := Δseq Δepochsecond nanos kind flags [code] [text] [num] [unit] [severity] [endΔsecond endnanos]
 * string  := index into the segment's dictionary; index == dictionary size introduces a new entry: length utf8bytes
 * num     := flag "integral" ? zigzag(long) : 8 bytes IEEE 754
 * </pre>
 *
 * Deltas are against the previous event of the segment (the first against 0). Products, units, sensor names and
 * error codes repeat within a batch, so the dictionary brings a drink down to about ten bytes.
 */
final class EventSegments {

    /** Derby's VARCHAR FOR BIT DATA holds 32,672 bytes; a segment closes past this, and one event is at most ~2 KB. */
    static final int MAX_BYTES = 28_000;

    static final byte VERSION = 1;

    private static final String[] KINDS = { "DRINK", "ERROR", "ERROR_CLEARED", "CLEANING", "SENSOR", "COUNTER",
        "HEARTBEAT", "NOTICE" };
    private static final Map<String, Integer> KIND_INDEX = new HashMap<>();

    static {
        for (int i = 0; i < KINDS.length; i++) {
            KIND_INDEX.put(KINDS[i], i);
        }
    }

    private static final int CODE = 1;
    private static final int TEXT = 2;
    private static final int NUM = 4;
    private static final int NUM_INTEGRAL = 8;
    private static final int UNIT = 16;
    private static final int SEVERITY = 32;
    private static final int END = 64;

    private EventSegments() {
    }

    /** One encoded run of events with what the row's columns say about it. */
    record Segment(long firstSeq, long lastSeq, Instant firstTime, Instant lastTime, int count, byte[] data) {
    }

    /** One event as the flat columns every store of it shares; null fields are absent. */
    record Flat(String kind, String code, String text, Double num, String unit, String severity, Instant end) {

        static Flat of(MachineEvent e) {
            if (e instanceof MachineEvent.DrinkMade d) {
                Double size = d.sizeMl() == null ? null : d.sizeMl().doubleValue();
                return new Flat("DRINK", d.product(), null, size, size == null ? null : "ml", null, null);
            } else if (e instanceof MachineEvent.ErrorRaised r) {
                return new Flat("ERROR", r.code(), r.text(), null, null,
                        r.severity() == null ? null : r.severity().name(), null);
            } else if (e instanceof MachineEvent.ErrorCleared c) {
                return new Flat("ERROR_CLEARED", c.code(), null, null, null, null, null);
            } else if (e instanceof MachineEvent.CleaningRun c) {
                return new Flat("CLEANING", c.program(), c.completed() ? "completed" : "aborted", null, null, null,
                        c.end());
            } else if (e instanceof MachineEvent.SensorReading s) {
                return new Flat("SENSOR", s.sensor(), null, s.value(), s.unit(), null, null);
            } else if (e instanceof MachineEvent.CounterReading c) {
                return new Flat("COUNTER", c.key(), c.value(), null, null, null, null);
            } else if (e instanceof MachineEvent.Notice n) {
                return new Flat("NOTICE", n.code(), n.text(), null, null, null, null);
            }
            return new Flat("HEARTBEAT", null, null, null, null, null, null);
        }

        /** As the row store keeps it: column widths clipped, non-finite numbers as absent. */
        Flat stored() {
            Double n = num == null || num.isNaN() || num.isInfinite() ? null : num;
            return new Flat(kind, clip(code, 100), clip(text, 500), n, clip(unit, 16), severity, end);
        }
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * Encodes events (sorted here by sequence number) into as few segments as fit {@link #MAX_BYTES} each.
     */
    static List<Segment> encode(List<MachineEvent> events) {
        MachineEvent[] sorted = events.toArray(MachineEvent[]::new);
        Arrays.sort(sorted, (a, b) -> Long.compare(a.seq(), b.seq()));
        List<Segment> out = new ArrayList<>();
        Writer w = null;
        for (MachineEvent e : sorted) {
            if (w == null) {
                w = new Writer();
            }
            w.add(e);
            if (w.size() >= MAX_BYTES) {
                out.add(w.finish());
                w = null;
            }
        }
        if (w != null) {
            out.add(w.finish());
        }
        return out;
    }

    /** Decodes a segment's events in stored (sequence) order. */
    static List<StoredEvent> decode(long equipmentId, byte[] data, Instant receivedAt) {
        Reader r = new Reader(data);
        int version = r.data[r.pos++];
        if (version != VERSION) {
            throw new IllegalStateException("event segment version " + version + " is newer than this core");
        }
        int count = (int) r.varint();
        List<StoredEvent> out = new ArrayList<>(count);
        List<String> dict = new ArrayList<>();
        long seq = 0;
        long second = 0;
        for (int i = 0; i < count; i++) {
            seq += r.zigzag();
            second += r.zigzag();
            Instant time = Instant.ofEpochSecond(second, r.varint());
            String kind = KINDS[r.data[r.pos++]];
            int flags = r.data[r.pos++];
            String code = (flags & CODE) != 0 ? r.string(dict) : null;
            String text = (flags & TEXT) != 0 ? r.string(dict) : null;
            Double num = null;
            if ((flags & NUM) != 0) {
                num = (flags & NUM_INTEGRAL) != 0 ? (double) r.zigzag() : Double.longBitsToDouble(r.fixed64());
            }
            String unit = (flags & UNIT) != 0 ? r.string(dict) : null;
            String severity = (flags & SEVERITY) != 0 ? r.string(dict) : null;
            Instant end = null;
            if ((flags & END) != 0) {
                end = Instant.ofEpochSecond(second + r.zigzag(), r.varint());
            }
            out.add(new StoredEvent(equipmentId, seq, time, kind, code, text, num, unit, severity, end, receivedAt));
        }
        return out;
    }

    private static final class Writer {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
        private final Map<String, Integer> dict = new HashMap<>();
        private long prevSeq;
        private long prevSecond;
        private long firstSeq;
        private long lastSeq;
        private Instant firstTime;
        private Instant lastTime;
        private int count;

        void add(MachineEvent e) {
            Flat f = Flat.of(e).stored();
            Instant t = e.time();
            if (count == 0) {
                firstSeq = e.seq();
                firstTime = t;
                lastTime = t;
            }
            lastSeq = e.seq();
            firstTime = t.isBefore(firstTime) ? t : firstTime;
            lastTime = t.isAfter(lastTime) ? t : lastTime;
            count++;
            zigzag(e.seq() - prevSeq);
            prevSeq = e.seq();
            zigzag(t.getEpochSecond() - prevSecond);
            prevSecond = t.getEpochSecond();
            varint(t.getNano());
            Integer kind = KIND_INDEX.get(f.kind());
            body.write(kind);
            boolean integral = f.num() != null && f.num() == Math.rint(f.num()) && Math.abs(f.num()) < 1e15
                    && !(f.num() == 0 && 1 / f.num() < 0);
            int flags = (f.code() != null ? CODE : 0) | (f.text() != null ? TEXT : 0) | (f.num() != null ? NUM : 0)
                    | (integral ? NUM_INTEGRAL : 0) | (f.unit() != null ? UNIT : 0)
                    | (f.severity() != null ? SEVERITY : 0) | (f.end() != null ? END : 0);
            body.write(flags);
            string(f.code());
            string(f.text());
            if (f.num() != null) {
                if (integral) {
                    zigzag(f.num().longValue());
                } else {
                    long bits = Double.doubleToRawLongBits(f.num());
                    for (int i = 0; i < 8; i++) {
                        body.write((int) (bits >>> (8 * i)));
                    }
                }
            }
            string(f.unit());
            string(f.severity());
            if (f.end() != null) {
                zigzag(f.end().getEpochSecond() - t.getEpochSecond());
                varint(f.end().getNano());
            }
        }

        int size() {
            return body.size();
        }

        Segment finish() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 6);
            out.write(VERSION);
            long c = count;
            while ((c & ~0x7FL) != 0) {
                out.write((int) ((c & 0x7F) | 0x80));
                c >>>= 7;
            }
            out.write((int) c);
            out.writeBytes(body.toByteArray());
            return new Segment(firstSeq, lastSeq, firstTime, lastTime, count, out.toByteArray());
        }

        private void string(String s) {
            if (s == null) {
                return;
            }
            Integer known = dict.get(s);
            if (known != null) {
                varint(known);
                return;
            }
            varint(dict.size());
            dict.put(s, dict.size());
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            body.write(utf8, 0, utf8.length);
        }

        private void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        private void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                body.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            body.write((int) v);
        }
    }

    private static final class Reader {
        final byte[] data;
        int pos;

        Reader(byte[] data) {
            this.data = data;
        }

        long varint() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte b = data[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
                shift += 7;
            }
        }

        long zigzag() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        long fixed64() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v |= (data[pos++] & 0xFFL) << (8 * i);
            }
            return v;
        }

        String string(List<String> dict) {
            int index = (int) varint();
            if (index < dict.size()) {
                return dict.get(index);
            }
            int length = (int) varint();
            String s = new String(data, pos, length, StandardCharsets.UTF_8);
            pos += length;
            dict.add(s);
            return s;
        }
    }
}
