package org.coffeecontrol.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** Command-line options; {@link #parse} reports the offending flag in its message. */
public record Options(URI platform, int machines, int pos, int clients, long seed, int sshPort, String sshBind,
        String sshHost, boolean seedPlatform, String adminUser, String adminPassword, double speed,
        Instant from, Instant to, Duration uploadInterval, int threads, Path workDir, boolean telemetry,
        boolean printFleet, Duration statusInterval, double faultyPercent) {

    public static final String USAGE = """
            Usage: simulator [options]
              --platform URL          platform base URL (default http://localhost:8181)
              --machines N            machines (default 120)
              --pos N                 points of sale (default 50)
              --clients N             clients (default 3)
              --seed N                fleet seed: same seed, same fleet and secrets (default 42)
              --ssh-port N            SSH/SFTP port for all machines, 0 = off (default 2222)
              --ssh-bind HOST         address the SSH server listens on (default 127.0.0.1)
              --ssh-host HOST         host registered for the machines when seeding (default 127.0.0.1)
              --seed-platform         create regions, clients, models, POS, equipment and secrets over REST
              --admin-user NAME       user for --seed-platform (default admin)
              --admin-password PW     password for --seed-platform (default: $COFFEE_ADMIN_PASSWORD)
              --speed X               simulated seconds per wall-clock second (default 1)
              --backfill DURATION     start this far in the past and catch up as fast as the platform takes it,
                                      e.g. 2d, 6h, 30m (default 0)
              --from ISO-INSTANT      start there instead (e.g. 2025-03-10T00:00:00Z): with --to, a run whose
                                      events a test can regenerate exactly
              --to now|ISO-INSTANT    stop generating there and exit once everything is delivered
              --upload-interval DUR   how often a machine calls home when live (default 15s)
              --threads N             scheduler threads for all machines (default 4)
              --work-dir DIR          SFTP roots and SSH host key (default run/simulator)
              --no-telemetry          do not post telemetry (SSH only)
              --print-fleet           print machines with their SSH password, PIN and telemetry secret, then exit
              --status-interval DUR   progress line interval (default 30s)
              --faulty PERCENT        break this share of the machines (chosen by the seed): half dead (drop SSH
                                      at login), half hung (never answer after login); no telemetry from them
            """;

    public static Options parse(String[] args, Map<String, String> env, Instant now) {
        URI platform = URI.create("http://localhost:8181");
        int machines = 120;
        int pos = 50;
        int clients = 3;
        long seed = 42;
        int sshPort = 2222;
        String sshBind = "127.0.0.1";
        String sshHost = "127.0.0.1";
        boolean seedPlatform = false;
        String adminUser = "admin";
        String adminPassword = env.get("COFFEE_ADMIN_PASSWORD");
        double speed = 1;
        Duration backfill = Duration.ZERO;
        Instant from = null;
        Instant to = null;
        Duration uploadInterval = Duration.ofSeconds(15);
        int threads = 4;
        Path workDir = Path.of("run", "simulator");
        boolean telemetry = true;
        boolean printFleet = false;
        Duration statusInterval = Duration.ofSeconds(30);
        double faulty = 0;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--seed-platform" -> seedPlatform = true;
                case "--no-telemetry" -> telemetry = false;
                case "--print-fleet" -> printFleet = true;
                case "--help", "-h" -> throw new IllegalArgumentException("help");
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(flag + ": missing value (or unknown flag)");
                    }
                    String v = args[++i];
                    switch (flag) {
                        case "--platform" -> platform = uri(flag, v);
                        case "--machines" -> machines = positive(flag, v);
                        case "--pos" -> pos = positive(flag, v);
                        case "--clients" -> clients = positive(flag, v);
                        case "--seed" -> seed = number(flag, v);
                        case "--ssh-port" -> sshPort = (int) range(flag, v, 0, 65535);
                        case "--ssh-bind" -> sshBind = v;
                        case "--ssh-host" -> sshHost = v;
                        case "--admin-user" -> adminUser = v;
                        case "--admin-password" -> adminPassword = v;
                        case "--speed" -> speed = speed(flag, v);
                        case "--backfill" -> backfill = duration(flag, v);
                        case "--from" -> from = instant(flag, v, now);
                        case "--to" -> to = instant(flag, v, now);
                        case "--upload-interval" -> uploadInterval = duration(flag, v);
                        case "--threads" -> threads = (int) range(flag, v, 1, 64);
                        case "--work-dir" -> workDir = Path.of(v);
                        case "--status-interval" -> statusInterval = duration(flag, v);
                        case "--faulty" -> faulty = percent(flag, v);
                        default -> throw new IllegalArgumentException(flag + ": unknown flag");
                    }
                }
            }
        }
        if (clients > pos) {
            throw new IllegalArgumentException("--clients: more clients (" + clients + ") than points of sale (" + pos + ")");
        }
        if (seedPlatform && (adminPassword == null || adminPassword.isEmpty())) {
            throw new IllegalArgumentException("--admin-password: needed for --seed-platform (or set COFFEE_ADMIN_PASSWORD)");
        }
        if (from == null) {
            from = now.minus(backfill);
        } else if (!backfill.isZero()) {
            throw new IllegalArgumentException("--from: give either --from or --backfill");
        }
        if (from.isAfter(now)) {
            throw new IllegalArgumentException("--from: in the future");
        }
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("--to: before the start of the run");
        }
        return new Options(platform, machines, pos, clients, seed, sshPort, sshBind, sshHost, seedPlatform, adminUser,
                adminPassword, speed, from, to, uploadInterval, threads, workDir, telemetry, printFleet,
                statusInterval, faulty);
    }

    /** Parses {@code 90s}, {@code 30m}, {@code 6h}, {@code 2d} or an ISO-8601 duration. */
    static Duration duration(String flag, String v) {
        try {
            if (v.matches("\\d+[smhd]")) {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                return switch (v.charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(flag + ": '" + v + "' is not a duration like 30s, 15m, 6h or 2d");
        }
    }

    private static Instant instant(String flag, String v, Instant now) {
        if (v.equals("now")) {
            return now;
        }
        try {
            return Instant.parse(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(flag + ": '" + v + "' is not 'now' or an instant like 2025-03-14T06:00:00Z");
        }
    }

    private static URI uri(String flag, String v) {
        try {
            URI u = URI.create(v);
            if (u.getScheme() == null || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return u;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(flag + ": '" + v + "' is not a URL like http://localhost:8181");
        }
    }

    private static long number(String flag, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": '" + v + "' is not a whole number");
        }
    }

    private static long range(String flag, String v, long min, long max) {
        long n = number(flag, v);
        if (n < min || n > max) {
            throw new IllegalArgumentException(flag + ": " + n + " is not between " + min + " and " + max);
        }
        return n;
    }

    private static int positive(String flag, String v) {
        return (int) range(flag, v, 1, 1_000_000);
    }

    private static double percent(String flag, String v) {
        try {
            double d = Double.parseDouble(v.endsWith("%") ? v.substring(0, v.length() - 1) : v);
            if (d >= 0 && d <= 100) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + ": '" + v + "' is not a percentage between 0 and 100");
    }

    private static double speed(String flag, String v) {
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && d <= 100_000) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + ": '" + v + "' is not a number between 0 (exclusive) and 100000");
    }
}
