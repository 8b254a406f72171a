package org.coffeecontrol.remote.api;

import java.util.List;

import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Deferred SQL (RC-4), exactly the manual's flow: a query file placed in the machine's home folder on the server
 * waits there until the machine's daemon calls home, travels in the answer, runs on the machine, and its result
 * comes back and is kept. Same roles as SQL on machines.
 */
@ProviderType
public interface DeferredSqlService {

    /** The first line of every deferred SQL file starts with this. */
    String FAST_ID = "Fast ID";

    /**
     * Writes a new query file into the machine's home folder.
     *
     * @param content the file's text: a first line {@code Fast ID <id>}, then one statement
     * @throws org.coffeecontrol.api.ValidationException naming {@code content} without a {@code Fast ID} line or
     *         with a statement that may not run on machines
     */
    DeferredQuery create(Caller caller, String serial, String content);

    /** The machine's deferred queries, newest first; files dropped into the folder since the last look included. */
    List<DeferredQuery> list(Caller caller, String serial);

    DeferredQuery get(Caller caller, long id);
}
