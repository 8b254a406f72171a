package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Role names as {@link Arguments#roles} accepts them. */
@Service
public class RoleCompleter extends StringsCompleter {

    public RoleCompleter() {
        super(Arguments.roleNames(), false);
    }
}
