package org.coffeecontrol.remote.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.DeferredQuery;
import org.coffeecontrol.remote.api.DeferredSqlService;

@Service
@Command(scope = "coffee", name = "deferred-sql", description = "Deferred SQL (RC-4): lists a machine's query files, "
        + "places a new one for its next call home, or shows one with its result")
public class DeferredSqlCommand extends RemoteAction {

    @Reference
    DeferredSqlService deferred;

    @Option(name = "-f", aliases = "--fast-id", description = "Place a query with this Fast ID (the statement is the second argument)")
    String fastId;

    @Option(name = "-i", aliases = "--id", description = "Show this deferred query with its result")
    Long id;

    @Argument(index = 0, name = "serial", description = "The machine's serial number")
    String serial;

    @Argument(index = 1, name = "sql", description = "With --fast-id: the statement, quoted")
    String statement;

    @Override
    void run(Caller caller) throws Exception {
        if (id != null) {
            show(deferred.get(caller, id));
            return;
        }
        if (serial == null) {
            throw new ValidationException("serial", "give a machine's serial number (or --id <id>)");
        }
        if (fastId != null || statement != null) {
            if (fastId == null || statement == null) {
                throw new ValidationException("content", "give both --fast-id <id> and the statement");
            }
            DeferredQuery q = deferred.create(caller, serial, DeferredSqlService.FAST_ID + " " + fastId + "\n" + statement);
            out.println("placed " + q.fileName() + " (id " + q.id() + "): it runs at the machine's next call home");
            return;
        }
        out.println("id\tstate\tfile\tfast id\tcreated\tby\tdelivered\tcompleted\tmessage");
        for (DeferredQuery q : deferred.list(caller, serial)) {
            out.println(String.join("\t", String.valueOf(q.id()), q.state().name(), q.fileName(),
                    String.valueOf(q.fastId()), String.valueOf(q.createdAt()), q.createdBy(),
                    String.valueOf(q.deliveredAt()), String.valueOf(q.completedAt()),
                    q.message() == null ? "" : q.message()));
        }
    }

    private void show(DeferredQuery q) {
        out.println(q.fileName() + " on " + q.serial() + ": " + q.state() + (q.message() == null ? "" : " - " + q.message()));
        out.println("Fast ID " + q.fastId());
        out.println(q.sql());
        if (!q.columns().isEmpty()) {
            out.println(String.join("\t", q.columns()));
            for (List<String> row : q.rows()) {
                out.println(String.join("\t", row));
            }
            out.println("(" + q.rows().size() + (q.truncated() ? "+" : "") + " rows)");
        } else if (q.rowsAffected() != null) {
            out.println(q.rowsAffected() + " rows affected");
        }
    }
}
