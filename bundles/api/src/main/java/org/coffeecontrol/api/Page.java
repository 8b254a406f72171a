package org.coffeecontrol.api;

import java.util.List;

/** One page of a longer result: {@code total} counts every match, not only this page. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
        return new Page<>(items, total, request.offset(), request.limit());
    }
}
