package org.coffeecontrol.remote.internal.sql;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.driver.Capability;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.MachineSqlService;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.RemoteOperationException;
import org.coffeecontrol.remote.api.SqlLogEntry;
import org.coffeecontrol.remote.api.SqlResult;
import org.coffeecontrol.remote.api.StoredQuery;
import org.coffeecontrol.remote.internal.db.RemoteDatabase;
import org.coffeecontrol.remote.internal.machine.Futures;
import org.coffeecontrol.remote.internal.machine.Machine;
import org.coffeecontrol.remote.internal.machine.MachineGateway;
import org.coffeecontrol.remote.internal.machine.RemotePermissions;
import org.coffeecontrol.remote.internal.transport.ExecResult;
import org.coffeecontrol.remote.internal.transport.SshTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * RC-3: one statement at a time over the machine's {@code sql} exec command, the answer parsed into a table,
 * every statement logged with its outcome.
 */
@Component(service = MachineSqlService.class)
public class MachineSqlServiceImpl implements MachineSqlService {

    private final MachineGateway gateway;
    private final SqlStore store;

    @Activate
    public MachineSqlServiceImpl(@Reference MachineGateway gateway, @Reference RemoteDatabase database) {
        this.gateway = gateway;
        this.store = new SqlStore(database.jdbc());
    }

    private void requireSql(Caller caller, String action) {
        RemotePermissions.require(caller, action, gateway.settings().permissions().sql());
    }

    @Override
    public CompletableFuture<SqlResult> execute(Caller caller, String serial, String sql, int maxRows) {
        requireSql(caller, "run SQL on machines");
        return run(caller, gateway.machine(caller, serial), sql, null, maxRows);
    }

    @Override
    public CompletableFuture<SqlResult> executeStored(Caller caller, String serial, long queryId, int maxRows) {
        requireSql(caller, "run SQL on machines");
        Machine m = gateway.machine(caller, serial);
        StoredQuery q = store.query(queryId).orElseThrow(() -> new NotFoundException("Stored query", queryId));
        return run(caller, m, q.sql(), q.id(), maxRows);
    }

    private CompletableFuture<SqlResult> run(Caller caller, Machine m, String sql, Long queryId, int maxRows) {
        Instant started = Instant.now();
        String statement;
        try {
            statement = SqlStatement.check(sql);
        } catch (ValidationException e) {
            store.log(m.id(), m.serial(), caller.username(), started, sql == null ? "" : sql, queryId, 0,
                    Outcome.REFUSED, null, e.detail());
            throw e;
        }
        int limit = maxRows <= 0 ? gateway.settings().sqlMaxRows() : Math.min(maxRows, gateway.settings().sqlMaxRows());
        SshTarget target;
        try {
            MachineDriver driver = gateway.requireDriver(m);
            if (!driver.info().capabilities().contains(Capability.SQL)) {
                throw new RemoteOperationException(Outcome.NOT_CONFIGURED,
                        driver.info().displayName() + " machines offer no SQL access");
            }
            target = gateway.target(m);
        } catch (RemoteOperationException e) {
            long id = store.log(m.id(), m.serial(), caller.username(), started, statement, queryId, 0, e.outcome(),
                    null, e.getMessage());
            return CompletableFuture.completedFuture(new SqlResult(id, statement, List.of(), List.of(), false, null, 0,
                    e.outcome(), e.getMessage()));
        }
        long t0 = System.nanoTime();
        return Futures.then(
                gateway.transport().exec(target, SqlStatement.commandLine(statement), gateway.settings().sqlTimeout()),
                (r, failure) -> finished(caller, m, statement, queryId, started, limit, r, failure,
                        (System.nanoTime() - t0) / 1_000_000));
    }

    private SqlResult finished(Caller caller, Machine m, String statement, Long queryId, Instant started, int limit,
            ExecResult r, Throwable failure, long millis) {
        Outcome outcome;
        String message;
        SqlOutput.Table table;
        if (failure != null) {
            RemoteOperationException e = Futures.remote(failure);
            outcome = e.outcome();
            message = e.getMessage();
            table = new SqlOutput.Table(List.of(), List.of(), false, null);
        } else if (r.exitCode() != 0) {
            outcome = Outcome.FAILED;
            message = (r.stderr() + r.stdout()).strip();
            table = new SqlOutput.Table(List.of(), List.of(), false, null);
        } else {
            outcome = Outcome.OK;
            table = SqlOutput.parse(r.stdout(), limit);
            message = table.truncated() ? "only the first " + limit + " rows are shown" : null;
        }
        Integer count = table.rowsAffected() != null ? table.rowsAffected()
                : outcome == Outcome.OK ? Integer.valueOf(table.rows().size()) : null;
        long id = store.log(m.id(), m.serial(), caller.username(), started, statement, queryId, millis, outcome, count,
                message);
        return new SqlResult(id, statement, table.columns(), table.rows(), table.truncated(), table.rowsAffected(),
                millis, outcome, message);
    }

    @Override
    public Page<SqlLogEntry> log(Caller caller, String serial, PageRequest page) {
        requireSql(caller, "read the SQL log");
        return store.log(gateway.machine(caller, serial).id(),
                page == null ? PageRequest.first(PageRequest.DEFAULT_LIMIT) : page);
    }

    @Override
    public List<StoredQuery> queries(Caller caller) {
        requireSql(caller, "read stored queries");
        return store.queries();
    }

    @Override
    public StoredQuery query(Caller caller, long id) {
        requireSql(caller, "read stored queries");
        return store.query(id).orElseThrow(() -> new NotFoundException("Stored query", id));
    }

    @Override
    public StoredQuery saveQuery(Caller caller, StoredQuery query) {
        requireSql(caller, "edit stored queries");
        if (query == null) {
            throw new ValidationException("body", "a stored query is required");
        }
        if (query.name() == null || query.name().isBlank() || query.name().strip().length() > 100) {
            throw new ValidationException("name", "1 to 100 characters");
        }
        if (query.description() != null && query.description().length() > 1000) {
            throw new ValidationException("description", "at most 1000 characters");
        }
        StoredQuery clean = new StoredQuery(query.id(), query.name().strip(), query.description(),
                SqlStatement.check(query.sql()), query.createdBy(), query.version());
        if (clean.id() == null) {
            return store.insert(clean, caller.username());
        }
        store.query(clean.id()).orElseThrow(() -> new NotFoundException("Stored query", clean.id()));
        return store.update(clean);
    }

    @Override
    public void deleteQuery(Caller caller, long id) {
        requireSql(caller, "delete stored queries");
        if (!store.delete(id)) {
            throw new NotFoundException("Stored query", id);
        }
    }
}
