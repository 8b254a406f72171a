package org.coffeecontrol.ui.internal.tickets;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.coffeecontrol.tickets.api.AuditService;
import org.coffeecontrol.tickets.api.DispatchService;
import org.coffeecontrol.tickets.api.ServiceActs;
import org.coffeecontrol.tickets.api.TicketService;
import org.coffeecontrol.ui.internal.services.ServiceProxies;
import org.coffeecontrol.ui.internal.services.ServiceSource;

/**
 * The tickets bundle's services as the ticket views use them: proxies that follow the bundle being restarted,
 * and the one time format the views share.
 */
final class TicketServices implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    final TicketService tickets;
    final DispatchService dispatch;
    final AuditService audits;
    final ServiceActs acts;

    TicketServices(ServiceSource source) {
        tickets = ServiceProxies.proxy(source, TicketService.class);
        dispatch = ServiceProxies.proxy(source, DispatchService.class);
        audits = ServiceProxies.proxy(source, AuditService.class);
        acts = ServiceProxies.proxy(source, ServiceActs.class);
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(LocalDateTime.ofInstant(t, ZoneId.systemDefault()));
    }

    static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
