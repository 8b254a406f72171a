package org.coffeecontrol.monitoring.api;

import java.time.LocalDate;
import java.util.List;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The monitoring centre. Reads show only what the caller's client visibility allows: objects of other clients
 * behave as if they did not exist ({@link org.coffeecontrol.api.NotFoundException}). Periods are whole days,
 * both ends included, each point of sale counted on its own calendar (its {@code timeZone}, else {@link #zone()}):
 * the drinks of 26 November are what every shop sold on its own 26 November.
 */
@ProviderType
public interface MonitoringService {

    /** Every visible point of sale with the worst state of its machines (MON-3). */
    List<PosOverview> overview(Caller caller);

    /** The state of every visible machine of a POS, or of the whole visible fleet when {@code posId} is null. */
    List<MachineState> machines(Caller caller, Long posId);

    MachineState machine(Caller caller, long equipmentId);

    /** Detected problems, newest first. */
    Page<Problem> problems(Caller caller, ProblemQuery query);

    Uptime uptime(Caller caller, Scope scope, LocalDate from, LocalDate to);

    DrinksSold drinks(Caller caller, Scope scope, LocalDate from, LocalDate to);

    /** MON-5, newest first. */
    Page<JournalEntry> journal(Caller caller, JournalQuery query);

    /**
     * Adds an operator's entry. Needs OPERATOR, SERVICE_ADMIN, TECH_SUPPORT or ENGINEER; a ticket number where
     * {@link JournalSource#ticketRequired()}; MONITORING and CRITICAL_ERROR are the platform's own sources.
     */
    JournalEntry addJournalEntry(Caller caller, NewJournalEntry entry);

    /** The caller's own notifications, newest first; {@code unreadOnly} hides the read ones. */
    Page<Notification> notifications(Caller caller, boolean unreadOnly, PageRequest page);

    long unreadNotifications(Caller caller);

    /** Marks the caller's notifications read: the given ids, or all of them when {@code ids} is empty. */
    int markRead(Caller caller, List<Long> ids);

    /** "Clear" of the panel: deletes the caller's read notifications; returns how many. */
    int clearRead(Caller caller);

    List<Subscription> subscriptions(Caller caller);

    /** Watches a visible POS; subscribing again only changes {@code email}. */
    Subscription subscribe(Caller caller, long posId, boolean email);

    /** @return false when the caller did not watch the POS */
    boolean unsubscribe(Caller caller, long posId);

    /** The platform's monitoring zone: that of points of sale without their own {@code timeZone}. */
    java.time.ZoneId zone();

    /**
     * The zones of the visible points of sale that have their own; every other one uses {@link #zone()}. Times
     * about a POS (its problems, journal, machines) are shown on its clock.
     *
     * @since 1.2
     */
    java.util.Map<Long, java.time.ZoneId> posZones(Caller caller);
}
