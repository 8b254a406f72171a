package org.coffeecontrol.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.catalog.SearchHit;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "search", description = "Finds clients, POS and equipment by ID, name, code, serial or IP")
public class SearchCommand extends CoffeeAction {

    @Argument(name = "term", description = "What to look for", required = true)
    String term;

    @Option(name = "--limit", aliases = "-n", description = "At most this many hits (default 20)")
    int limit = 20;

    @Override
    void run(Caller caller, Output output) {
        List<SearchHit> hits = catalog.search(caller, term, Arguments.page(0, limit).limit());
        ShellTable table = Output.newTable();
        table.column("Kind");
        table.column("ID").alignRight();
        table.column("Title");
        table.column("Matched");
        table.column("Details");
        for (SearchHit h : hits) {
            table.addRow().addContent(h.kind(), h.id(), Output.cell(h.title(), 26),
                    Output.cell(h.matchedOn(), 7), Output.cell(h.subtitle(), 17));
        }
        output.table(table);
        output.line("hits: " + hits.size());
    }
}
