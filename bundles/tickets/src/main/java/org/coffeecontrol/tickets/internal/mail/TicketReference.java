package org.coffeecontrol.tickets.internal.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ticket numbers (T000123) a mail's subject names, as our outgoing mails put them ("[Coffee Control T000042] …")
 * and as people quote them. Only whole tokens count, so a POS named "АЗС №17" is no ticket 17.
 */
public final class TicketReference {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])T\\d{6,}(?![\\p{L}\\p{N}])");

    private TicketReference() {
    }

    public static List<String> candidates(String subject) {
        List<String> out = new ArrayList<>();
        if (subject == null) {
            return out;
        }
        Matcher m = NUMBER.matcher(subject);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The subject prefix of every mail the platform sends about a ticket. */
    public static String subjectTag(String ticketNumber) {
        return "[Coffee Control " + ticketNumber + "]";
    }
}
