package org.coffeecontrol.shell.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.api.security.Caller;

/** Region IDs, codes and one-word names. */
@Service
public class RegionCompleter extends CatalogCompleter {

    @Override
    List<Candidate> candidates(Caller caller) {
        List<Candidate> out = new ArrayList<>();
        for (Region r : catalog.regions(caller, CatalogQuery.all()).items()) {
            out.add(id(r.id(), r.name()));
            word(out, r.code(), r.name());
            word(out, r.name(), r.name());
        }
        return out;
    }
}
