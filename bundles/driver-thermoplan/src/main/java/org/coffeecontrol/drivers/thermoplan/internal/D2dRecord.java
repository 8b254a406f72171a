package org.coffeecontrol.drivers.thermoplan.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a D2D batch: a record type followed by {@code key=value} fields. A value is a bare token or a
 * double-quoted string with {@code \"}, {@code \\}, {@code \n}, {@code \r} and {@code \t} escapes.
 */
record D2dRecord(String type, Map<String, String> fields) {

    /** A line that does not parse; carries the column for the reason. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    static D2dRecord parse(String line) throws SyntaxError {
        Cursor cursor = new Cursor(line);
        String type = cursor.word("record type");
        Map<String, String> fields = new LinkedHashMap<>();
        while (cursor.skipSpaces()) {
            String key = cursor.word("field name");
            cursor.expect('=');
            String value = cursor.value();
            if (fields.put(key, value) != null) {
                throw new SyntaxError("duplicate field '" + key + "'");
            }
        }
        return new D2dRecord(type, fields);
    }

    private static final class Cursor {
        private final String line;
        private int pos;

        Cursor(String line) {
            this.line = line;
        }

        /** @return true when more text follows the spaces */
        boolean skipSpaces() throws SyntaxError {
            int start = pos;
            while (pos < line.length() && line.charAt(pos) == ' ') {
                pos++;
            }
            if (pos < line.length() && pos == start) {
                throw error("expected a space");
            }
            return pos < line.length();
        }

        String word(String what) throws SyntaxError {
            int start = pos;
            while (pos < line.length() && isWordChar(line.charAt(pos))) {
                pos++;
            }
            if (pos == start) {
                throw error("expected a " + what);
            }
            return line.substring(start, pos);
        }

        void expect(char c) throws SyntaxError {
            if (pos >= line.length() || line.charAt(pos) != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        String value() throws SyntaxError {
            if (pos < line.length() && line.charAt(pos) == '"') {
                return quoted();
            }
            int start = pos;
            while (pos < line.length() && line.charAt(pos) > ' ' && line.charAt(pos) != '"'
                    && line.charAt(pos) != '=') {
                pos++;
            }
            if (pos == start) {
                throw error("expected a value");
            }
            return line.substring(start, pos);
        }

        private String quoted() throws SyntaxError {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < line.length()) {
                char c = line.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (pos >= line.length()) {
                    break;
                }
                char e = line.charAt(pos++);
                switch (e) {
                    case '"', '\\' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    default -> throw error("bad escape");
                }
            }
            throw error("unterminated quoted value");
        }

        private static boolean isWordChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '/';
        }

        private SyntaxError error(String message) {
            return new SyntaxError("column " + (pos + 1) + ": " + message);
        }
    }
}
