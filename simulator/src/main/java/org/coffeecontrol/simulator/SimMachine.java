package org.coffeecontrol.simulator;

import java.time.Duration;
import java.time.Instant;

import org.coffeecontrol.simulator.model.EventGenerator;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.model.PosSpec;
import org.coffeecontrol.simulator.platform.Outbox;

/**
 * One running machine: its generator (the machine itself) and its daemon's outbox. Everything that touches the
 * generator synchronises on this object: the scheduler's task for this machine and the SSH commands.
 */
public final class SimMachine {

    private final MachineSpec spec;
    private final PosSpec pos;
    private final EventGenerator generator;
    private final Outbox outbox;
    private volatile Instant unreachableUntil = Instant.MIN;
    private Instant nextUpload = Instant.MIN;
    private volatile boolean finished;
    private volatile Fault fault = Fault.NONE;

    /** A broken machine, for tests and benchmarks of what the platform does with machines that do not answer. */
    public enum Fault {
        NONE,
        /** Off: drops every SSH connection at login, posts no telemetry. */
        DEAD,
        /** Hung: accepts the SSH login, then never answers a command or an SFTP request; posts no telemetry. */
        HUNG
    }

    SimMachine(MachineSpec spec, PosSpec pos, EventGenerator generator, Outbox outbox) {
        this.spec = spec;
        this.pos = pos;
        this.generator = generator;
        this.outbox = outbox;
    }

    public MachineSpec spec() {
        return spec;
    }

    public PosSpec pos() {
        return pos;
    }

    public String serial() {
        return spec.serial();
    }

    /** Only while holding this object's monitor. */
    public EventGenerator generator() {
        return generator;
    }

    public Outbox outbox() {
        return outbox;
    }

    /**
     * Restarts the machine: it drops off the network for {@code wallDowntime} (SSH and telemetry) and its
     * telemetry shows a matching gap of {@code simDowntime}.
     */
    public synchronized void reboot(Instant wallNow, Duration wallDowntime, Duration simDowntime) {
        generator.requestReboot(simDowntime);
        offline(wallNow.plus(wallDowntime));
    }

    /** Off the network (SSH and telemetry) until {@code wallTime}, e.g. while the control module restarts. */
    public void offline(Instant wallTime) {
        unreachableUntil = wallTime;
    }

    /** False while rebooting after a remote command. */
    public boolean reachable(Instant wallNow) {
        return !wallNow.isBefore(unreachableUntil);
    }

    public Fault fault() {
        return fault;
    }

    public void fault(Fault f) {
        this.fault = f;
    }

    Instant nextUpload() {
        return nextUpload;
    }

    void nextUpload(Instant t) {
        nextUpload = t;
    }

    boolean finished() {
        return finished;
    }

    void finish() {
        finished = true;
    }
}
