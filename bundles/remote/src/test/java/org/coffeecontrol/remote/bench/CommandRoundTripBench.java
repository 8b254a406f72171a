package org.coffeecontrol.remote.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.coffeecontrol.remote.internal.transport.ExecResult;
import org.coffeecontrol.remote.internal.transport.MapHostKeyStore;
import org.coffeecontrol.remote.internal.transport.SshTarget;
import org.coffeecontrol.remote.internal.transport.SshTransport;
import org.coffeecontrol.remote.internal.transport.TransportSettings;

/**
 * Command round trip to a simulated machine through the platform's SSH transport: connect, key exchange, login,
 * exec, exit code. Not a unit test: run it against a running simulator (see README, "Benchmark").
 *
 * <pre>args: host port serial password [runs=500] [parallel=1] [command="wmf-service ping"]</pre>
 *
 * {@code -DsessionIdleSeconds=0} measures a full login per command instead of the kept session.
 *
 * Target from the issue: p50 &lt; 100 ms, p99 &lt; 500 ms. Exits with status 1 when missed.
 */
public final class CommandRoundTripBench {

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: host port serial password [runs] [parallel] [command]");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String serial = args[2];
        char[] password = args[3].toCharArray();
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 500;
        int parallel = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        String command = args.length > 6 ? args[6] : "wmf-service ping";

        TransportSettings settings = new TransportSettings(Duration.ofSeconds(5), Math.max(4, parallel), parallel,
                1000, 64 * 1024, Duration.ofSeconds(Long.getLong("sessionIdleSeconds", 30)));
        try (SshTransport transport = new SshTransport(settings, new MapHostKeyStore())) {
            SshTarget target = new SshTarget(1, serial, host, port, serial, password);
            // warm-up: class loading and JIT, as a running platform has long done
            for (int i = 0; i < 20; i++) {
                transport.exec(target, command, Duration.ofSeconds(10)).get(30, TimeUnit.SECONDS);
            }
            List<Long> micros = Collections.synchronizedList(new ArrayList<>());
            long wall = System.nanoTime();
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int w = 0; w < parallel; w++) {
                int share = runs / parallel + (w < runs % parallel ? 1 : 0);
                workers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < share; i++) {
                        long t0 = System.nanoTime();
                        ExecResult r = transport.exec(target, command, Duration.ofSeconds(10)).join();
                        if (r.exitCode() != 0) {
                            throw new IllegalStateException("exit " + r.exitCode() + ": " + r.stderr());
                        }
                        micros.add((System.nanoTime() - t0) / 1000);
                    }
                }));
            }
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - wall) / 1e9;
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            double p50 = percentile(sorted, 50) / 1000.0;
            double p99 = percentile(sorted, 99) / 1000.0;
            System.out.printf(Locale.ROOT, "command round trip '%s' to %s@%s:%d, %d runs, %d in parallel:%n", command,
                    serial, host, port, sorted.size(), parallel);
            System.out.printf(Locale.ROOT, "  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms  (%.0f commands/s)%n",
                    p50, percentile(sorted, 90) / 1000.0, p99, sorted.get(sorted.size() - 1) / 1000.0,
                    sorted.size() / seconds);
            boolean ok = p50 < 100 && p99 < 500;
            System.out.println("  target p50 < 100 ms, p99 < 500 ms: " + (ok ? "met" : "MISSED"));
            System.exit(ok ? 0 : 1);
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
