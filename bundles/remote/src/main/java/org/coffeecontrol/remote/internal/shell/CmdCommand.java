package org.coffeecontrol.remote.internal.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.CommandRun;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.RemoteCommand;
import org.coffeecontrol.remote.api.RemoteControlService;

@Service
@Command(scope = "coffee", name = "cmd", description = "Runs an allow-listed command on a machine over SSH; without a command, lists the machine's commands")
public class CmdCommand extends RemoteAction {

    @Reference
    RemoteControlService remote;

    @Argument(index = 0, name = "serial", description = "The machine's serial number", required = true)
    String serial;

    @Argument(index = 1, name = "command", description = "Command id, e.g. connection-test, reboot, last-drinks")
    String command;

    @Argument(index = 2, name = "args", description = "Arguments as name=value, e.g. count=5", multiValued = true)
    List<String> args;

    @Override
    void run(Caller caller) throws Exception {
        if (command == null) {
            for (RemoteCommand c : remote.commands(caller, serial)) {
                String params = c.args().stream().map(a -> a.name() + "=" + (a.secret() ? "<secret>" : a.pattern()))
                        .collect(Collectors.joining(" "));
                out.printf("%-18s %-8s %-4s %s%s%n", c.id(), c.changesMachine() ? "changes" : "reads",
                        c.allowed() ? "" : "(no)", c.label(), params.isEmpty() ? "" : "  " + params);
            }
            return;
        }
        CommandRun run = await(remote.run(caller, serial, command, parse(args)));
        if (run.output() != null && !run.output().isEmpty()) {
            out.print(run.output().endsWith("\n") ? run.output() : run.output() + "\n");
        }
        out.println("[" + run.outcome() + (run.exitCode() == null ? "" : ", exit " + run.exitCode()) + ", "
                + run.durationMillis() + " ms" + (run.message() == null ? "" : ": " + run.message()) + "]");
        if (run.outcome() != Outcome.OK) {
            String line = serial + " " + command + ": " + run.outcome();
            throw new org.apache.karaf.shell.support.CommandException(line, line);
        }
    }

    static Map<String, String> parse(List<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        if (pairs == null) {
            return out;
        }
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new ValidationException("args", "'" + p + "' is not name=value");
            }
            out.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return out;
    }
}
