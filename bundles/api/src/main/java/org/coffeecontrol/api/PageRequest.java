package org.coffeecontrol.api;

/** Offset/limit paging; limits are clamped so that no caller can ask for the whole database at once. */
public record PageRequest(int offset, int limit) {
    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 50;

    public PageRequest {
        if (offset < 0) {
            throw new ValidationException("offset", "must not be negative");
        }
        if (limit <= 0) {
            limit = DEFAULT_LIMIT;
        }
        limit = Math.min(limit, MAX_LIMIT);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }

    public static PageRequest all() {
        return new PageRequest(0, MAX_LIMIT);
    }
}
