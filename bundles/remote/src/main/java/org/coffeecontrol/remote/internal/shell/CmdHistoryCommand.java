package org.coffeecontrol.remote.internal.shell;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.CommandRun;
import org.coffeecontrol.remote.api.RemoteControlService;

@Service
@Command(scope = "coffee", name = "cmd-history", description = "Lists the commands run on a machine, newest first")
public class CmdHistoryCommand extends RemoteAction {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Reference
    RemoteControlService remote;

    @Option(name = "-n", aliases = "--limit", description = "How many runs (default 20)")
    int limit = 20;

    @Argument(index = 0, name = "serial", description = "The machine's serial number", required = true)
    String serial;

    @Override
    void run(Caller caller) {
        Page<CommandRun> page = remote.history(caller, serial, PageRequest.first(limit));
        for (CommandRun r : page.items()) {
            String args = r.args().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "));
            out.printf("%s %-10s %-16s %-18s %-6s %5d ms %s%n", TIME.format(r.startedAt()), r.username(), r.commandId(),
                    r.outcome(), r.exitCode() == null ? "-" : r.exitCode(), r.durationMillis(),
                    (args + (r.message() == null ? "" : "  " + r.message())).strip());
        }
        out.println("runs: " + page.items().size() + " of " + page.total());
    }
}
