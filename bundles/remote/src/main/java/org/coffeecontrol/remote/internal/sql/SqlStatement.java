package org.coffeecontrol.remote.internal.sql;

import java.util.Locale;
import java.util.Set;

import org.coffeecontrol.api.ValidationException;

/**
 * What may be sent to a machine's database, checked here before the machine checks it again: one SELECT, VALUES,
 * INSERT, UPDATE or DELETE statement, no DDL, no procedure calls. The exec line quotes it so that no shell on the
 * machine side ever interprets it.
 */
public final class SqlStatement {

    public static final int MAX_CHARS = 4000;
    private static final Set<String> ALLOWED = Set.of("SELECT", "VALUES", "INSERT", "UPDATE", "DELETE");

    private SqlStatement() {
    }

    /** @return the statement without surrounding blanks and a trailing semicolon */
    public static String check(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new ValidationException("sql", "a statement is required");
        }
        String s = sql.strip();
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.length() > MAX_CHARS) {
            throw new ValidationException("sql", "longer than " + MAX_CHARS + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' && c != '\t' && c != '\n' && c != '\r') {
                throw new ValidationException("sql", "contains a control character");
            }
        }
        String first = s.split("[\\s(]+", 2)[0].toUpperCase(Locale.ROOT);
        if (!ALLOWED.contains(first)) {
            throw new ValidationException("sql", "only single SELECT, VALUES, INSERT, UPDATE and DELETE statements "
                    + "may run on a machine, not " + first);
        }
        if (hasSemicolonOutsideQuotes(s)) {
            throw new ValidationException("sql", "one statement at a time");
        }
        return s;
    }

    private static boolean hasSemicolonOutsideQuotes(String s) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0; // a doubled quote ('') closes and reopens: same result
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';') {
                return true;
            }
        }
        return false;
    }

    /**
     * The exec line: the statement in single quotes, each single quote inside written as {@code '\''}, which every
     * POSIX-style word splitter (the simulator's included) reads back as the exact statement.
     */
    static String commandLine(String statement) {
        return "sql '" + statement.replace("'", "'\\''") + "'";
    }
}
