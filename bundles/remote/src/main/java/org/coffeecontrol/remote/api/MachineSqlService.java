package org.coffeecontrol.remote.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * SQL on a machine's local database (RC-3): tech support only. Only single SELECT, VALUES, INSERT, UPDATE and
 * DELETE statements are sent; every statement, refused ones included, is logged.
 */
@ProviderType
public interface MachineSqlService {

    /**
     * @param maxRows rows to keep, clamped to the configured maximum; 0 means the configured default
     * @throws org.coffeecontrol.api.ValidationException naming {@code sql} when the statement is refused
     */
    CompletableFuture<SqlResult> execute(Caller caller, String serial, String sql, int maxRows);

    CompletableFuture<SqlResult> executeStored(Caller caller, String serial, long queryId, int maxRows);

    Page<SqlLogEntry> log(Caller caller, String serial, PageRequest page);

    List<StoredQuery> queries(Caller caller);

    StoredQuery query(Caller caller, long id);

    /** Creates (id null) or updates; names are unique. */
    StoredQuery saveQuery(Caller caller, StoredQuery query);

    void deleteQuery(Caller caller, long id);
}
