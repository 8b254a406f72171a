package org.coffeecontrol.remote.internal.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.RemoteOperationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SSH exec and SFTP to machines: one shared {@link SshClient}, a bounded pool of worker threads (one SSH session
 * each), a per-machine cap, a watchdog per operation and trust-on-first-use host keys. Every operation returns at
 * once with a future; a dead or hung machine costs one worker until its deadline, then the watchdog closes its
 * session and fails the future with {@link Outcome#TIMEOUT}. Failures are {@link RemoteOperationException}s
 * carrying the outcome and a message fit for users (never the command line: it may hold a PIN).
 */
public final class SshTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshTransport.class);
    private static final AttributeRepository.AttributeKey<Attempt> ATTEMPT = new AttributeRepository.AttributeKey<>();

    /** Work on an SFTP channel of a logged-in session. */
    @FunctionalInterface
    public interface SftpWork<T> {
        T apply(SftpClient sftp) throws IOException;
    }

    @FunctionalInterface
    private interface SessionWork<T> {
        T apply(ClientSession session, Duration timeout) throws IOException;
    }

    /** The longest wait for a machine's SFTP service to start, however long the operation may take. */
    static final Duration SFTP_START_UP = Duration.ofSeconds(15);

    private final TransportSettings settings;
    private final HostKeyStore hostKeys;
    private final SshClient client;
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor watchdog;
    private final Map<Long, Semaphore> perMachine = new ConcurrentHashMap<>();
    private final Map<Long, Idle> idle = new ConcurrentHashMap<>();

    public SshTransport(TransportSettings settings, HostKeyStore hostKeys) {
        this.settings = settings;
        this.hostKeys = hostKeys;
        client = SshClient.setUpDefaultClient();
        // Only what we configure: no ~/.ssh/config, no keys of the user running Karaf, password login only.
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        client.setServerKeyVerifier(this::verifyHostKey);
        // A command is a handful of small packets each way: Nagle plus delayed ACKs would add ~40 ms per exchange.
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.start();
        workers = new ThreadPoolExecutor(settings.maxSessions(), settings.maxSessions(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(settings.maxQueued()), threads("coffee-remote-ssh"));
        workers.allowCoreThreadTimeOut(true);
        watchdog = new ScheduledThreadPoolExecutor(1, threads("coffee-remote-watchdog"));
        watchdog.setRemoveOnCancelPolicy(true);
    }

    /** Runs one command line as an SSH exec request; the future fails unless the machine answered in time. */
    public CompletableFuture<ExecResult> exec(SshTarget target, String commandLine, Duration timeout) {
        return submit(target, timeout, (session, t) -> runExec(session, commandLine, t));
    }

    /**
     * Runs {@code work} on an SFTP channel; the whole operation must finish within {@code timeout}. A machine that
     * takes the login but never starts SFTP (hung) fails as {@link Outcome#TIMEOUT} after at most
     * {@link #SFTP_START_UP}, like one that never answers at all: both are re-sent when the machine is back.
     */
    public <T> CompletableFuture<T> sftp(SshTarget target, Duration timeout, SftpWork<T> work) {
        return submit(target, timeout, (session, t) -> {
            Duration startUp = t.compareTo(SFTP_START_UP) < 0 ? t : SFTP_START_UP;
            // SFTP's own start-up wait (15 s by default) would otherwise end a hung machine's transfer before our
            // watchdog, with an I/O error instead of a timeout
            SftpModuleProperties.SFTP_CHANNEL_OPEN_TIMEOUT.set(session, startUp);
            SftpClient created;
            try {
                created = SftpClientFactory.instance().createSftpClient(session);
            } catch (IOException e) {
                if (isTimeout(e)) {
                    throw new RemoteOperationException(Outcome.TIMEOUT, target.serial() + " accepted the login but "
                            + "did not start its file transfer service (SFTP) within " + seconds(startUp)
                            + ": the machine is hung or overloaded");
                }
                throw new StaleSession(e);
            }
            try (SftpClient sftp = created) {
                return work.apply(sftp);
            }
        });
    }

    /** Operations running or queued, for health and tests. */
    public int inFlight() {
        return workers.getActiveCount() + workers.getQueue().size();
    }

    private <T> CompletableFuture<T> submit(SshTarget target, Duration timeout, SessionWork<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Semaphore slots = perMachine.computeIfAbsent(target.equipmentId(),
                id -> new Semaphore(settings.maxPerMachine()));
        if (!slots.tryAcquire()) {
            result.completeExceptionally(new RemoteOperationException(Outcome.BUSY, target.serial() + " already has "
                    + settings.maxPerMachine() + " remote operations running; try again when they have finished"));
            return result;
        }
        Attempt attempt = new Attempt(target);
        Duration budget = settings.connectTimeout().plus(timeout);
        ScheduledFuture<?> deadline = watchdog.schedule(() -> {
            if (result.completeExceptionally(new RemoteOperationException(Outcome.TIMEOUT,
                    target.serial() + " did not answer within " + seconds(budget)))) {
                attempt.abort();
            }
        }, budget.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((value, failure) -> {
            deadline.cancel(false);
            if (result.isCancelled()) {
                attempt.abort();
            }
        });
        try {
            workers.execute(() -> {
                T value = null;
                RuntimeException failure = null;
                try {
                    if (!result.isDone()) {
                        value = run(attempt, work, timeout);
                    }
                } catch (Throwable e) {
                    failure = classify(attempt, e);
                } finally {
                    attempt.abort();
                    // free the machine's slot before the caller hears back, so that its next command is not busy
                    slots.release();
                }
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release();
            result.completeExceptionally(new RemoteOperationException(Outcome.BUSY,
                    "too many remote operations are waiting; try again shortly"));
        }
        return result;
    }

    /**
     * Runs the work on the machine's idle session if there is one, else on a new one. A reused session that turns
     * out dead fails before anything was sent ({@link StaleSession}), so the work is retried once on a new session
     * without ever running a command twice.
     */
    private <T> T run(Attempt attempt, SessionWork<T> work, Duration timeout) throws IOException {
        ClientSession reused = reuse(attempt);
        T value;
        if (reused != null) {
            try {
                value = work.apply(reused, timeout);
            } catch (StaleSession e) {
                attempt.closeSession();
                value = work.apply(login(attempt), timeout);
            }
        } else {
            value = work.apply(login(attempt), timeout);
        }
        park(attempt);
        return value;
    }

    private ClientSession reuse(Attempt attempt) {
        Idle i = idle.remove(attempt.target.equipmentId());
        if (i == null) {
            return null;
        }
        i.expiry.cancel(false);
        ClientSession s = i.session;
        if (!sameLogin(i.target, attempt.target) || !s.isOpen() || !s.isAuthenticated()) {
            s.close(true);
            return null;
        }
        attempt.session(s);
        return attempt.isAborted() ? null : s;
    }

    /** Keeps the session of a successful operation for the machine's next one, closing it when unused. */
    private void park(Attempt attempt) {
        ClientSession s = attempt.detach();
        if (s == null) {
            return;
        }
        if (settings.sessionIdle().isZero() || !s.isOpen()) {
            s.close(true);
            return;
        }
        long id = attempt.target.equipmentId();
        Idle record = new Idle(s, attempt.target);
        record.expiry = watchdog.schedule(() -> {
            if (idle.remove(id, record)) {
                s.close(false);
            }
        }, settings.sessionIdle().toMillis(), TimeUnit.MILLISECONDS);
        Idle previous = idle.put(id, record);
        if (previous != null) {
            previous.expiry.cancel(false);
            previous.session.close(true);
        }
    }

    private static boolean sameLogin(SshTarget a, SshTarget b) {
        return a.host().equals(b.host()) && a.port() == b.port() && a.username().equals(b.username())
                && java.util.Arrays.equals(a.password(), b.password());
    }

    private ClientSession login(Attempt attempt) throws IOException {
        SshTarget t = attempt.target;
        long timeoutMs = settings.connectTimeout().toMillis();
        long start = System.currentTimeMillis();
        ConnectFuture connect = client.connect(t.username(), t.host(), t.port(),
                AttributeRepository.ofKeyValuePair(ATTEMPT, attempt));
        if (!connect.await(timeoutMs)) {
            connect.cancel();
            throw new RemoteOperationException(Outcome.TIMEOUT,
                    "cannot connect to " + t.serial() + " at " + t.host() + ":" + t.port() + " within "
                            + seconds(settings.connectTimeout()));
        }
        if (connect.getException() != null) {
            throw classify(attempt, connect.getException());
        }
        ClientSession session = connect.getSession();
        attempt.session(session);
        session.addPasswordIdentity(new String(t.password()));
        AuthFuture auth = session.auth();
        long left = Math.max(1, timeoutMs - (System.currentTimeMillis() - start));
        if (!auth.await(left)) {
            throw new RemoteOperationException(Outcome.TIMEOUT,
                    "login to " + t.serial() + " did not finish within " + seconds(settings.connectTimeout()));
        }
        if (!auth.isSuccess()) {
            if (attempt.hostKeyRejected != null) {
                throw new RemoteOperationException(Outcome.HOST_KEY_REJECTED, attempt.hostKeyRejected);
            }
            if (!session.isOpen() || session.isClosing()) {
                // a refused password leaves the session open; a machine that drops the connection is not there
                throw new RemoteOperationException(Outcome.UNREACHABLE, t.serial() + " at " + t.host() + ":" + t.port()
                        + " closed the connection during login: its SSH service is down or the machine is off");
            }
            throw new RemoteOperationException(Outcome.AUTH_FAILED,
                    t.serial() + " refused the login of user " + t.username()
                            + ": the stored password is wrong, or the machine is restarting");
        }
        return session;
    }

    private ExecResult runExec(ClientSession session, String commandLine, Duration timeout) throws IOException {
        long start = System.nanoTime();
        Bounded out = new Bounded(settings.maxOutputBytes());
        Bounded err = new Bounded(settings.maxOutputBytes());
        ChannelExec created;
        try {
            created = session.createExecChannel(commandLine);
        } catch (IOException e) {
            throw new StaleSession(e);
        }
        try (ChannelExec channel = created) {
            channel.setOut(out);
            channel.setErr(err);
            OpenFuture open;
            try {
                open = channel.open();
            } catch (IOException e) {
                throw new StaleSession(e);
            }
            if (!open.await(timeout.toMillis())) {
                throw new RemoteOperationException(Outcome.TIMEOUT, "the machine did not open a command channel");
            }
            if (!open.isOpened()) {
                // nothing ran: the exec request goes only with an open channel
                throw new StaleSession(open.getException());
            }
            long left = Math.max(1, timeout.toMillis() - (System.nanoTime() - start) / 1_000_000);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), left);
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                throw new RemoteOperationException(Outcome.TIMEOUT,
                        "the command did not finish within " + seconds(timeout));
            }
            Integer exit = channel.getExitStatus();
            if (exit == null) {
                throw new RemoteOperationException(Outcome.ERROR, "the machine closed the command without an exit code");
            }
            return new ExecResult(exit, out.text(), err.text(), out.truncated || err.truncated,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Trust on first use: the first key a machine offers is pinned; any other key later is refused. */
    private boolean verifyHostKey(ClientSession session, SocketAddress remote, PublicKey key) {
        AttributeRepository context = session.getConnectionContext();
        Attempt attempt = context == null ? null : context.getAttribute(ATTEMPT);
        if (attempt == null) {
            return false;
        }
        SshTarget t = attempt.target;
        String offered = PublicKeyEntry.toString(key);
        String fingerprint = KeyUtils.getFingerPrint(key);
        try {
            Optional<PinnedKey> pinned = hostKeys.pinned(t.equipmentId());
            if (pinned.isEmpty()) {
                if (hostKeys.pinIfAbsent(t.equipmentId(), new PinnedKey(offered, fingerprint, Instant.now()))) {
                    LOG.info("Pinned host key {} of {} on first connection", fingerprint, t.serial());
                    return true;
                }
                pinned = hostKeys.pinned(t.equipmentId());
            }
            if (pinned.isPresent() && pinned.get().publicKey().equals(offered)) {
                return true;
            }
            attempt.hostKeyRejected = "host key of " + t.serial() + " at " + t.host() + ":" + t.port()
                    + " has changed: pinned " + pinned.map(PinnedKey::fingerprint).orElse("?") + ", offered "
                    + fingerprint + ". Connection refused: this may be another machine or an attacker in between. "
                    + "If the machine's controller was replaced, an admin clears the pinned key and connects again.";
            LOG.warn("Refused {}: {}", t.serial(), attempt.hostKeyRejected);
            return false;
        } catch (RuntimeException e) {
            LOG.warn("Host key check of {} failed", t.serial(), e);
            attempt.hostKeyRejected = "host key of " + t.serial() + " could not be checked: " + e.getMessage();
            return false;
        }
    }

    /** Expected failures of the work itself (a refused path, a missing file) pass through unchanged. */
    private static CoffeeException classify(Attempt attempt, Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof CoffeeException c) {
            return c;
        }
        SshTarget t = attempt.target;
        if (attempt.hostKeyRejected != null) {
            return new RemoteOperationException(Outcome.HOST_KEY_REJECTED, attempt.hostKeyRejected);
        }
        if (attempt.isAborted()) {
            return new RemoteOperationException(Outcome.CANCELLED, "the operation on " + t.serial() + " was stopped");
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof NoRouteToHostException
                    || c instanceof UnknownHostException || c instanceof UnresolvedAddressException) {
                return new RemoteOperationException(Outcome.UNREACHABLE, "cannot reach " + t.serial() + " at "
                        + t.host() + ":" + t.port() + ": " + message(c));
            }
        }
        if (isTimeout(cause)) {
            return new RemoteOperationException(Outcome.TIMEOUT, t.serial() + " did not answer in time: "
                    + message(cause));
        }
        if (cause instanceof IOException) {
            return new RemoteOperationException(Outcome.ERROR, "connection to " + t.serial() + " failed: "
                    + message(cause));
        }
        LOG.warn("Unexpected failure talking to {}", t.serial(), cause);
        return new RemoteOperationException(Outcome.ERROR, "connection to " + t.serial() + " failed: " + message(cause));
    }

    /**
     * SSHD's own waits end in a {@link SocketTimeoutException} (SFTP start-up), a {@link TimeoutException} or an
     * {@link SshException} saying "timeout" (an SFTP request without an answer).
     */
    static boolean isTimeout(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException || c instanceof TimeoutException
                    || c instanceof SshException && c.getMessage() != null
                            && c.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable e) {
        if (e == null) {
            return "unknown reason";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        idle.values().forEach(i -> i.session.close(true));
        idle.clear();
        watchdog.shutdownNow();
        workers.shutdownNow();
        try {
            client.stop();
        } catch (RuntimeException e) {
            LOG.debug("SSH client stop", e);
        }
    }

    /** One operation's session, so that the watchdog or a cancel can close it from another thread. */
    private static final class Attempt {
        final SshTarget target;
        volatile String hostKeyRejected;
        private ClientSession session;
        private boolean aborted;

        Attempt(SshTarget target) {
            this.target = target;
        }

        synchronized void session(ClientSession s) {
            if (aborted) {
                s.close(true);
            } else {
                session = s;
            }
        }

        /** Takes the session away from the attempt so that finishing it does not close the session. */
        synchronized ClientSession detach() {
            ClientSession s = aborted ? null : session;
            session = null;
            return s;
        }

        synchronized void closeSession() {
            if (session != null) {
                session.close(true);
                session = null;
            }
        }

        synchronized boolean isAborted() {
            return aborted;
        }

        synchronized void abort() {
            aborted = true;
            if (session != null) {
                session.close(true);
            }
        }
    }

    /** An idle logged-in session kept for the machine's next operation. */
    private static final class Idle {
        final ClientSession session;
        final SshTarget target;
        volatile ScheduledFuture<?> expiry;

        Idle(ClientSession session, SshTarget target) {
            this.session = session;
            this.target = target;
        }
    }

    /** A kept session that died while idle; nothing was sent on it. */
    private static final class StaleSession extends IOException {
        private static final long serialVersionUID = 1L;

        StaleSession(Throwable cause) {
            super("the connection was lost: " + message(cause), cause);
        }
    }

    /** Keeps the first {@code limit} bytes and remembers that more came. */
    private static final class Bounded extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final int limit;
        volatile boolean truncated;

        Bounded(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            if (buffer.size() < limit) {
                buffer.write(b);
            } else {
                truncated = true;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(0, limit - buffer.size());
            buffer.write(b, off, Math.min(room, len));
            if (len > room) {
                truncated = true;
            }
        }

        synchronized String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
