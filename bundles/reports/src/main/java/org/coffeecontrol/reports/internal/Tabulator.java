package org.coffeecontrol.reports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Groups facts by an ordered list of keys (outermost first) and, optionally, by a column bucket ("periodicity
 * horizontal"), and lays them out as lines: detail lines in key order, each group closed by its subtotal line
 * (when there is more than one level), and the grand total. {@code A} is the report's accumulator (counts,
 * min/max/sum, ...), merged with {@code add}.
 */
final class Tabulator<A> {

    /** One output line: {@code keys} has the group's keys, null beyond its level; {@code columns} by bucket. */
    record Line<A>(boolean subtotal, int level, List<Object> keys, Map<Object, A> columns, A total) {
    }

    private static final Comparator<Object> VALUE_ORDER = (a, b) -> {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof String x && b instanceof String y) {
            int c = x.compareToIgnoreCase(y);
            return c != 0 ? c : x.compareTo(y);
        }
        if (a instanceof LocalDate x && b instanceof LocalDate y) {
            return x.compareTo(y);
        }
        if (a instanceof Comparable && a.getClass() == b.getClass()) {
            @SuppressWarnings({ "unchecked", "rawtypes" })
            int c = ((Comparable) a).compareTo(b);
            return c;
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    };

    private final int levels;
    private final Supplier<A> zero;
    private final BiConsumer<A, A> add;
    /** Hashed while facts arrive and sorted once at the end: a sorted map compared keys at every fact. */
    private final Map<List<Object>, Map<Object, A>> leaves = new HashMap<>();

    Tabulator(int levels, Supplier<A> zero, BiConsumer<A, A> add) {
        this.levels = levels;
        this.zero = zero;
        this.add = add;
    }

    /** Adds a fact under {@code keys} (one per level) and column {@code bucket} (null when not horizontal). */
    void add(List<Object> keys, Object bucket, A value) {
        if (keys.size() != levels) {
            throw new IllegalArgumentException("expected " + levels + " keys, got " + keys);
        }
        Map<Object, A> row = leaves.computeIfAbsent(keys, k -> new HashMap<>());
        A acc = row.computeIfAbsent(bucket == null ? "" : bucket, b -> zero.get());
        add.accept(acc, value);
    }

    /** Makes sure a group shows up even without facts (e.g. a machine that sold nothing). */
    void touch(List<Object> keys) {
        leaves.computeIfAbsent(keys, k -> new HashMap<>());
    }

    boolean isEmpty() {
        return leaves.isEmpty();
    }

    /** Lines in display order, ending with the grand total (level -1). */
    List<Line<A>> lines() {
        List<Line<A>> out = new ArrayList<>();
        List<List<Object>> open = new ArrayList<>();
        List<Map<Object, A>> openColumns = new ArrayList<>();
        Map<Object, A> grand = new HashMap<>();
        List<Object> previous = null;
        for (Map.Entry<List<Object>, Map<Object, A>> leaf : sortedLeaves()) {
            List<Object> keys = leaf.getKey();
            int common = previous == null ? 0 : commonPrefix(previous, keys);
            if (previous != null) {
                close(out, open, openColumns, common);
            }
            for (int l = open.size(); l < levels - 1; l++) {
                open.add(keys.subList(0, l + 1));
                openColumns.add(new HashMap<>());
            }
            out.add(line(false, levels, keys, leaf.getValue()));
            for (Map.Entry<Object, A> cell : leaf.getValue().entrySet()) {
                for (Map<Object, A> cols : openColumns) {
                    add.accept(cols.computeIfAbsent(cell.getKey(), b -> zero.get()), cell.getValue());
                }
                add.accept(grand.computeIfAbsent(cell.getKey(), b -> zero.get()), cell.getValue());
            }
            previous = keys;
        }
        close(out, open, openColumns, 0);
        out.add(line(true, -1, List.of(), grand));
        return out;
    }

    /**
     * Leaves in key order. Each level has few distinct values (points of sale, products, months), so they are
     * ranked once per level and the leaves sorted by their ranks, instead of comparing strings case-insensitively
     * at every step of the sort.
     */
    private List<Map.Entry<List<Object>, Map<Object, A>>> sortedLeaves() {
        List<Map<Object, Integer>> ranks = new ArrayList<>(levels);
        for (int l = 0; l < levels; l++) {
            Set<Object> distinct = new HashSet<>();
            for (List<Object> keys : leaves.keySet()) {
                distinct.add(keys.get(l));
            }
            List<Object> values = new ArrayList<>(distinct);
            values.sort(VALUE_ORDER);
            Map<Object, Integer> rank = new HashMap<>();
            int r = 0;
            for (int i = 0; i < values.size(); i++) {
                if (i > 0 && VALUE_ORDER.compare(values.get(i - 1), values.get(i)) != 0) {
                    r++;
                }
                rank.put(values.get(i), r);
            }
            ranks.add(rank);
        }
        List<Ranked<A>> ranked = new ArrayList<>(leaves.size());
        for (Map.Entry<List<Object>, Map<Object, A>> leaf : leaves.entrySet()) {
            int[] r = new int[levels];
            for (int l = 0; l < levels; l++) {
                r[l] = ranks.get(l).get(leaf.getKey().get(l));
            }
            ranked.add(new Ranked<>(r, leaf));
        }
        ranked.sort((a, b) -> Arrays.compare(a.rank(), b.rank()));
        List<Map.Entry<List<Object>, Map<Object, A>>> out = new ArrayList<>(ranked.size());
        ranked.forEach(x -> out.add(x.leaf()));
        return out;
    }

    private record Ranked<A>(int[] rank, Map.Entry<List<Object>, Map<Object, A>> leaf) {
    }

    private void close(List<Line<A>> out, List<List<Object>> open, List<Map<Object, A>> openColumns, int keep) {
        while (open.size() > keep) {
            int l = open.size() - 1;
            out.add(line(true, l, open.get(l), openColumns.get(l)));
            open.remove(l);
            openColumns.remove(l);
        }
    }

    private Line<A> line(boolean subtotal, int level, List<Object> prefix, Map<Object, A> columns) {
        A total = zero.get();
        columns.values().forEach(v -> add.accept(total, v));
        Object[] keys = new Object[levels];
        for (int i = 0; i < prefix.size(); i++) {
            keys[i] = prefix.get(i);
        }
        return new Line<>(subtotal, level, Arrays.asList(keys), columns, total);
    }

    private static int commonPrefix(List<Object> a, List<Object> b) {
        int i = 0;
        while (i < a.size() && i < b.size() && VALUE_ORDER.compare(a.get(i), b.get(i)) == 0) {
            i++;
        }
        return i;
    }
}
