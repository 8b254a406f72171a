package org.coffeecontrol.simulator.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.coffeecontrol.simulator.LineEncoder;
import org.coffeecontrol.simulator.SimMachine;
import org.coffeecontrol.simulator.Simulator;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.Secrets;
import org.coffeecontrol.simulator.platform.UploadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultyMachinesTest {

    @TempDir
    Path dir;

    @Test
    void deadMachinesDropTheConnectionAndHungOnesNeverAnswer() throws Exception {
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        FleetModel fleet = FleetModel.generate(new FleetSpec(5, 10, 4, 2));
        try (Simulator sim = new Simulator(fleet, Simulator.Settings.live(Instant.now()).withThreads(1),
                LineEncoder::new, (f, s, k, c, b) -> new UploadResult.Stored(0, 0, -1, List.of()), Clock.systemUTC());
                MachineShell shell = new MachineShell(sim, dir.resolve("machines"), Clock.systemUTC());
                MachineSshServer server = new MachineSshServer(shell, "127.0.0.1", 0, dir.resolve("hostkey.ser"));
                SshClient client = SshClient.setUpDefaultClient()) {
            server.start();
            SftpModuleProperties.SFTP_CHANNEL_OPEN_TIMEOUT.set(client, Duration.ofSeconds(2));
            client.start();
            List<SimMachine> broken = sim.breakMachines(20);
            assertEquals(2, broken.size());
            assertEquals(List.of(SimMachine.Fault.DEAD, SimMachine.Fault.HUNG), broken.stream().map(SimMachine::fault).toList());
            assertEquals(broken.stream().map(SimMachine::serial).toList(),
                    sim.breakMachines(20).stream().map(SimMachine::serial).toList(), "the same machines every time");
            SimMachine dead = broken.get(0);
            SimMachine hung = broken.get(1);
            SimMachine healthy = sim.machines().stream().filter(m -> m.fault() == SimMachine.Fault.NONE).findFirst()
                    .orElseThrow();

            try (ClientSession s = login(client, server, dead)) {
                assertThrows(Exception.class, () -> s.auth().verify(Duration.ofSeconds(5)));
                assertFalse(s.isOpen() && !s.isClosing(), "the dead machine dropped the connection");
            }
            try (ClientSession s = login(client, server, hung)) {
                s.auth().verify(Duration.ofSeconds(5));
                try (ChannelExec ch = s.createExecChannel("wmf-service ping")) {
                    ch.open().verify(Duration.ofSeconds(5));
                    Set<ClientChannelEvent> events = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(2));
                    assertTrue(events.contains(ClientChannelEvent.TIMEOUT), "no answer from the hung machine: " + events);
                }
                assertThrows(Exception.class, () -> SftpClientFactory.instance().createSftpClient(s)
                        .close(), "SFTP never starts");
            }
            try (ClientSession s = login(client, server, healthy)) {
                s.auth().verify(Duration.ofSeconds(5));
                SftpClientFactory.instance().createSftpClient(s).close();
            }
        }
    }

    private static ClientSession login(SshClient client, MachineSshServer server, SimMachine m) throws Exception {
        ClientSession s = client.connect(m.serial(), "127.0.0.1", server.port()).verify(Duration.ofSeconds(5))
                .getSession();
        s.addPasswordIdentity(Secrets.sshPassword(5, m.serial()));
        return s;
    }
}
