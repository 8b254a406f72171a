package org.coffeecontrol.remote.internal.files;

import java.util.ArrayList;
import java.util.List;

import org.coffeecontrol.api.ValidationException;

/**
 * A path inside a machine's allowed folders, checked before any SFTP request: relative, {@code /}-separated,
 * no {@code .} or {@code ..} segments, plain file names only, first segment one of the allowed folders. Symbolic
 * links are checked on the machine itself ({@link MachineFileServiceImpl}).
 */
record RemotePath(List<String> segments) {

    static final int MAX_CHARS = 512;
    private static final String NAME = "[A-Za-z0-9 ._()+,=@-]{1,255}";

    RemotePath {
        segments = List.copyOf(segments);
    }

    /** @param path null or blank means the root (the list of allowed folders) */
    static RemotePath parse(String path, List<String> allowedFolders) {
        if (path == null || path.isBlank()) {
            return new RemotePath(List.of());
        }
        if (path.length() > MAX_CHARS) {
            throw refused("longer than " + MAX_CHARS + " characters");
        }
        if (path.startsWith("/") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
            throw refused("absolute paths are not allowed; use a path relative to the machine's folders, e.g. logs/x.log");
        }
        if (path.indexOf('\\') >= 0) {
            throw refused("use / to separate folders");
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        List<String> segments = new ArrayList<>();
        for (String s : p.split("/", -1)) {
            if (s.equals("..") || s.equals(".")) {
                throw refused("'" + s + "' is not allowed: paths may not leave or name their folder");
            }
            if (s.isEmpty()) {
                throw refused("empty folder name (//)");
            }
            if (!s.matches(NAME) || s.isBlank()) {
                throw refused("'" + s + "' may only contain letters, digits, spaces and . _ ( ) + , = @ -");
            }
            segments.add(s);
        }
        if (!allowedFolders.contains(segments.get(0))) {
            throw refused("only the folders " + String.join(", ", allowedFolders) + " may be used");
        }
        return new RemotePath(segments);
    }

    private static ValidationException refused(String why) {
        return new ValidationException("path", why);
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    /** The SFTP path, relative to the login's home (the machine's root). */
    String text() {
        return String.join("/", segments);
    }

    String name() {
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }

    /** Every path from the first folder down to this one, e.g. logs, logs/a, logs/a/b.txt. */
    List<String> prefixes() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= segments.size(); i++) {
            out.add(String.join("/", segments.subList(0, i)));
        }
        return out;
    }
}
