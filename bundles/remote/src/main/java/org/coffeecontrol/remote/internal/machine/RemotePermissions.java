package org.coffeecontrol.remote.internal.machine;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.coffeecontrol.api.driver.CommandSpec;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;

/** Which roles may do what; ADMIN passes every check (as {@link Caller#require} does). */
public record RemotePermissions(Set<Role> readCommands, Set<Role> changeCommands, Map<String, Set<Role>> perCommand,
        Set<Role> sql, Set<Role> files, Set<Role> credentials, Recipes recipes) {

    /** Recipes (RC-2) and the remote screen (RC-7). */
    public record Recipes(Set<Role> read, Set<Role> write, Set<Role> card, Set<Role> screen,
            Set<Role> screenPassword) {
    }

    public RemotePermissions {
        perCommand = Map.copyOf(perCommand);
    }

    /** @throws IllegalArgumentException for an unknown role or a malformed override: a bad config must not load */
    public static RemotePermissions from(RemoteConfig c) {
        Map<String, Set<Role>> overrides = new HashMap<>();
        for (String entry : c.commandRoles().split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] kv = entry.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new IllegalArgumentException("commandRoles: '" + entry.strip() + "' is not command=ROLE|ROLE");
            }
            overrides.put(kv[0].strip(), roles(kv[1], "[|]"));
        }
        return new RemotePermissions(roles(c.readCommandRoles(), ","), roles(c.changeCommandRoles(), ","), overrides,
                roles(c.sqlRoles(), ","), roles(c.fileRoles(), ","), roles(c.credentialRoles(), ","),
                new Recipes(roles(c.recipeReadRoles(), ","), roles(c.recipeWriteRoles(), ","),
                        roles(c.recipeCardRoles(), ","), roles(c.screenRoles(), ","),
                        roles(c.screenPasswordRoles(), ",")));
    }

    public static Set<Role> roles(String list, String separator) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (String r : list.split(separator)) {
            if (!r.isBlank()) {
                out.add(Role.valueOf(r.strip().toUpperCase(Locale.ROOT)));
            }
        }
        return out;
    }

    public Set<Role> forCommand(CommandSpec spec) {
        Set<Role> override = perCommand.get(spec.id());
        if (override != null) {
            return override;
        }
        return spec.changesMachine() ? changeCommands : readCommands;
    }

    public boolean mayRun(Caller caller, CommandSpec spec) {
        return allowed(caller, forCommand(spec));
    }

    public static boolean allowed(Caller caller, Set<Role> roles) {
        return caller.has(Role.ADMIN) || roles.stream().anyMatch(caller::has);
    }

    /** Throws the api's AccessDeniedException naming the roles that would do. */
    public static void require(Caller caller, String action, Set<Role> roles) {
        caller.require(action, roles.toArray(Role[]::new));
    }
}
