package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Option;
import org.coffeecontrol.api.PageRequest;

/** A command that lists one page of a longer result, optionally narrowed by text. */
abstract class ListAction extends CoffeeAction {

    @Argument(name = "text", description = "Only entries whose name, code, serial, address or host contains this")
    String text;

    @Option(name = "--limit", aliases = "-n", description = "How many rows to show (default 50, at most 1000)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Option(name = "--offset", description = "How many rows to skip")
    int offset;

    PageRequest page() {
        return Arguments.page(offset, limit);
    }
}
