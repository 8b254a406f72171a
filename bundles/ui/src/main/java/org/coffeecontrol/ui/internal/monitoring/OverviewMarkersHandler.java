package org.coffeecontrol.ui.internal.monitoring;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.ui.internal.security.AccessRules;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceUnavailableException;

import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.server.RequestHandler;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;

/**
 * {@code GET /overview-markers}: the overview map's markers for the signed-in user of this Vaadin session, as the
 * shared gzip'd {@link OverviewMarkers} snapshot. Same checks as the view: a signed-in caller whose roles may enter
 * {@link OverviewView}, markers of the clients the caller sees only (the snapshot is per visibility). A plain
 * request rather than Vaadin's server-to-client channel so that the page can ask for it while Vaadin is still
 * booting, and so that 10,000 markers travel compressed instead of as an escaped string inside the UIDL.
 */
public final class OverviewMarkersHandler implements RequestHandler {
    private static final long serialVersionUID = 1L;
    public static final String PATH = "overview-markers";
    private static final String OVERVIEW_PATH = "/" + OverviewView.class.getAnnotation(Route.class).value();

    private final transient OverviewMarkers markers;

    public OverviewMarkersHandler(OverviewMarkers markers) {
        this.markers = markers;
    }

    @Override
    public boolean handleRequest(VaadinSession session, VaadinRequest request, VaadinResponse response)
            throws IOException {
        if (!("/" + PATH).equals(request.getPathInfo()) || !"GET".equals(request.getMethod())) {
            return false;
        }
        response.setHeader("Cache-Control", "no-store");
        Caller caller;
        session.lock();
        try {
            caller = UiSession.caller(session).orElse(null);
        } finally {
            session.unlock();
        }
        if (caller == null) {
            error(response, 401, "not signed in");
            return true;
        }
        if (!AccessRules.mayEnter(caller, OverviewView.class)) {
            error(response, 403, "the overview is not open to this user's roles");
            return true;
        }
        OverviewMarkers.Snapshot snapshot;
        try {
            snapshot = markers.current(caller);
        } catch (ServiceUnavailableException e) {
            error(response, 503, "monitoring is not available at the moment");
            return true;
        }
        response.setStatus(200);
        response.setContentType("application/json; charset=utf-8");
        String accepted = request.getHeader("Accept-Encoding");
        try (OutputStream out = response.getOutputStream()) {
            if (accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip")) {
                response.setHeader("Content-Encoding", "gzip");
                response.setContentLength(snapshot.gzipped().length);
                out.write(snapshot.gzipped());
            } else {
                byte[] raw = snapshot.json().getBytes(StandardCharsets.UTF_8);
                response.setContentLength(raw.length);
                out.write(raw);
            }
        }
        return true;
    }

    /**
     * On a page load of the overview itself the page's head asks for the markers right away, so that they arrive
     * while the browser is still starting Vaadin and while the server builds the view, instead of after both; the
     * map takes them from {@code window.coffeeOverviewMarkers} (pos-map.js).
     */
    public static void requestEarly(AppShellSettings settings) {
        VaadinRequest request = settings.getRequest();
        if (request == null || !OVERVIEW_PATH.equals(request.getPathInfo())) {
            return;
        }
        settings.addInlineWithContents(Inline.Position.APPEND, "window.coffeeOverviewMarkers = { url: '" + PATH
                + "', text: fetch('" + PATH + "', { credentials: 'same-origin' }).then(function (r) {"
                + " return r.ok ? r.text() : Promise.reject(new Error('HTTP ' + r.status)); }) };",
                Inline.Wrapping.JAVASCRIPT);
    }

    private static void error(VaadinResponse response, int status, String message) throws IOException {
        byte[] body = ("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}
