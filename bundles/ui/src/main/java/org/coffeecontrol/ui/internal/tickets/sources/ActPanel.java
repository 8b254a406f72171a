package org.coffeecontrol.ui.internal.tickets.sources;

import java.io.ByteArrayInputStream;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.ActDelivery;
import org.coffeecontrol.tickets.api.ServiceActs;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.StreamResource;

/**
 * The service act of one ticket for the ticket form to embed (TKT-6): download the PDF, send it to the POS.
 * Element ids: {@code act-download}, {@code act-send}, {@code act-status}.
 */
public class ActPanel extends HorizontalLayout {
    private static final long serialVersionUID = 1L;

    public ActPanel(ServiceActs acts, Caller caller, long ticketId, String ticketNumber, Tr tr) {
        Status status = new Status("act-status", tr);
        Anchor download = new Anchor(new StreamResource("act-" + ticketNumber + ".pdf",
                () -> new ByteArrayInputStream(acts.pdf(caller, ticketId))), tr.t("tkt.act.download"));
        download.setId("act-download");
        download.getElement().setAttribute("download", true);
        Button send = new Button(tr.t("tkt.act.send"));
        send.setId("act-send");
        send.addClickListener(e -> status.attempt(() -> {
            ActDelivery d = acts.send(caller, ticketId);
            status.ok(tr.t("tkt.act.sent", d.to()));
        }));
        setAlignItems(Alignment.BASELINE);
        add(download, send, status);
    }
}
