package org.coffeecontrol.remote.api;

import java.time.Instant;

/**
 * One promo image sent to a set of machines (RC-6), with its progress as the caller may see it (only machines of
 * the caller's clients count).
 *
 * @param recipients what was asked for, e.g. {@code client 3, region 1}
 * @param pending    not finished yet: waiting for a transfer slot or being sent
 * @param waiting    skipped as offline or unreachable: sent again when the machine next calls home
 * @param running    true while transfers of this campaign are under way
 */
public record PromoCampaign(long id, String fileName, String format, long sizeBytes, int width, int height,
        String sha256, String recipients, String createdBy, Instant createdAt, int total, int pending, int sent,
        int failed, int waiting, boolean running) {

    /** Finished transfers (sent or failed) and skipped machines, of the total. */
    public int done() {
        return total - pending;
    }
}
