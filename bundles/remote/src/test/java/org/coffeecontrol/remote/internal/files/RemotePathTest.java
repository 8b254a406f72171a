package org.coffeecontrol.remote.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.coffeecontrol.api.ValidationException;
import org.junit.jupiter.api.Test;

class RemotePathTest {

    private static final List<String> FOLDERS = List.of("promo", "logs", "settings");

    @Test
    void acceptsPlainPathsInAllowedFolders() {
        RemotePath p = RemotePath.parse("logs/2025/daemon (1).log", FOLDERS);
        assertEquals("logs/2025/daemon (1).log", p.text());
        assertEquals(List.of("logs", "logs/2025", "logs/2025/daemon (1).log"), p.prefixes());
        assertEquals("promo", RemotePath.parse("promo/", FOLDERS).text());
        assertTrue(RemotePath.parse("", FOLDERS).isRoot());
        assertTrue(RemotePath.parse(null, FOLDERS).isRoot());
    }

    @Test
    void refusesTraversalAbsolutePathsAndOtherFolders() {
        for (String bad : List.of("../etc/passwd", "logs/../../etc/passwd", "logs/..", "./logs", "logs/./x",
                "/etc/passwd", "/logs/x", "~/x", "C:/x", "logs\\..\\x", "logs//x", "etc/passwd", "data/x",
                "logs/a\u0000b", "logs/a\nb", "logs/$(id)", "logs/`id`", "logs/a;b", "logs/" + "x".repeat(600))) {
            ValidationException e = assertThrows(ValidationException.class, () -> RemotePath.parse(bad, FOLDERS), bad);
            assertEquals("path", e.field());
        }
    }
}
