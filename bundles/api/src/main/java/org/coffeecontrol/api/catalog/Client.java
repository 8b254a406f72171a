package org.coffeecontrol.api.catalog;

/** A company owning points of sale (CAT-4). {@code version} guards against lost updates. */
public record Client(Long id, String name, String code, String email, String phone, String notes, long version) {
}
