package org.coffeecontrol.shell.internal;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.shell.api.ShellCaller;

/**
 * How every coffee command writes to the terminal. Admins read this over SSH in 80 columns, so cells are cut to
 * fixed widths here rather than left to ShellTable, which would truncate without any mark.
 */
final class Output {

    static final int WIDTH = 80;
    private static final int LABEL_WIDTH = 20;
    static final String NONE = "-";

    private final PrintStream out;

    Output(PrintStream out) {
        this.out = out;
    }

    void line(String text) {
        out.println(text);
    }

    void heading(String title) {
        out.println(title);
        out.println("=".repeat(Math.min(title.length(), WIDTH)));
    }

    /** One aligned "Label: value" line of a detail view. */
    void field(String label, Object value) {
        String padded = String.format(Locale.ROOT, "  %-" + LABEL_WIDTH + "s", label + ":");
        out.println(padded + " " + fit(text(value), WIDTH - padded.length() - 1));
    }

    /** A map shown as an indented block under its label, one entry per line in the map's order. */
    void block(String label, Map<String, String> values) {
        if (values.isEmpty()) {
            field(label, NONE);
            return;
        }
        out.println("  " + label + ":");
        values.forEach((k, v) -> field("  " + k, v));
    }

    void table(ShellTable table) {
        table.print(out, true);
    }

    /** Tells how much of a longer result was shown, and how to get the rest. */
    void footer(Page<?> page, String noun) {
        int shown = page.items().size();
        if (shown == page.total() && page.offset() == 0) {
            out.println(noun + ": " + shown);
            return;
        }
        String range = shown == 0 ? "none" : (page.offset() + 1) + "-" + (page.offset() + shown);
        String more = page.offset() + shown < page.total()
                ? "; next: --offset " + (page.offset() + shown) + " --limit " + page.limit()
                : "";
        out.println(noun + ": " + range + " of " + page.total() + more);
    }

    static ShellTable newTable() {
        return new ShellTable().emptyTableText("(nothing found)");
    }

    static String text(Object value) {
        if (value == null) {
            return NONE;
        }
        String s = String.valueOf(value).strip();
        return s.isEmpty() ? NONE : s.replaceAll("\\s*\\R\\s*", " ");
    }

    /** Cuts to {@code max} characters, marking the cut with '~' so a shortened value never passes as whole. */
    static String fit(String value, int max) {
        String s = text(value);
        if (s.length() <= max) {
            return s;
        }
        return max <= 1 ? s.substring(0, max) : s.substring(0, max - 1) + "~";
    }

    static String cell(Object value, int max) {
        return fit(text(value), max);
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    static String roles(Set<Role> roles) {
        if (roles.isEmpty()) {
            return NONE;
        }
        return roles.stream().sorted().map(Arguments::roleName).collect(Collectors.joining(","));
    }

    static String ids(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return NONE;
        }
        return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    static String named(String name, Long id) {
        return id == null ? NONE : text(name) + " (#" + id + ")";
    }

    /** The one line an admin sees for an expected failure: never a stack trace. */
    static String error(CoffeeException e) {
        return ShellCaller.failureLine(e);
    }
}
