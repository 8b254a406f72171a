package org.coffeecontrol.remote.internal.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialCipherTest {

    @TempDir
    Path dir;

    @Test
    void keyFileIsCreatedOwnerOnlyAndReused() throws Exception {
        Path key = dir.resolve("remote/credentials.key");
        CredentialCipher first = CredentialCipher.fromKeyFile(key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        String sealed = first.encrypt("s3cret", "row-1");
        assertEquals("s3cret", CredentialCipher.fromKeyFile(key).decrypt(sealed, "row-1"), "same key after a restart");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        CredentialCipher.fromKeyFile(key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)), "tightened again");
    }

    @Test
    void ciphertextIsRandomisedBoundToItsRowAndTamperProof() {
        CredentialCipher c = CredentialCipher.fromKeyFile(dir.resolve("k"));
        String a = c.encrypt("s3cret", "row-1");
        assertNotEquals(a, c.encrypt("s3cret", "row-1"), "a fresh IV every time");
        assertFalse(new String(Base64.getDecoder().decode(a)).contains("s3cret"));
        assertThrows(IllegalStateException.class, () -> c.decrypt(a, "row-2"), "copied onto another machine's row");
        byte[] raw = Base64.getDecoder().decode(a);
        raw[raw.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> c.decrypt(Base64.getEncoder().encodeToString(raw), "row-1"));
        CredentialCipher other = CredentialCipher.fromKeyFile(dir.resolve("other"));
        assertThrows(IllegalStateException.class, () -> other.decrypt(a, "row-1"), "another key");
    }
}
