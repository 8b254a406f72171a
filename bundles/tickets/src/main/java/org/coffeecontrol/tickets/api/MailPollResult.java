package org.coffeecontrol.tickets.api;

/** What one poll of the ticket mailbox did. */
public record MailPollResult(int read, int tickets, int replies, int triage, int duplicates, int failed) {
}
