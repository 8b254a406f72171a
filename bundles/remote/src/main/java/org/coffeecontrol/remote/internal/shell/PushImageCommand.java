package org.coffeecontrol.remote.internal.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.PromoCampaign;
import org.coffeecontrol.remote.api.PromoRequest;
import org.coffeecontrol.remote.api.PromoService;

@Service
@Command(scope = "coffee", name = "push-image", description = "Sends a promo image (a file on the server) to every "
        + "machine that can show promos among the given clients, regions, points of sale and serials")
public class PushImageCommand extends RemoteAction {

    @Reference
    PromoService promo;

    @Option(name = "-c", aliases = "--client", description = "Client id (repeatable)", multiValued = true)
    List<Long> clients;

    @Option(name = "-r", aliases = "--region", description = "Region id (repeatable)", multiValued = true)
    List<Long> regions;

    @Option(name = "-p", aliases = "--pos", description = "Point of sale id (repeatable)", multiValued = true)
    List<Long> pointsOfSale;

    @Option(name = "-s", aliases = "--serial", description = "Machine serial (repeatable)", multiValued = true)
    List<String> serials;

    @Option(name = "-n", aliases = "--name", description = "Name on the machines (default: the file's name)")
    String name;

    @Option(name = "-w", aliases = "--wait", description = "Wait until every transfer has finished, printing progress")
    boolean await;

    @Argument(index = 0, name = "file", description = "The image file on the server", required = true)
    String file;

    @Override
    void run(Caller caller) throws Exception {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new ValidationException("file", file + " is not a file on the server");
        }
        PromoCampaign c = promo.send(caller, new PromoRequest(name != null ? name : path.getFileName().toString(),
                Files.readAllBytes(path), clients, regions, pointsOfSale, serials));
        out.println("campaign " + c.id() + ": " + c.fileName() + " to " + c.total() + " machines");
        while (await && c.running()) {
            Thread.sleep(1000);
            c = promo.campaign(caller, c.id());
            out.println(PushLogCommand.progress(c));
        }
        if (!await) {
            out.println("follow it with coffee:push-log " + c.id());
        }
    }
}
