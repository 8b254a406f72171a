package org.coffeecontrol.shell.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.security.Caller;

/** Equipment serial numbers, and IDs described by their serial. */
@Service
public class SerialCompleter extends CatalogCompleter {

    @Override
    List<Candidate> candidates(Caller caller) {
        List<Candidate> out = new ArrayList<>();
        for (Equipment e : catalog.equipment(caller, CatalogQuery.all()).items()) {
            word(out, e.serialNumber(), "equipment #" + e.id());
            out.add(id(e.id(), "serial " + e.serialNumber()));
        }
        return out;
    }
}
