package org.coffeecontrol.api.storage;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway PostgreSQL cluster for the storage tests of every bundle (this module's test jar): created with the
 * machine's server binaries (Debian package {@code postgresql}, found under {@code /usr/lib/postgresql/<version>/bin}
 * or given with {@code -Dcoffee.test.pgBin=DIR}) on {@code -Dcoffee.test.pgPort} (default: a free port), started at
 * the first request and removed when the test JVM ends. A test asking for it on a machine without the binaries is
 * skipped, saying why.
 */
public final class TestPostgres {

    public static final String USER = "coffee";
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static Cluster cluster;

    private TestPostgres() {
    }

    /** A new, empty database named {@code prefix} + a counter. */
    public static DataSource freshDatabase(String prefix) {
        Cluster c = cluster();
        String name = prefix + COUNT.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(c.url("postgres"), USER, "");
                Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(c.url(name));
        ds.setUser(USER);
        return ds;
    }

    /** The PostgreSQL server binaries, or null when the machine has none. */
    public static Path binaries() {
        String given = System.getProperty("coffee.test.pgBin");
        if (given != null && !given.isBlank()) {
            return Files.isExecutable(Paths.get(given, "pg_ctl")) ? Paths.get(given) : null;
        }
        Path root = Paths.get("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static synchronized Cluster cluster() {
        if (cluster == null) {
            Path bin = binaries();
            Assumptions.assumeTrue(bin != null, "skipped: no PostgreSQL server binaries on this machine "
                    + "(install the Debian package postgresql, or give -Dcoffee.test.pgBin=DIR)");
            cluster = Cluster.start(bin);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "stop test PostgreSQL"));
        }
        return cluster;
    }

    /** initdb + pg_ctl in a temporary directory; as root the server runs as the user postgres (it refuses root). */
    private record Cluster(Path bin, Path dir, int port, boolean root) {

        static Cluster start(Path bin) {
            try {
                boolean root = "root".equals(System.getProperty("user.name"));
                Path dir = Files.createTempDirectory("coffee-pg");
                if (root) {
                    run(List.of("chown", "postgres", dir.toString()), false);
                }
                int port = Integer.getInteger("coffee.test.pgPort", 0);
                if (port == 0) {
                    try (ServerSocket s = new ServerSocket(0)) {
                        port = s.getLocalPort();
                    }
                }
                Cluster c = new Cluster(bin, dir, port, root);
                run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                        "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"), root);
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                        dir.resolve("server.log").toString(), "-w", "-o", "-p " + port + " -k " + dir
                                + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), root);
                return c;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start a test PostgreSQL: " + e.getMessage(), e);
            }
        }

        String url(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }

        void stop() {
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m",
                        "immediate", "stop"), root);
            } catch (RuntimeException | IOException e) {
                System.err.println("test PostgreSQL did not stop: " + e.getMessage());
            }
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory: the OS cleans it up eventually
            }
        }

        private static void run(List<String> command, boolean asPostgres) throws IOException {
            List<String> cmd = new ArrayList<>();
            if (asPostgres) {
                cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            cmd.addAll(command);
            // output to a file, not a pipe: the server that pg_ctl leaves running must not hold our pipe open
            Path out = Files.createTempFile("coffee-pg", ".log");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException(String.join(" ", command) + " did not finish within 60 s");
                }
                if (p.exitValue() != 0) {
                    throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): "
                            + Files.readString(out));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } finally {
                Files.deleteIfExists(out);
            }
        }
    }
}
