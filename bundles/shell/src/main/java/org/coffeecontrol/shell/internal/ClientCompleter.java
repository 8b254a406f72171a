package org.coffeecontrol.shell.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.security.Caller;

/** Client IDs, codes and one-word names. */
@Service
public class ClientCompleter extends CatalogCompleter {

    @Override
    List<Candidate> candidates(Caller caller) {
        List<Candidate> out = new ArrayList<>();
        for (Client c : catalog.clients(caller, CatalogQuery.all()).items()) {
            out.add(id(c.id(), c.name()));
            word(out, c.code(), c.name());
            word(out, c.name(), c.name());
        }
        return out;
    }
}
