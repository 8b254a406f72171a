package org.coffeecontrol.tickets.internal.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.InboxStatus;
import org.coffeecontrol.tickets.api.NewTicket;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketService;
import org.coffeecontrol.tickets.api.TicketSource;
import org.coffeecontrol.tickets.internal.sources.Fleets;
import org.coffeecontrol.tickets.internal.sources.SourcesDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a mail from the ticket mailbox becomes: a note on the ticket it answers (by In-Reply-To/References,
 * a ticket number in the subject, or an EKDS number already known), a new ticket when its POS is recognised, or a
 * triage item. The mail is stored before a ticket is opened from it, so a crash in between can leave a triage item
 * next to its ticket but never a mail without a trace or a ticket twice.
 */
@Component(service = MailImporter.class)
public final class MailImporter {

    private static final Logger LOG = LoggerFactory.getLogger(MailImporter.class);
    static final String MAIL_USER = "mail";
    private static final int MAX_REASON = 2000;

    /** EKDS route settings: which senders are EKDS, how its number appears in the subject. */
    public record Ekds(List<String> senders, Pattern number) {

        public static final Ekds NONE = new Ekds(List.of(), Pattern.compile("(?!x)x"));

        public static Ekds of(String senders, String numberPattern) {
            List<String> list = new ArrayList<>();
            if (senders != null) {
                for (String s : senders.split("[,;\\s]+")) {
                    if (!s.isBlank()) {
                        list.add(s.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
            Pattern p = Pattern.compile(numberPattern == null || numberPattern.isBlank()
                    ? "(?i)EKDS\\s*[-:№#]?\\s*(\\d+)" : numberPattern);
            return new Ekds(list, p);
        }

        /** A sender matches an address exactly or a domain given as {@code @example.org}. */
        boolean from(String sender) {
            if (sender == null) {
                return false;
            }
            String s = sender.toLowerCase(Locale.ROOT);
            return senders.stream().anyMatch(x -> x.startsWith("@") ? s.endsWith(x) : s.equals(x));
        }

        String number(String subject) {
            Matcher m = number.matcher(subject == null ? "" : subject);
            return m.find() ? (m.groupCount() >= 1 ? m.group(1) : m.group()) : null;
        }
    }

    public enum Outcome { DUPLICATE, TICKET, REPLY, TRIAGE }

    private final InboxStore store;
    private final TicketService tickets;
    private final CatalogService catalog;
    private final Clock clock;

    @Activate
    public MailImporter(@Reference SourcesDatabase db, @Reference TicketService tickets,
            @Reference CatalogService catalog) {
        this(new InboxStore(db.jdbc()), tickets, catalog, Clock.systemUTC());
    }

    public MailImporter(InboxStore store, TicketService tickets, CatalogService catalog, Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.catalog = catalog;
        this.clock = clock;
    }

    public InboxStore store() {
        return store;
    }

    public Outcome importMail(IncomingMail m, Ekds ekds) {
        if (store.known(m.messageId())) {
            return Outcome.DUPLICATE;
        }
        Instant now = clock.instant();
        TicketSource source = ekds.from(m.from()) ? TicketSource.EKDS : TicketSource.EMAIL;
        String ekdsNumber = source == TicketSource.EKDS ? ekds.number(m.subject()) : null;
        Optional<Ticket> answered = answered(m, ekdsNumber);
        if (answered.isPresent()) {
            Ticket t = answered.get();
            long id = store.insert(source, m, now, InboxStatus.REPLY, "reply to " + t.number(), t.clientId(),
                    t.posId(), t.id());
            tickets.note(Caller.system(), t.id(), "E-mail from " + m.from() + ": " + m.subject()
                    + (m.body().isBlank() ? "" : "\n" + clip(m.body(), MAX_REASON)));
            attachFiles(id, t);
            store.thread(m.messageId(), t.id());
            return Outcome.REPLY;
        }
        List<PointOfSale> fleet = Fleets.allPointsOfSale(catalog);
        PosRecognizer.Recognition r = PosRecognizer.recognise(fleet, m.subject(), m.body());
        if (!r.found()) {
            store.insert(source, m, now, InboxStatus.TRIAGE, r.note(), null, null, null);
            return Outcome.TRIAGE;
        }
        PointOfSale pos = r.pos();
        long id = store.insert(source, m, now, InboxStatus.TRIAGE, "opening a ticket: " + r.note(), pos.clientId(),
                pos.id(), null);
        try {
            Ticket t = open(id, m, source, ekdsNumber, pos.id(), equipmentNamed(pos.id(), m), Caller.system());
            store.resolve(id, InboxStatus.TRIAGE, InboxStatus.TICKET, r.note(), t.clientId(), pos.id(), t.id(),
                    MAIL_USER, now);
            return Outcome.TICKET;
        } catch (CoffeeException e) {
            // e.g. the EKDS number is taken: the mail stays in triage with the reason, nothing is lost
            store.resolve(id, InboxStatus.TRIAGE, InboxStatus.TRIAGE, e.getMessage(), pos.clientId(), pos.id(), null,
                    null, null);
            return Outcome.TRIAGE;
        }
    }

    /** Opens the ticket of a stored inbox mail with its files, and threads the mail to it. */
    public Ticket open(long inboxId, IncomingMail m, TicketSource source, String externalNumber, long posId,
            Long equipmentId, Caller caller) {
        String reason = m.subject() + (m.body().isBlank() ? "" : "\n\n" + m.body());
        Ticket t = tickets.create(caller, new NewTicket(source, externalNumber, null, null, posId, equipmentId, null,
                m.fromName() != null && !m.fromName().isBlank() ? m.fromName() + " <" + m.from() + ">" : m.from(),
                null, clip(reason.strip(), MAX_REASON), null));
        attachFiles(inboxId, t);
        store.thread(m.messageId(), t.id());
        return t;
    }

    private Optional<Ticket> answered(IncomingMail m, String ekdsNumber) {
        Optional<Long> threaded = store.threadOf(m.references());
        if (threaded.isPresent()) {
            return Optional.of(tickets.get(Caller.system(), threaded.get()));
        }
        for (String number : TicketReference.candidates(m.subject())) {
            try {
                return Optional.of(tickets.byNumber(Caller.system(), number));
            } catch (NotFoundException e) {
                // not ours: try the next
            }
        }
        if (ekdsNumber != null) {
            return tickets.findByExternal(Caller.system(), TicketSource.EKDS, ekdsNumber);
        }
        return Optional.empty();
    }

    /** The machine of the POS whose serial number the mail names, if exactly one does. */
    private Long equipmentNamed(long posId, IncomingMail m) {
        String text = (m.subject() + "\n" + m.body()).toLowerCase(Locale.ROOT);
        List<Equipment> named = catalog.equipment(Caller.system(), new CatalogQuery(null, null, null, posId, null,
                null)).items().stream().filter(e -> e.serialNumber() != null && e.serialNumber().length() >= 3
                        && text.contains(e.serialNumber().toLowerCase(Locale.ROOT))).toList();
        return named.size() == 1 ? named.get(0).id() : null;
    }

    private void attachFiles(long inboxId, Ticket t) {
        for (InboxStore.File f : store.files(inboxId)) {
            try {
                tickets.attach(Caller.system(), t.id(), f.fileName(), f.contentType(), f.content());
            } catch (CoffeeException e) {
                // too big or of a refused type for the ticket: it stays with the inbox mail, and the ticket says so
                LOG.info("Mail attachment {} not attached to {}: {}", f.fileName(), t.number(), e.getMessage());
                tickets.note(Caller.system(), t.id(), "Attachment " + f.fileName() + " of the e-mail kept in the "
                        + "inbox only: " + e.getMessage());
            }
        }
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

}
