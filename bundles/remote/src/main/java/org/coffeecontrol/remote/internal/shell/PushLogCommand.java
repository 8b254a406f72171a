package org.coffeecontrol.remote.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.PromoCampaign;
import org.coffeecontrol.remote.api.PromoDelivery;
import org.coffeecontrol.remote.api.PromoService;

@Service
@Command(scope = "coffee", name = "push-log", description = "Promo campaigns: without an id the recent ones, with an "
        + "id its send log per machine; --resend sends the failed ones again, --csv prints the log as CSV")
public class PushLogCommand extends RemoteAction {

    @Reference
    PromoService promo;

    @Option(name = "--resend", description = "Send again to the machines that failed or were skipped")
    boolean resend;

    @Option(name = "--csv", description = "The send log as CSV")
    boolean csv;

    @Argument(index = 0, name = "campaign", description = "Campaign id")
    Long id;

    @Override
    void run(Caller caller) throws Exception {
        if (id == null) {
            out.println("id\tfile\tcreated\tby\tprogress");
            for (PromoCampaign c : promo.campaigns(caller, 20)) {
                out.println(c.id() + "\t" + c.fileName() + "\t" + c.createdAt() + "\t" + c.createdBy() + "\t"
                        + progress(c));
            }
            return;
        }
        if (resend) {
            out.println(progress(promo.resendFailed(caller, id)));
            return;
        }
        if (csv) {
            out.print(promo.exportCsv(caller, id));
            return;
        }
        out.println(progress(promo.campaign(caller, id)));
        out.println("serial\tfamily\tstate\tattempts\tupdated\tms\treason");
        for (PromoDelivery d : promo.deliveries(caller, id)) {
            out.println(String.join("\t", d.serial(), String.valueOf(d.family()), d.state().name(),
                    String.valueOf(d.attempts()), String.valueOf(d.updatedAt()),
                    d.durationMillis() == null ? "" : String.valueOf(d.durationMillis()),
                    d.message() == null ? "" : d.message()));
        }
    }

    static String progress(PromoCampaign c) {
        return c.done() + "/" + c.total() + " done: " + c.sent() + " sent, " + c.failed() + " failed, " + c.waiting()
                + " waiting for the machine" + (c.running() ? " (running)" : "");
    }
}
