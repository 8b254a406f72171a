package org.coffeecontrol.remote.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real Apache SSHD server for the tests: password login per user, exec commands answered by a function
 * (a null answer means "never answer": the hung machine), SFTP rooted in a folder (or, for users marked with
 * {@link #hangSftp}, an SFTP service that takes the request and never answers, like a hung controller).
 */
public final class TestSshServer implements AutoCloseable {

    /** What an exec returns. */
    public record Answer(int exit, String out) {
    }

    private final SshServer server;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    public final List<String> received = new CopyOnWriteArrayList<>();
    public final AtomicInteger logins = new AtomicInteger();
    private final Set<String> sftpHung = ConcurrentHashMap.newKeySet();
    private final VirtualFileSystemFactory files;

    public TestSshServer(Path sftpRoot, Function<String, Answer> commands) throws IOException {
        this(sftpRoot, commands, newKey());
    }

    public TestSshServer(Path sftpRoot, Function<String, Answer> commands, KeyPair hostKey) throws IOException {
        this(sftpRoot, commands, hostKey, 0);
    }

    public TestSshServer(Path sftpRoot, Function<String, Answer> commands, KeyPair hostKey, int port) throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> {
            boolean ok = password.equals(passwords.get(user));
            if (ok) {
                logins.incrementAndGet();
            }
            return ok;
        });
        server.setPublickeyAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, line) -> new Exec(line, commands));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory() {
            @Override
            public Command createSubsystem(ChannelSession channel) throws IOException {
                // a hung controller's SFTP service takes the channel and never says a word, like a hung exec
                return sftpHung.contains(channel.getSession().getUsername()) ? new Exec("subsystem sftp", line -> null)
                        : super.createSubsystem(channel);
            }
        }));
        files = new VirtualFileSystemFactory(sftpRoot);
        server.setFileSystemFactory(files);
        server.start();
    }

    public static KeyPair newKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public TestSshServer user(String name, String password) {
        passwords.put(name, password);
        return this;
    }

    /** The user's SFTP rooted in a folder of its own instead of the shared one: a machine with its own disk. */
    public TestSshServer home(String user, Path root) {
        files.setUserHomeDir(user, root);
        return this;
    }

    /** The user's logins succeed, but SFTP never starts (true) or works again (false). */
    public TestSshServer hangSftp(String user, boolean hung) {
        if (hung) {
            sftpHung.add(user);
        } else {
            sftpHung.remove(user);
        }
        return this;
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private final class Exec implements Command {
        private final String line;
        private final Function<String, Answer> commands;
        private OutputStream out;
        private ExitCallback exit;

        Exec(String line, Function<String, Answer> commands) {
            this.line = line;
            this.commands = commands;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            received.add(line);
            Answer a = commands.apply(line);
            if (a == null) {
                return; // hung: never writes, never exits
            }
            new Thread(() -> {
                try {
                    out.write(a.out().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    // client gone
                }
                exit.onExit(a.exit());
            }).start();
        }

        @Override
        public void destroy(ChannelSession channel) {
        }

        @Override
        public void setInputStream(InputStream in) {
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }
    }
}
