package org.coffeecontrol.itests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/** Runs one Karaf shell command over the distribution's SSH port, as a platform user. */
public final class Shell {
    private Shell() {
    }

    public record Result(String out, String err) {
    }

    public static Result exec(String user, String password, String command) throws Exception {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            try (ClientSession s = client.connect(user, "localhost", Distribution.SSH_PORT)
                    .verify(Duration.ofSeconds(10)).getSession()) {
                s.addPasswordIdentity(password);
                s.auth().verify(Duration.ofSeconds(20));
                try (ChannelExec ch = s.createExecChannel(command)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ByteArrayOutputStream err = new ByteArrayOutputStream();
                    ch.setOut(out);
                    ch.setErr(err);
                    ch.open().verify(Duration.ofSeconds(10));
                    ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(60));
                    return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
                }
            }
        }
    }
}
