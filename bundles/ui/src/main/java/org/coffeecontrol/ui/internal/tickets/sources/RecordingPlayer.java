package org.coffeecontrol.ui.internal.tickets.sources;

import java.io.ByteArrayInputStream;
import java.util.Locale;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.Attachment;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketService;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.StreamResource;

/**
 * The call recording of a ticket (TKT-9), played with the browser's own {@code <audio controls>}. The ticket's
 * {@code callRecording} is either an http(s) URL (e.g. Asterisk's recording server) or the file name of one of the
 * ticket's attachments, streamed from the platform; anything else is shown as text. Element id:
 * {@code ticket-recording-player}.
 */
public class RecordingPlayer extends Div {
    private static final long serialVersionUID = 1L;

    @Tag("audio")
    static final class Audio extends com.vaadin.flow.component.HtmlContainer {
        private static final long serialVersionUID = 1L;
    }

    public RecordingPlayer(TicketService tickets, Caller caller, Ticket t) {
        setId("ticket-recording-player");
        String link = t.callRecording();
        if (link == null || link.isBlank()) {
            return;
        }
        String l = link.strip();
        String lower = l.toLowerCase(Locale.ROOT);
        Audio audio = new Audio();
        audio.getElement().setAttribute("controls", true);
        audio.getElement().setAttribute("preload", "none");
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            audio.getElement().setAttribute("src", l);
            add(audio, new Anchor(l, l));
            return;
        }
        Attachment file = tickets.attachments(caller, t.id()).stream().filter(a -> a.fileName().equals(l))
                .findFirst().orElse(null);
        if (file == null) {
            add(new Span(l));
            return;
        }
        audio.getElement().setAttribute("src", new StreamResource(file.fileName(), () -> new ByteArrayInputStream(
                tickets.attachmentContent(caller, t.id(), file.id()))));
        add(audio);
    }
}
