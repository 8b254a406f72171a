package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "models", description = "Lists equipment models and their machine family")
public class ModelsCommand extends ListAction {

    @Override
    void run(Caller caller, Output output) {
        Page<EquipmentModel> page = catalog.models(caller, CatalogQuery.text(text).withPage(page()));
        ShellTable table = Output.newTable();
        table.column("ID").alignRight();
        table.column("Name");
        table.column("Maker");
        table.column("Type");
        table.column("Family");
        table.column("Rcp/Promo");
        for (EquipmentModel m : page.items()) {
            table.addRow().addContent(m.id(), Output.cell(m.name(), 16), Output.cell(m.manufacturer(), 10),
                    Output.cell(m.type(), 14), Output.cell(m.family(), 10),
                    Output.yesNo(m.supportsRecipes()) + "/" + Output.yesNo(m.supportsPromo()));
        }
        output.table(table);
        output.footer(page, "models");
    }
}
