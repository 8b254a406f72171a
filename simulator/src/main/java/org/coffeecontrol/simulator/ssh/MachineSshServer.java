package org.coffeecontrol.simulator.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.subsystem.SubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.coffeecontrol.simulator.SimMachine;

/**
 * One SSH server for the whole fleet: the user name chooses the machine, the password is the machine's; exec
 * requests run the machine's family commands, the sftp subsystem serves the machine's own folder.
 */
public final class MachineSshServer implements AutoCloseable {

    private final SshServer server;
    private final ExecutorService execs;

    public MachineSshServer(MachineShell shell, String bindHost, int port, Path hostKey) {
        // Exec commands are short; a small pool keeps a flood of sessions from growing threads without bound.
        this.execs = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ssh-exec");
            t.setDaemon(true);
            return t;
        });
        server = SshServer.setUpDefaultServer();
        server.setHost(bindHost);
        server.setPort(port);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> {
            if (shell.fault(user) == SimMachine.Fault.DEAD) {
                // as if nobody were there: the connection goes away
                session.close(true);
                return false;
            }
            return shell.authenticate(user, password);
        });
        server.setPublickeyAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, command) -> new Exec(shell, command));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        server.setSubsystemFactories(List.of(new SubsystemFactory() {
            @Override
            public String getName() {
                return sftp.getName();
            }

            @Override
            public Command createSubsystem(ChannelSession channel) throws IOException {
                SimMachine.Fault fault = shell.fault(channel.getSession().getUsername());
                if (fault == SimMachine.Fault.DEAD) {
                    // a session kept from before the machine died is gone too
                    channel.getSession().close(true);
                }
                return fault != SimMachine.Fault.NONE ? new Silent() : sftp.createSubsystem(channel);
            }
        }));
        server.setFileSystemFactory(new VirtualFileSystemFactory() {
            @Override
            public Path getUserHomeDir(SessionContext session) {
                return shell.home(session.getUsername());
            }
        });
    }

    public void start() throws IOException {
        server.start();
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
        execs.shutdownNow();
    }

    private final class Exec implements Command {
        private final MachineShell shell;
        private final String commandLine;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        Exec(MachineShell shell, String commandLine) {
            this.shell = shell;
            this.commandLine = commandLine;
        }

        @Override
        public void setInputStream(InputStream in) {
            // Commands take no input.
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            String user = channel.getSession().getUsername();
            SimMachine.Fault fault = shell.fault(user);
            if (fault == SimMachine.Fault.DEAD) {
                channel.getSession().close(true);
            }
            if (fault != SimMachine.Fault.NONE) {
                return;
            }
            execs.execute(() -> {
                MachineShell.Result r;
                try {
                    r = shell.execute(user, commandLine);
                } catch (RuntimeException e) {
                    r = new MachineShell.Result(255, "", "internal error: " + e + "\n");
                }
                try {
                    out.write(r.out().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    err.write(r.err().getBytes(StandardCharsets.UTF_8));
                    err.flush();
                } catch (IOException e) {
                    // The client went away; nothing left to tell it.
                }
                exit.onExit(r.exitCode());
            });
        }

        @Override
        public void destroy(ChannelSession channel) {
            // Nothing held per command.
        }
    }

    /** A hung machine's side of a channel: takes the request, never answers. */
    private static final class Silent implements Command {
        @Override
        public void setInputStream(InputStream in) {
        }

        @Override
        public void setOutputStream(OutputStream out) {
        }

        @Override
        public void setErrorStream(OutputStream err) {
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
        }

        @Override
        public void destroy(ChannelSession channel) {
        }
    }
}
