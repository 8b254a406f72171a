package org.coffeecontrol.remote.internal.command;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.driver.ArgSpec;
import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.CommandSpec;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.remote.api.CommandRun;
import org.coffeecontrol.remote.api.MachineAccess;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.RemoteCommand;
import org.coffeecontrol.remote.api.RemoteControlService;
import org.coffeecontrol.remote.api.RemoteOperationException;
import org.coffeecontrol.remote.internal.db.RemoteDatabase;
import org.coffeecontrol.remote.internal.machine.Futures;
import org.coffeecontrol.remote.internal.machine.Machine;
import org.coffeecontrol.remote.internal.machine.MachineGateway;
import org.coffeecontrol.remote.internal.machine.RemotePermissions;
import org.coffeecontrol.remote.internal.transport.ExecResult;
import org.coffeecontrol.remote.internal.transport.PinnedKey;
import org.coffeecontrol.remote.internal.transport.SshTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * RC-1: the driver plans, the transport runs, the store records. Nothing reaches a machine that its driver did
 * not plan from validated arguments, and every attempt, refused ones included, lands in the history.
 */
@Component(service = RemoteControlService.class)
public class RemoteControlServiceImpl implements RemoteControlService {

    static final String MASK = "****";
    private static final int ARG_CHARS = 100;

    private final MachineGateway gateway;
    private final CommandRunStore runs;

    @Activate
    public RemoteControlServiceImpl(@Reference MachineGateway gateway, @Reference RemoteDatabase database) {
        this.gateway = gateway;
        this.runs = new CommandRunStore(database.jdbc());
    }

    @Override
    public List<RemoteCommand> commands(Caller caller, String serial) {
        Machine m = gateway.machine(caller, serial);
        RemotePermissions p = gateway.settings().permissions();
        return gateway.requireDriver(m).commands().stream().map(c -> new RemoteCommand(c.id(), c.label(),
                c.description(), c.args(), c.changesMachine(), p.mayRun(caller, c))).toList();
    }

    @Override
    public CompletableFuture<CommandRun> run(Caller caller, String serial, String commandId, Map<String, String> args) {
        Machine m = gateway.machine(caller, serial);
        MachineDriver driver = gateway.requireDriver(m);
        Map<String, String> given = args == null ? Map.of() : args;
        Attempt attempt = new Attempt(caller, m, commandId == null ? "" : commandId.strip(), Instant.now());
        Optional<CommandSpec> spec = driver.commands().stream().filter(c -> c.id().equals(attempt.commandId))
                .findFirst();
        Map<String, String> masked = mask(spec.map(CommandSpec::args).orElse(List.of()), given);
        if (spec.isEmpty()) {
            String reason = "'" + attempt.commandId + "' is not a command of the " + m.family()
                    + " family; see the machine's command menu";
            attempt.refused(masked, reason);
            throw new ValidationException("command", reason);
        }
        Set<Role> roles = gateway.settings().permissions().forCommand(spec.get());
        if (!RemotePermissions.allowed(caller, roles)) {
            attempt.refused(masked, "access denied");
            throw new AccessDeniedException(caller.username() + " may not run " + attempt.commandId + " (needs one of "
                    + roles + ")");
        }
        CommandPlan plan = driver.plan(attempt.commandId, given);
        if (plan instanceof CommandPlan.Refused refused) {
            attempt.refused(masked, refused.reason());
            throw new ValidationException("args", refused.reason());
        }
        CommandPlan.Exec exec = (CommandPlan.Exec) plan;
        SshTarget target;
        try {
            target = gateway.target(m);
        } catch (RemoteOperationException e) {
            return CompletableFuture.completedFuture(attempt.failed(masked, e));
        }
        long t0 = System.nanoTime();
        return Futures.then(gateway.transport().exec(target, exec.commandLine(), timeout(exec.timeout())),
                (result, failure) -> attempt.finished(masked, result, failure, (System.nanoTime() - t0) / 1_000_000));
    }

    private Duration timeout(Duration planned) {
        return gateway.settings().commandTimeout(planned);
    }

    /** Secret arguments and arguments the command does not know are never stored as given. */
    static Map<String, String> mask(List<ArgSpec> specs, Map<String, String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            Optional<ArgSpec> spec = specs.stream().filter(a -> a.name().equals(name)).findFirst();
            boolean show = spec.isPresent() && !spec.get().secret() && value != null;
            String v = show ? value : MASK;
            out.put(name, v.length() > ARG_CHARS ? v.substring(0, ARG_CHARS) + "…" : v);
        });
        return out;
    }

    /** One run in the making: the fields every record of it shares. */
    private final class Attempt {
        final Caller caller;
        final Machine machine;
        final String commandId;
        final Instant startedAt;

        Attempt(Caller caller, Machine machine, String commandId, Instant startedAt) {
            this.caller = caller;
            this.machine = machine;
            this.commandId = commandId;
            this.startedAt = startedAt;
        }

        CommandRun record(Map<String, String> args, long millis, Integer exit, String output, Outcome outcome,
                String message) {
            return runs.record(new CommandRun(null, machine.id(), machine.serial(), machine.family(), commandId, args,
                    caller.username(), startedAt, millis, exit, output, outcome, message));
        }

        void refused(Map<String, String> args, String reason) {
            record(args, 0, null, null, Outcome.REFUSED, reason);
        }

        CommandRun failed(Map<String, String> args, RemoteOperationException e) {
            return record(args, 0, null, null, e.outcome(), e.getMessage());
        }

        CommandRun finished(Map<String, String> args, ExecResult r, Throwable failure, long millis) {
            if (failure != null) {
                RemoteOperationException e = Futures.remote(failure);
                return record(args, millis, null, null, e.outcome(), e.getMessage());
            }
            String output = r.stdout() + r.stderr() + (r.truncated() ? "\n[output cut]" : "");
            return record(args, millis, r.exitCode(), output, r.exitCode() == 0 ? Outcome.OK : Outcome.FAILED,
                    r.exitCode() == 0 ? null : "the machine answered with exit code " + r.exitCode());
        }
    }

    @Override
    public Page<CommandRun> history(Caller caller, String serial, PageRequest page) {
        RemotePermissions p = gateway.settings().permissions();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(p.readCommands());
        roles.addAll(p.changeCommands());
        RemotePermissions.require(caller, "see command history", roles);
        Machine m = gateway.machine(caller, serial);
        return runs.list(m.id(), page == null ? PageRequest.first(PageRequest.DEFAULT_LIMIT) : page);
    }

    @Override
    public MachineAccess access(Caller caller, String serial) {
        RemotePermissions.require(caller, "see machine access data", gateway.settings().permissions().credentials());
        return access(gateway.machine(caller, serial));
    }

    private MachineAccess access(Machine m) {
        var stamp = gateway.credentials().stamp(m.id());
        Optional<PinnedKey> key = gateway.credentials().pinned(m.id());
        return new MachineAccess(m.id(), m.serial(), m.equipment().host(), m.port(),
                stamp.map(s -> s.username()).orElse(null), stamp.isPresent(),
                stamp.map(s -> s.updatedAt()).orElse(null), stamp.map(s -> s.updatedBy()).orElse(null),
                key.map(PinnedKey::fingerprint).orElse(null), key.map(PinnedKey::pinnedAt).orElse(null));
    }

    @Override
    public MachineAccess setCredentials(Caller caller, String serial, String username, char[] password) {
        RemotePermissions.require(caller, "set machine credentials", gateway.settings().permissions().credentials());
        if (username == null || !username.strip().matches("[A-Za-z0-9._@-]{1,100}")) {
            throw new ValidationException("username", "1 to 100 letters, digits or . _ @ -");
        }
        if (password == null || password.length == 0 || password.length > 200) {
            throw new ValidationException("password", "1 to 200 characters");
        }
        Machine m = gateway.machine(caller, serial);
        gateway.credentials().save(m.id(), username.strip(), password, caller.username());
        return access(m);
    }

    @Override
    public MachineAccess forgetHostKey(Caller caller, String serial) {
        caller.require("clear a pinned host key");
        Machine m = gateway.machine(caller, serial);
        gateway.credentials().forget(m.id());
        return access(m);
    }
}
