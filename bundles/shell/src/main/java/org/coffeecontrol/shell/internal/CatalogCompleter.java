package org.coffeecontrol.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.shell.api.ShellCaller;

/**
 * Tab completion from our services, on behalf of the person at the prompt: a client user is never offered what
 * the services would hide from them. Candidates are IDs (described by their name) and single-word keys; names with
 * spaces are left out because the shell would split them into several arguments.
 */
abstract class CatalogCompleter implements Completer {

    @Reference
    CatalogService catalog;

    @Reference
    UserService users;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<Candidate> found = new ArrayList<>();
        completeCandidates(session, commandLine, found);
        return new StringsCompleter(found.stream().map(Candidate::value).toList(), false)
                .complete(session, commandLine, candidates);
    }

    @Override
    public void completeCandidates(Session session, CommandLine commandLine, List<Candidate> candidates) {
        try {
            Caller caller = ShellCaller.of(session, users);
            Map<String, Candidate> unique = new LinkedHashMap<>();
            // Keys are matched ignoring case, so a name equal to the code is one candidate, not two.
            for (Candidate c : candidates(caller)) {
                unique.putIfAbsent(c.value().toLowerCase(Locale.ROOT), c);
            }
            candidates.addAll(unique.values());
        } catch (CoffeeException e) {
            // A caller who may not list these simply gets no suggestions; the command itself will say why.
        }
    }

    abstract List<Candidate> candidates(Caller caller);

    static Candidate id(long id, String description) {
        return new Candidate(String.valueOf(id), String.valueOf(id), null, Output.text(description), null, null,
                true);
    }

    /** Adds {@code word} as a candidate if it can be typed as one shell argument. */
    static void word(List<Candidate> out, String word, String description) {
        if (word != null && !word.isBlank() && word.chars().noneMatch(Character::isWhitespace)
                && word.indexOf('"') < 0 && word.indexOf('\'') < 0) {
            out.add(new Candidate(word, word, null, description, null, null, true));
        }
    }
}
