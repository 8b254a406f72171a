package org.coffeecontrol.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "equipment", description = "Lists equipment, filtered by text, client, region, POS or model")
public class EquipmentCommand extends ListAction {

    @Argument(name = "text", description = "Part of a serial, inventory number or host")
    String text;

    @Option(name = "--client", aliases = "-c", description = "Only this client (ID, code or name)")
    @Completion(ClientCompleter.class)
    String client;

    @Option(name = "--region", aliases = "-r", description = "Only this region (ID, code or name)")
    @Completion(RegionCompleter.class)
    String region;

    @Option(name = "--pos", aliases = "-p", description = "Only this point of sale (ID, code or name)")
    @Completion(PosCompleter.class)
    String pos;

    @Option(name = "--model", aliases = "-m", description = "Only this model (ID or name)")
    @Completion(ModelCompleter.class)
    String model;

    @Override
    void run(Caller caller, Output output) {
        CatalogLookup lookup = lookup(caller);
        CatalogQuery query = new CatalogQuery(text, lookup.clientId(Arguments.optional(client)),
                lookup.regionId(Arguments.optional(region)), lookup.posId(Arguments.optional(pos)),
                lookup.modelId(Arguments.optional(model)), page());
        Page<Equipment> page = catalog.equipment(caller, query);
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
