package org.coffeecontrol.tickets.internal.completeness;

import java.util.ArrayList;
import java.util.List;

import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketLine;

/**
 * What a finished ticket must carry (TKT-7). Every ticket: executor, work start and end (in that order) and the
 * result. A field visit also: the machine, at least one line of works and parts with article, description and a
 * positive quantity, at least one attached file and the signature.
 */
final class Rules {

    private Rules() {
    }

    static List<String> missing(Ticket t, List<TicketLine> lines) {
        List<String> out = new ArrayList<>();
        if (blank(t.executor())) {
            out.add("executor");
        }
        if (t.workStart() == null) {
            out.add("work start");
        }
        if (t.workEnd() == null) {
            out.add("work end");
        }
        if (t.workStart() != null && t.workEnd() != null && t.workEnd().isBefore(t.workStart())) {
            out.add("work end before work start");
        }
        if (blank(t.result())) {
            out.add("result");
        }
        if (!t.fieldVisit()) {
            return out;
        }
        if (t.equipmentId() == null) {
            out.add("equipment");
        }
        if (lines.isEmpty()) {
            out.add("lines of works and parts");
        }
        for (int i = 0; i < lines.size(); i++) {
            TicketLine l = lines.get(i);
            if (blank(l.article())) {
                out.add("line " + (i + 1) + ": article");
            }
            if (blank(l.description())) {
                out.add("line " + (i + 1) + ": description");
            }
            if (l.quantity() == null || l.quantity().signum() <= 0) {
                out.add("line " + (i + 1) + ": quantity");
            }
        }
        if (t.attachmentCount() == 0) {
            out.add("attached files");
        }
        if (!t.signed()) {
            out.add("signature");
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
