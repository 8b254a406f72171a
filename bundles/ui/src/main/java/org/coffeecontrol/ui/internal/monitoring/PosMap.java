package org.coffeecontrol.ui.internal.monitoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.coffeecontrol.monitoring.api.MachineStatus;
import org.coffeecontrol.monitoring.api.PosOverview;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.function.SerializableRunnable;

/**
 * The overview map (MON-3): one circle per point of sale with coordinates, filled with its status colour, all painted
 * by one canvas layer in one pass (no Leaflet object per marker); the browser code is
 * {@code META-INF/resources/coffee/pos-map.js}. The browser fetches the markers itself from
 * {@link OverviewMarkersHandler} (a shared, gzip'd {@link OverviewMarkers} snapshot; on the overview's own page load
 * the request starts with the page, see {@code AppShell}) and reports the version it drew: from then on this class
 * knows what the browser shows and sends only the markers whose colour changed. Without a tile URL (offline) only
 * the markers show.
 * <p>
 * The element carries {@code data-markers} (markers drawn) and {@code data-first-paint-ms} (milliseconds from the
 * page's navigation start until the first set of markers was painted), read by the browser tests and the benchmark.
 */
@JavaScript("context://webjars/leaflet/1.9.4/dist/leaflet.js")
@StyleSheet("context://webjars/leaflet/1.9.4/dist/leaflet.css")
@JavaScript("context://coffee/pos-map.js")
final class PosMap extends Div {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PosMap.class);

    private final String tileUrl;
    private final transient OverviewMarkers markers;
    private final LongConsumer onClick;
    /** What the browser shows, so that a refresh sends only the markers whose colour changed. */
    private final Map<Long, MachineStatus> shown = new HashMap<>();
    /** Until the browser reports the version it drew, there is nothing to recolour. */
    private boolean loading;
    private SerializableRunnable afterMarkers;

    PosMap(String id, String tileUrl, OverviewMarkers markers, LongConsumer onClick) {
        this.tileUrl = tileUrl;
        this.markers = markers;
        this.onClick = onClick;
        setId(id);
        addClassName("pos-map");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        loading = true;
        getElement().executeJs("window.coffeePosMap.init(this, $0, $1)", tileUrl, OverviewMarkersHandler.PATH);
    }

    /**
     * Runs {@code next} once, when the browser has drawn the first markers, so that nothing that could wait competes
     * with the map's first paint.
     */
    void afterMarkersShown(SerializableRunnable next) {
        afterMarkers = next;
    }

    private void runAfterMarkers() {
        SerializableRunnable next = afterMarkers;
        afterMarkers = null;
        if (next != null) {
            next.run();
        }
    }

    /** Fetches every marker anew (the browser does) and fits the view to them. */
    private void reload() {
        loading = true;
        getElement().executeJs("window.coffeePosMap.load(this, $0)", OverviewMarkersHandler.PATH);
    }

    @ClientCallable
    private void markersShown(double version) {
        OverviewMarkers.Snapshot snapshot = markers.version(UiSession.require(), (long) version);
        if (snapshot == null) {
            // Not one of this user's recent snapshots (or long gone): what the browser shows is unknown.
            reload();
            return;
        }
        shown(snapshot);
    }

    /** The fetch failed (a proxy in the way, a network hiccup): the same payload through Vaadin's channel. */
    @ClientCallable
    private void markersFailed(String reason) {
        LOG.debug("overview markers fetch failed in the browser ({}): sent through the UI channel", reason);
        OverviewMarkers.Snapshot snapshot = markers.current(UiSession.require());
        getElement().executeJs("window.coffeePosMap.setMarkers(this, $0, true)", snapshot.json());
        shown(snapshot);
    }

    private void shown(OverviewMarkers.Snapshot snapshot) {
        shown.clear();
        shown.putAll(snapshot.statuses());
        loading = false;
        runAfterMarkers();
    }

    /** Recolours the markers whose status changed since the browser's snapshot; new or removed POS reload all. */
    void update(List<PosOverview> all) {
        if (loading || !isAttached()) {
            return;
        }
        long placed = all.stream().filter(p -> p.latitude() != null && p.longitude() != null).count();
        if (placed != shown.size()) {
            reload();
            return;
        }
        StringBuilder json = new StringBuilder("[");
        for (PosOverview p : all) {
            if (p.latitude() == null || p.longitude() == null) {
                continue;
            }
            MachineStatus before = shown.get(p.posId());
            if (before == null) {
                reload();
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
