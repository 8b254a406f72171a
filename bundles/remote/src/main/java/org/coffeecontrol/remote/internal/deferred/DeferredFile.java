package org.coffeecontrol.remote.internal.deferred;

import java.util.Locale;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.remote.api.DeferredSqlService;
import org.coffeecontrol.remote.internal.sql.SqlStatement;

/**
 * The content of a deferred SQL file: a first line starting with {@code Fast ID}, then one statement that may run
 * on a machine (the same rules as the SQL console).
 */
record DeferredFile(String fastId, String sql) {

    /** Larger files are no query file but something dropped by mistake. */
    static final int MAX_BYTES = 16 * 1024;

    /** @throws ValidationException naming {@code content} */
    static DeferredFile parse(String content) {
        if (content == null || content.isBlank()) {
            throw new ValidationException("content", "empty: a deferred query starts with a line 'Fast ID <id>'");
        }
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        int eol = text.indexOf('\n');
        String first = (eol < 0 ? text : text.substring(0, eol)).strip();
        if (!first.toLowerCase(Locale.ROOT).startsWith(DeferredSqlService.FAST_ID.toLowerCase(Locale.ROOT))) {
            throw new ValidationException("content", "the first line must start with 'Fast ID' (e.g. 'Fast ID 17'), "
                    + "not '" + abbreviate(first) + "'");
        }
        String id = first.substring(DeferredSqlService.FAST_ID.length()).replaceFirst("^[\\s:=#-]+", "").strip();
        if (id.length() > 200) {
            throw new ValidationException("content", "the Fast ID is longer than 200 characters");
        }
        String rest = eol < 0 ? "" : text.substring(eol + 1);
        try {
            return new DeferredFile(id, SqlStatement.check(rest));
        } catch (ValidationException e) {
            throw new ValidationException("content", "statement after the Fast ID line: " + e.detail());
        }
    }

    String text() {
        return DeferredSqlService.FAST_ID + " " + fastId + "\n" + sql + "\n";
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
