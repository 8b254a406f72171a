package org.coffeecontrol.shell.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;

/** Point-of-sale IDs, codes and one-word names. */
@Service
public class PosCompleter extends CatalogCompleter {

    @Override
    List<Candidate> candidates(Caller caller) {
        List<Candidate> out = new ArrayList<>();
        for (PointOfSale p : catalog.pointsOfSale(caller, CatalogQuery.all()).items()) {
            out.add(id(p.id(), p.name()));
            word(out, p.code(), p.name());
            word(out, p.name(), p.name());
        }
        return out;
    }
}
