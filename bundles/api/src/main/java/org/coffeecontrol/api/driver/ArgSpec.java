package org.coffeecontrol.api.driver;

/**
 * One argument of a command.
 *
 * @param pattern a regular expression the whole value must match; drivers keep it tight (digits, a fixed set)
 * @param secret  masked in logs and history (PINs)
 */
public record ArgSpec(String name, String label, String pattern, boolean secret) {
}
