package org.coffeecontrol.tickets.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tickets (TKT-1), their state machine and the operator queue (TKT-3).
 *
 * <p>State changes by role (ADMIN may do everything):
 * <ul>
 * <li>NEW → ASSIGNED: SERVICE_ADMIN, OPERATOR (through {@link #assign});</li>
 * <li>ASSIGNED → IN_PROGRESS, IN_PROGRESS → DONE: the executor (ENGINEER) or SERVICE_ADMIN;
 *     OPERATOR for tickets he handles remotely;</li>
 * <li>DONE → CLOSED: SERVICE_ADMIN, OPERATOR; NEW/IN_PROGRESS → CLOSED only through {@link #resolveRemotely};</li>
 * <li>any open state → CANCELLED: SERVICE_ADMIN, OPERATOR, with a reason;</li>
 * <li>DONE → IN_PROGRESS (sent back for correction): SERVICE_ADMIN.</li>
 * </ul>
 * Every mutating call takes the {@code version} the caller read: when somebody else changed the ticket meanwhile it
 * fails with a ConflictException that says who, and changes nothing. Every change is recorded in the history and,
 * when the monitoring bundle is present and the ticket has a POS, written to the event journal.
 */
@ProviderType
public interface TicketService {

    /** Opens a ticket in state NEW. Needs OPERATOR, SERVICE_ADMIN, CLIENT (own POS only) or ADMIN. */
    Ticket create(Caller caller, NewTicket ticket);

    Ticket get(Caller caller, long id);

    /** By the platform's number ({@code T000123}). */
    Ticket byNumber(Caller caller, String number);

    /** The ticket a source system knows under {@code externalNumber}, if it exists and the caller may see it. */
    Optional<Ticket> findByExternal(Caller caller, TicketSource source, String externalNumber);

    /** Newest first. ENGINEERs without another role see only tickets assigned to them. */
    Page<Ticket> search(Caller caller, TicketQuery query);

    Ticket update(Caller caller, long id, TicketUpdate update);

    /** Moves the ticket to {@code to} if the caller's role allows that step; {@code reason} is required to cancel. */
    Ticket transition(Caller caller, long id, long version, TicketState to, String reason);

    /** Sets the executor (an ENGINEER, or the operator himself) and moves a NEW ticket to ASSIGNED. */
    Ticket assign(Caller caller, long id, long version, String executor, Instant plannedEnd);

    List<TicketLine> lines(Caller caller, long id);

    /** Replaces all lines of works and parts. */
    Ticket saveLines(Caller caller, long id, long version, List<TicketLine> lines);

    List<Attachment> attachments(Caller caller, long id);

    /** Stores a file (at most the configured size, 10 MB by default). */
    Attachment attach(Caller caller, long id, String fileName, String contentType, byte[] content);

    byte[] attachmentContent(Caller caller, long id, long attachmentId);

    void detach(Caller caller, long id, long attachmentId);

    /** Stores the signature image (PNG) captured on the device, with the name of who signed. */
    Ticket sign(Caller caller, long id, long version, byte[] png, String signedBy);

    /** The stored signature PNG, if signed. */
    Optional<byte[]> signature(Caller caller, long id);

    /** Oldest first. */
    List<HistoryEntry> history(Caller caller, long id);

    /** Adds a free-text note to the history (e.g. a reply mail, a request for correction). */
    HistoryEntry note(Caller caller, long id, String text);

    // ---- operator queue (TKT-3) ----

    /** Open tickets that are not field visits yet or wait for dispatch: priority first, then arrival. */
    List<QueueItem> queue(Caller caller);

    /**
     * The operator takes the ticket to work on it. Fails with a ConflictException naming the other operator when
     * somebody took it first (or the version is stale).
     */
    Ticket take(Caller caller, long id, long version);

    /** Resolved remotely: closes the ticket with the result. */
    Ticket resolveRemotely(Caller caller, long id, long version, String result);

    /** Marks the ticket for a field visit: it leaves the operator's hands and waits for dispatch. */
    Ticket escalate(Caller caller, long id, long version, String reason);

    List<PriorityRule> priorityRules(Caller caller);

    /** Creates (id null) or replaces a rule. MANAGER or ADMIN. */
    PriorityRule savePriorityRule(Caller caller, PriorityRule rule);

    void deletePriorityRule(Caller caller, long ruleId);
}
