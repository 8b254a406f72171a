package org.coffeecontrol.remote.api;

import java.util.List;
import java.util.function.Consumer;

import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Promo image distribution (RC-6): an image checked against the format, size and resolution limits of every
 * recipient family, sent over SFTP in parallel with a bounded number of transfers, a send log per machine (kept),
 * resend of the failed ones, and machines that were offline served when they call home again. Tech support only
 * (configurable); every list is cut to the caller's clients.
 */
@ProviderType
public interface PromoService {

    /**
     * Checks the request and starts sending; returns at once with the campaign (transfers run in the background).
     *
     * @throws org.coffeecontrol.api.ValidationException naming {@code fileName}, {@code image} (format, size or
     *         resolution a recipient family does not take) or {@code recipients} (none that can show promos)
     * @throws org.coffeecontrol.api.NotFoundException for a client, region, POS or serial the caller cannot see
     */
    PromoCampaign send(Caller caller, PromoRequest request);

    /** Newest first. */
    List<PromoCampaign> campaigns(Caller caller, int limit);

    PromoCampaign campaign(Caller caller, long id);

    /** The send log: one line per machine. */
    List<PromoDelivery> deliveries(Caller caller, long campaignId);

    /** Sends again to every machine of the campaign whose last attempt failed or that was skipped. */
    PromoCampaign resendFailed(Caller caller, long campaignId);

    /** The send log as CSV (header line, one line per machine). */
    String exportCsv(Caller caller, long campaignId);

    /**
     * Calls {@code listener} with the campaign whenever its progress changed (at most a few times a second) until
     * the returned handle is closed: live progress for screens.
     */
    AutoCloseable watch(Caller caller, long campaignId, Consumer<PromoCampaign> listener);
}
