package org.coffeecontrol.api.catalog;

/** A geographic region points of sale belong to (CAT-4). */
public record Region(Long id, String name, String code, long version) {
}
