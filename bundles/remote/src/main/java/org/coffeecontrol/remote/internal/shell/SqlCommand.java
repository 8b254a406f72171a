package org.coffeecontrol.remote.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.MachineSqlService;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.SqlResult;

@Service
@Command(scope = "coffee", name = "sql", description = "Runs one SQL statement (or a stored query) on a machine's local database")
public class SqlCommand extends RemoteAction {

    @Reference
    MachineSqlService sql;

    @Option(name = "-n", aliases = "--max-rows", description = "Rows to show (default: the configured maximum)")
    int maxRows;

    @Option(name = "-q", aliases = "--query", description = "Run this stored query instead of a statement")
    Long queryId;

    @Argument(index = 0, name = "serial", description = "The machine's serial number", required = true)
    String serial;

    @Argument(index = 1, name = "sql", description = "The statement, quoted: \"SELECT * FROM recipes\"")
    String statement;

    @Override
    void run(Caller caller) throws Exception {
        if ((statement == null) == (queryId == null)) {
            throw new ValidationException("sql", "give a statement or --query <id>");
        }
        SqlResult r = await(queryId != null ? sql.executeStored(caller, serial, queryId, maxRows)
                : sql.execute(caller, serial, statement, maxRows));
        if (!r.columns().isEmpty()) {
            out.println(String.join("\t", r.columns()));
            for (List<String> row : r.rows()) {
                out.println(String.join("\t", row));
            }
            out.println("(" + r.rows().size() + (r.truncated() ? "+" : "") + " rows, " + r.durationMillis() + " ms)");
        } else if (r.rowsAffected() != null) {
            out.println(r.rowsAffected() + " rows affected (" + r.durationMillis() + " ms)");
        }
        if (r.outcome() != Outcome.OK) {
            String line = "SQL " + r.outcome() + ": " + r.message();
            throw new CommandException(line, line);
        }
        if (r.message() != null) {
            out.println(r.message());
        }
    }
}
