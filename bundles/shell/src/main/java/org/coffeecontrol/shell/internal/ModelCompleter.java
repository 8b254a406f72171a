package org.coffeecontrol.shell.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.security.Caller;

/** Equipment model IDs and one-word names. */
@Service
public class ModelCompleter extends CatalogCompleter {

    @Override
    List<Candidate> candidates(Caller caller) {
        List<Candidate> out = new ArrayList<>();
        for (EquipmentModel m : catalog.models(caller, CatalogQuery.all()).items()) {
            String description = m.name() + " (" + m.family() + ")";
            out.add(id(m.id(), description));
            word(out, m.name(), description);
        }
        return out;
    }
}
