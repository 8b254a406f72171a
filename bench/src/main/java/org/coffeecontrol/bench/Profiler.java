package org.coffeecontrol.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the Karaf JVM spends its CPU during the timed ingest: a Java Flight Recorder recording started and stopped
 * from the outside with {@code jcmd} (no agent in the distribution), summarised from {@code jfr print}'s execution
 * samples by thread kind, by hottest frame, and by the innermost platform frame on the stack.
 */
final class Profiler {

    private final long pid;
    private final Path file;

    private Profiler(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    static ProcessHandle karafJvm(Path karafHome) {
        String marker = karafHome.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker) && c.contains("java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Karaf JVM under " + marker));
    }

    static Profiler attach(Path karafHome) throws IOException, InterruptedException {
        long pid = karafJvm(karafHome).pid();
        Profiler p = new Profiler(pid, karafHome.resolve("data/bench.jfr").toAbsolutePath());
        run("jcmd", String.valueOf(pid), "JFR.start", "name=bench", "settings=profile", "filename=" + p.file);
        return p;
    }

    void stop() throws IOException, InterruptedException {
        run("jcmd", String.valueOf(pid), "JFR.stop", "name=bench");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    String report(int top) throws IOException, InterruptedException {
        String dump = run("jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", file.toString());
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> leaves = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        for (String event : dump.split("jdk\\.ExecutionSample \\{")) {
            int t = event.indexOf("sampledThread = \"");
            if (t < 0) {
                continue;
            }
            samples++;
            String thread = kind(event.substring(t + 17, event.indexOf('"', t + 17)));
            List<String> frames = new ArrayList<>();
            for (String line : event.lines().toList()) {
                String f = line.trim();
                if (f.contains("line:") && !f.startsWith("sampledThread")) {
                    frames.add(f.replaceAll("\\s+line:.*", ""));
                }
            }
            threads.merge(thread, 1, Integer::sum);
            if (!frames.isEmpty()) {
                leaves.merge(thread + "  " + frames.get(0), 1, Integer::sum);
            }
            String platform = frames.stream().filter(f -> f.startsWith("org.coffeecontrol.")).findFirst()
                    .orElse("(no platform frame)");
            ours.merge(thread + "  " + platform, 1, Integer::sum);
        }
        return "profile: " + samples + " JFR execution samples of the Karaf JVM during the timed ingest (" + file
                + ")\n-- by thread\n" + table(threads, top, samples) + "-- hottest frames\n" + table(leaves, top, samples)
                + "-- innermost platform frame\n" + table(ours, top, samples);
    }

    private static String kind(String thread) {
        if (thread.startsWith("qtp")) {
            return "http";
        }
        return thread.replaceAll("[-#]?\\d+$", "");
    }

    private static String table(Map<String, Integer> counts, int top, int total) {
        return counts.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue()).reversed()).limit(top)
                .map(e -> String.format("%5.1f %%  %s", 100.0 * e.getValue() / Math.max(1, total), e.getKey()))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
