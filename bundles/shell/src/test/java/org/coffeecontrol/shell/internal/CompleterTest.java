package org.coffeecontrol.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PrivilegedAction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompleterTest {

    private final Shell shell = new Shell();
    private Client acme;
    private Client beta;
    private Client gamma;

    @BeforeEach
    void seed() {
        Caller admin = Caller.system();
        acme = shell.catalog.saveClient(admin, new Client(null, "Acme Fuel", "ACME", null, null, null, 0));
        beta = shell.catalog.saveClient(admin, new Client(null, "Beta", "BT", null, null, null, 0));
        gamma = shell.catalog.saveClient(admin, new Client(null, "Gamma", "GAMMA", null, null, null, 0));
        PointOfSale p = shell.catalog.savePointOfSale(admin, new PointOfSale(null, "North 1", "10234", beta.id(),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 0));
        EquipmentModel m = shell.catalog.saveModel(admin, new EquipmentModel(null, "BW4", "Thermoplan", null,
                "thermoplan", true, true, 0));
        shell.catalog.saveEquipment(admin, new Equipment(null, m.id(), "BW4-77", p.id(), null, null, null, null,
                false, null, 0));
    }

    private static List<Candidate> candidates(Completer completer, Subject subject) {
        List<Candidate> out = new ArrayList<>();
        Subject.doAs(subject, (PrivilegedAction<Void>) () -> {
            completer.completeCandidates(Shell.session(), line(""), out);
            return null;
        });
        return out;
    }

    private static List<String> values(Completer completer, Subject subject) {
        return candidates(completer, subject).stream().map(Candidate::value).toList();
    }

    /** The command line as Karaf hands it to a completer: the word under the cursor, typed up to the cursor. */
    private static CommandLine line(String word) {
        return new CommandLine() {
            public int getCursorArgumentIndex() {
                return 1;
            }

            public String getCursorArgument() {
                return word;
            }

            public int getArgumentPosition() {
                return word.length();
            }

            public String[] getArguments() {
                return new String[] { "coffee:client", word };
            }

            public int getBufferPosition() {
                return getBuffer().length();
            }

            public String getBuffer() {
                return "coffee:client " + word;
            }
        };
    }

    @Test
    void clientsOfferIdsCodesAndOneWordNamesOnceIgnoringCase() {
        List<String> values = values(shell.completer(new ClientCompleter()), Shell.console());
        assertEquals(List.of(String.valueOf(acme.id()), "ACME", String.valueOf(beta.id()), "BT", "Beta",
                String.valueOf(gamma.id()), "GAMMA"), values);
    }

    @Test
    void idCandidatesAreDescribedByName() {
        Candidate first = candidates(shell.completer(new ClientCompleter()), Shell.console()).get(0);
        assertEquals("Acme Fuel", first.descr());
    }

    @Test
    void clientUserIsOfferedOnlyWhatTheyMaySee() {
        Subject olga = shell.dbUser("olga", EnumSet.of(Role.CLIENT), Set.of(acme.id()));
        assertEquals(List.of(String.valueOf(acme.id()), "ACME"), values(shell.completer(new ClientCompleter()), olga));
        assertTrue(values(shell.completer(new PosCompleter()), olga).isEmpty());
        assertTrue(values(shell.completer(new SerialCompleter()), olga).isEmpty());
    }

    @Test
    void refusedCallerGetsNoCandidatesInsteadOfAnError() {
        assertTrue(values(shell.completer(new ClientCompleter()), Shell.login("stranger")).isEmpty());
        Subject olga = shell.dbUser("olga", EnumSet.of(Role.CLIENT), Set.of(acme.id()));
        assertTrue(values(shell.completer(new UsernameCompleter()), olga).isEmpty());
    }

    @Test
    void serialsPosModelsAndUsernames() {
        shell.dbUser("anna", EnumSet.of(Role.ENGINEER), Set.of());
        assertTrue(values(shell.completer(new SerialCompleter()), Shell.console()).contains("BW4-77"));
        assertTrue(values(shell.completer(new PosCompleter()), Shell.console()).contains("10234"));
        assertTrue(values(shell.completer(new ModelCompleter()), Shell.console()).contains("BW4"));
        assertEquals(List.of("anna"), values(shell.completer(new UsernameCompleter()), Shell.console()));
    }

    @Test
    void plainCompletionFiltersByWhatWasTyped() {
        ClientCompleter completer = shell.completer(new ClientCompleter());
        List<String> out = new ArrayList<>();
        Subject.doAs(Shell.console(), (PrivilegedAction<Integer>) () -> completer.complete(Shell.session(), line("b"), out));
        assertEquals(List.of("BT", "Beta"), out.stream().map(String::strip).sorted().toList());
    }

    @Test
    void rolesCompleteToTheNamesTheCommandsAccept() {
        List<String> out = new ArrayList<>();
        new RoleCompleter().complete(Shell.session(), line("tech"), out);
        assertEquals(List.of("tech-support"), out.stream().map(String::strip).toList());
    }
}
