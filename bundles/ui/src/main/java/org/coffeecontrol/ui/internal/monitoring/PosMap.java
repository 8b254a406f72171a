package org.coffeecontrol.ui.internal.monitoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.coffeecontrol.monitoring.api.MachineStatus;
import org.coffeecontrol.monitoring.api.PosOverview;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.function.SerializableRunnable;

/**
 * The overview map (MON-3): one circle per point of sale with coordinates, filled with its status colour, all painted
 * by one canvas layer in one pass (no Leaflet object per marker) so that 10,000 of them paint in a few tens of
 * milliseconds; the browser code is {@code META-INF/resources/coffee/pos-map.js}. The markers travel as compact
 * arrays ({@code [id, lat, lng, status, name]}) with the colours listed from the best state to the worst, which the
 * script draws last (on top). Without a tile URL (offline) only the markers show.
 * <p>
 * The element carries {@code data-markers} (markers drawn) and {@code data-first-paint-ms} (milliseconds from the
 * page's navigation start until the first set of markers was painted), read by the browser tests and the benchmark.
 */
@JavaScript("context://webjars/leaflet/1.9.4/dist/leaflet.js")
@StyleSheet("context://webjars/leaflet/1.9.4/dist/leaflet.css")
@JavaScript("context://coffee/pos-map.js")
final class PosMap extends Div {
    private static final long serialVersionUID = 1L;

    private final String tileUrl;
    private final LongConsumer onClick;
    /** What the browser shows, so that a refresh sends only the markers whose colour changed. */
    private final Map<Long, MachineStatus> shown = new HashMap<>();
    private String pendingJson;
    private SerializableRunnable afterMarkers;

    PosMap(String id, String tileUrl, LongConsumer onClick) {
        this.tileUrl = tileUrl;
        this.onClick = onClick;
        setId(id);
        addClassName("pos-map");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        getElement().executeJs("window.coffeePosMap.init(this, $0)", tileUrl);
        if (pendingJson != null) {
            // The browser answers right after it has taken the markers: the next round trip starts from there.
            getElement().executeJs("window.coffeePosMap.setMarkers(this, $0, true)", pendingJson)
                    .then(ignored -> markersSent(), error -> markersSent());
        } else {
            markersSent();
        }
    }

    /**
     * Runs {@code next} once, in the round trip after the browser has received the first markers, so that the
     * response that paints the map carries nothing else that could wait.
     */
    void afterMarkersSent(SerializableRunnable next) {
        afterMarkers = next;
    }

    private void markersSent() {
        SerializableRunnable next = afterMarkers;
        afterMarkers = null;
        if (next != null) {
            next.run();
        }
    }

    /** Draws every POS anew and fits the view to them. */
    void show(List<PosOverview> all) {
        shown.clear();
        StringBuilder json = new StringBuilder(all.size() * 48 + 64).append("{\"colors\":{");
        MachineStatus[] statuses = MachineStatus.values();
        for (int i = 0; i < statuses.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(statuses[i].name()).append("\":\"")
                    .append(Monitoring.colour(statuses[i])).append('"');
        }
        json.append("},\"points\":[");
        boolean first = true;
        for (PosOverview p : all) {
            if (p.latitude() == null || p.longitude() == null) {
                continue;
            }
            shown.put(p.posId(), p.status());
            json.append(first ? "" : ",").append('[').append(p.posId()).append(',').append(p.latitude()).append(',')
                    .append(p.longitude()).append(",\"").append(p.status().name()).append("\",");
            Monitoring.json(json, p.name());
            json.append(']');
            first = false;
        }
        json.append("]}");
        pendingJson = json.toString();
        if (isAttached()) {
            getElement().executeJs("window.coffeePosMap.setMarkers(this, $0, true)", pendingJson);
        }
    }

    /** Recolours the markers whose status changed since the last call; new or removed POS redraw everything. */
    void update(List<PosOverview> all) {
        long placed = all.stream().filter(p -> p.latitude() != null && p.longitude() != null).count();
        if (placed != shown.size()) {
            show(all);
            return;
        }
        StringBuilder json = new StringBuilder("[");
        for (PosOverview p : all) {
            if (p.latitude() == null || p.longitude() == null) {
                continue;
            }
            MachineStatus before = shown.get(p.posId());
            if (before == null) {
                show(all);
                return;
            }
            if (before != p.status()) {
                shown.put(p.posId(), p.status());
                json.append(json.length() > 1 ? "," : "").append('[').append(p.posId()).append(",\"")
                        .append(p.status().name()).append("\"]");
            }
        }
        if (json.length() > 1) {
            getElement().executeJs("window.coffeePosMap.recolour(this, $0)", json.append(']').toString());
        }
    }

    @ClientCallable
    private void markerClicked(double posId) {
        onClick.accept((long) posId);
    }
}
