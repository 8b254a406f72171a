package org.coffeecontrol.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "equipment", description = "Lists equipment, filtered by text, client, region, POS or model")
public class EquipmentCommand extends FilteredListAction {

    @Option(name = "--pos", aliases = "-p", description = "Only this point of sale (ID, code or name)")
    @Completion(PosCompleter.class)
    String pos;

    @Option(name = "--model", aliases = "-m", description = "Only this model (ID or name)")
    @Completion(ModelCompleter.class)
    String model;

    @Override
    void run(Caller caller, Output output) {
        CatalogLookup lookup = lookup(caller);
        Page<Equipment> page = catalog.equipment(caller,
                query(lookup, lookup.posId(Arguments.optional(pos)), lookup.modelId(Arguments.optional(model))));
        output.table(table(page.items(), lookup));
        output.footer(page, "machines");
    }

    static ShellTable table(List<Equipment> machines, CatalogLookup lookup) {
        ShellTable table = Output.newTable();
        table.column("ID").alignRight();
        table.column("Serial");
        table.column("Model");
        table.column("Point of sale");
        table.column("Host");
        for (Equipment e : machines) {
            table.addRow().addContent(e.id(), Output.cell(e.serialNumber(), 14),
                    Output.cell(lookup.modelName(e.modelId()), 15),
                    Output.cell(e.posId() == null ? "(in stock)" : lookup.posName(e.posId()), 18),
                    Output.cell(e.host(), 15));
        }
        return table;
    }
}
