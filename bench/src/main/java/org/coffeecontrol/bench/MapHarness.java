package org.coffeecontrol.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.coffeecontrol.itests.ui.Browser;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The overview map's drawing without the platform (bench/README.md, "Overview map harness"): headless Chromium opens
 * {@code map-harness/harness.html} with N synthetic points of sale, drawn once by the UI bundle's {@code pos-map.js}
 * and once by the baseline (one {@code L.circleMarker} per point on a canvas renderer), alternating, and prints
 * the median of each measure and the baseline's ratio. Then it clicks and hovers one marker of pos-map.js and fails
 * (exit 1) unless the click reached {@code $server.markerClicked} with that POS and the tooltip shows its name as
 * text.
 * <p>
 * Arguments: {@code --points 10000 --runs 5 --script bundles/ui/src/main/resources/META-INF/resources/coffee/pos-map.js}.
 */
public final class MapHarness {
    private static final String LEAFLET = "/META-INF/resources/webjars/leaflet/1.9.4/dist/";
    private static final String RENDERED = "var e = document.getElementById('overview-map');"
            + " return e.getAttribute('data-markers');";
    /** Milliseconds from a view change until two animation frames later, i.e. until the browser painted it. */
    private static final String FRAMES = """
            var done = arguments[arguments.length - 1];
            requestAnimationFrame(function () { requestAnimationFrame(function () {
              done(Math.round(performance.now() - window.harnessStarted));
            }); });
            """;

    private int points = 10_000;
    private int runs = 5;
    private Path script = Paths.get("bundles/ui/src/main/resources/META-INF/resources/coffee/pos-map.js");

    public static void main(String[] args) throws Exception {
        MapHarness h = new MapHarness();
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--points" -> h.points = Integer.parseInt(args[i + 1]);
                case "--runs" -> h.runs = Integer.parseInt(args[i + 1]);
                case "--script" -> h.script = Paths.get(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!Browser.available()) {
            throw new IllegalStateException("needs " + Browser.CHROMIUM + " and " + Browser.CHROMEDRIVER);
        }
        System.exit(h.run() ? 0 : 1);
    }

    private boolean run() throws IOException {
        Path dir = Files.createTempDirectory("map-harness-");
        copy("/map-harness/harness.html", dir);
        copy("/map-harness/baseline.js", dir);
        copy(LEAFLET + "leaflet.js", dir);
        copy(LEAFLET + "leaflet.css", dir);
        Files.copy(script, dir.resolve("pos-map.js"));
        Measures layer = new Measures();
        Measures baseline = new Measures();
        boolean ok;
        try (Browser browser = Browser.start(dir.toUri().toString())) {
            for (int r = 0; r < runs; r++) {
                // Alternating, so that a busy moment of the machine hits both alike.
                measure(browser, "baseline", baseline);
                measure(browser, "layer", layer);
            }
            ok = checkClickAndHover(browser);
        }
        report("drawing " + points + " markers (setMarkers to painted)", layer.render, baseline.render);
        report("harness page first paint (navigation start to markers painted)", layer.firstPaint,
                baseline.firstPaint);
        report("redraw after zooming in one level", layer.zoom, baseline.zoom);
        report("recolouring 500 markers", layer.recolour, baseline.recolour);
        return ok;
    }

    private void measure(Browser browser, String impl, Measures m) {
        browser.open("harness.html?impl=" + impl + "&n=" + points);
        browser.until(d -> String.valueOf(points).equals(String.valueOf(browser.script(RENDERED))),
                points + " markers drawn by " + impl);
        m.render.add(attribute(browser, "data-render-ms"));
        m.firstPaint.add(attribute(browser, "data-first-paint-ms"));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        m.zoom.add(((Number) js.executeAsyncScript("""
                var h = window.harness, map = (h.el._coffee || h.el._baseline).map;
                window.harnessStarted = performance.now();
                map.setZoom(map.getZoom() + 1, { animate: false });
                """ + FRAMES)).longValue());
        m.recolour.add(((Number) js.executeAsyncScript("""
                var h = window.harness, changes = [];
                for (var i = 0; i < 500; i++) {
                  changes.push([1000 + i * Math.floor(h.n / 500), h.states[i % 4]]);
                }
                window.harnessStarted = performance.now();
                h.impl.recolour(h.el, JSON.stringify(changes));
                """ + FRAMES)).longValue());
    }

    private static long attribute(Browser browser, String name) {
        return Long.parseLong(String.valueOf(
                browser.script("return document.getElementById('overview-map').getAttribute(arguments[0]);", name)));
    }

    /** Zoomed in on one marker that no other point lies near, hovers and clicks it. */
    private boolean checkClickAndHover(Browser browser) {
        browser.open("harness.html?impl=layer&n=" + points);
        browser.until(d -> String.valueOf(points).equals(String.valueOf(browser.script(RENDERED))), "markers");
        System.out.println("INFO stamps of the last paint at the fit that shows all points: "
                + browser.script("return window.harness.el._coffee.layer._drawn;") + " of " + points);
        @SuppressWarnings("unchecked")
        List<Object> target = (List<Object>) browser.script("""
                var el = window.harness.el, c = el._coffee, layer = c.layer;
                c.map.setView(layer.latLngOf(0), 15, { animate: false });
                for (var i = 0; i < layer.count(); i++) {
                  var near = 0;
                  for (var j = 0; j < layer.count(); j++) {
                    var dx = layer._px[i] - layer._px[j], dy = layer._py[i] - layer._py[j];
                    near += dx * dx + dy * dy < 400 ? 1 : 0;
                  }
                  var m = window.coffeePosMap.marker(el, layer._ids[i]), size = c.map.getSize();
                  if (near === 1 && m.x > 20 && m.y > 20 && m.x < size.x - 20 && m.y < size.y - 20) {
                    return [layer._ids[i], m.x, m.y, layer._names[i]];
                  }
                }
                return null;
                """);
        if (target == null) {
            System.out.println("CHECK failed: no marker to click in view");
            return false;
        }
        long id = ((Number) target.get(0)).longValue();
        WebElement map = browser.byId("overview-map");
        int dx = (int) Math.round(((Number) target.get(1)).doubleValue() - map.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(((Number) target.get(2)).doubleValue() - map.getSize().getHeight() / 2.0);
        new Actions(browser.driver()).moveToElement(map, dx, dy).pause(200).perform();
        Object tooltip = browser.script("""
                var t = document.querySelector('#overview-map .leaflet-tooltip');
                return t ? [t.textContent, t.querySelectorAll('*').length - 1] : null;
                """);
        new Actions(browser.driver()).click().perform();
        Object clicked = browser.script("return window.clicked.slice();");
        String name = String.valueOf(target.get(3));
        boolean ok = List.of(id).equals(((List<?>) clicked).stream().map(o -> ((Number) o).longValue()).toList())
                && tooltip instanceof List<?> t && name.equals(t.get(0)) && ((Number) t.get(1)).intValue() == 0;
        System.out.printf(Locale.ROOT, "CHECK %s: clicked POS %d at (%s, %s) -> markerClicked %s; tooltip %s%n",
                ok ? "ok" : "failed", id, target.get(1), target.get(2), clicked, tooltip);
        return ok;
    }

    private void report(String what, List<Long> layer, List<Long> baseline) {
        long l = median(layer);
        long b = median(baseline);
        System.out.printf(Locale.ROOT, "RESULT %s: pos-map.js %d ms (runs %s), baseline %d ms (runs %s), ratio %.1f%n",
                what, l, layer, b, baseline, (double) b / Math.max(1, l));
    }

    private static long median(List<Long> runs) {
        List<Long> s = new ArrayList<>(runs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static void copy(String resource, Path dir) throws IOException {
        try (InputStream in = MapHarness.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing on the class path: " + resource);
            }
            Files.copy(in, dir.resolve(resource.substring(resource.lastIndexOf('/') + 1)),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** One list per measure, one entry per run. */
    private static final class Measures {
        final List<Long> render = new ArrayList<>();
        final List<Long> firstPaint = new ArrayList<>();
        final List<Long> zoom = new ArrayList<>();
        final List<Long> recolour = new ArrayList<>();
    }
}
