package org.coffeecontrol.remote.internal.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.remote.api.RemoteFile;
import org.coffeecontrol.remote.internal.Fixtures;
import org.coffeecontrol.remote.internal.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineFileServiceImplTest {

    @TempDir
    Path dir;

    private Harness h;
    private MachineFileServiceImpl files;
    private Path root;
    private final Caller support = Fixtures.caller("tom", Role.TECH_SUPPORT, 1, 2);

    @BeforeEach
    void start() throws Exception {
        h = new Harness(dir, Map.of("maxFileBytes", 1000L));
        root = dir.resolve("sftp");
        Files.createDirectories(root.resolve("logs"));
        Files.createDirectories(root.resolve("promo"));
        Files.writeString(root.resolve("logs/daemon.log"), "started\n");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "top secret");
        Files.createSymbolicLink(root.resolve("logs/escape"), outside);
        Files.createSymbolicLink(root.resolve("logs/secret.txt"), outside.resolve("secret.txt"));
        files = new MachineFileServiceImpl(h.gateway);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> f) {
        return assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS)).getCause();
    }

    @Test
    void listsUploadsAndDownloads() throws Exception {
        List<RemoteFile> roots = await(files.list(support, "M1", ""));
        assertEquals(List.of("promo", "logs"), roots.stream().map(RemoteFile::name).toList(), "settings does not exist");
        List<RemoteFile> logs = await(files.list(support, "M1", "logs"));
        assertEquals(List.of("daemon.log", "escape", "secret.txt"), logs.stream().map(RemoteFile::name).toList());
        assertEquals(RemoteFile.Kind.FILE, logs.get(0).kind());
        assertEquals(RemoteFile.Kind.LINK, logs.get(1).kind());
        assertEquals("started\n", new String(await(files.download(support, "M1", "logs/daemon.log")), StandardCharsets.UTF_8));
        RemoteFile up = await(files.upload(support, "M1", "promo/banner.png", new byte[] { 1, 2, 3 }));
        assertEquals(3, up.size());
        assertArrayEquals(new byte[] { 1, 2, 3 }, Files.readAllBytes(root.resolve("promo/banner.png")));
    }

    @Test
    void aLargeUploadReportsItsProgress() throws Exception {
        h.close();
        h = new Harness(dir, Map.of("maxFileBytes", 1_000_000L));
        files = new MachineFileServiceImpl(h.gateway);
        byte[] big = new byte[300_000];
        new java.util.Random(7).nextBytes(big);
        List<Long> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        RemoteFile up = await(files.upload(support, "M1", "promo/big.bin", big, reported::add));
        assertEquals(big.length, up.size());
        assertArrayEquals(big, Files.readAllBytes(root.resolve("promo/big.bin")));
        assertEquals(List.of(65_536L, 131_072L, 196_608L, 262_144L, 300_000L), reported, "chunk by chunk, then all");
    }

    @Test
    void symbolicLinksNeverLeadOutside() {
        // one after the other: a machine takes only two operations at once
        List<Supplier<CompletableFuture<?>>> attempts = List.of(
                () -> files.download(support, "M1", "logs/escape/secret.txt"),
                () -> files.download(support, "M1", "logs/secret.txt"), () -> files.list(support, "M1", "logs/escape"),
                () -> files.upload(support, "M1", "logs/escape/planted.txt", new byte[] { 1 }),
                () -> files.upload(support, "M1", "logs/secret.txt", new byte[] { 1 }));
        for (Supplier<CompletableFuture<?>> attempt : attempts) {
            Throwable t = failure(attempt.get());
            ValidationException e = assertInstanceOf(ValidationException.class, t, String.valueOf(t));
            assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        }
        assertTrue(Files.notExists(dir.resolve("outside/planted.txt")));
    }

    @Test
    void traversalIsRefusedBeforeConnecting() {
        for (String bad : List.of("../outside/secret.txt", "logs/../../outside/secret.txt", "/etc/passwd", "etc/x")) {
            assertEquals("path", assertThrows(ValidationException.class,
                    () -> files.download(support, "M1", bad)).field());
        }
    }

    @Test
    void sizeLimitsAndMissingFiles() throws Exception {
        assertEquals("file", assertThrows(ValidationException.class,
                () -> files.upload(support, "M1", "promo/big.png", new byte[1001])).field());
        Files.write(root.resolve("logs/big.log"), new byte[1001]);
        assertInstanceOf(ValidationException.class, failure(files.download(support, "M1", "logs/big.log")));
        assertInstanceOf(NotFoundException.class, failure(files.download(support, "M1", "logs/none.log")));
    }

    @Test
    void operatorsMayNotExchangeFiles() {
        Caller operator = Fixtures.caller("olga", Role.OPERATOR, 1);
        assertThrows(AccessDeniedException.class, () -> files.list(operator, "M1", "logs"));
    }
}
