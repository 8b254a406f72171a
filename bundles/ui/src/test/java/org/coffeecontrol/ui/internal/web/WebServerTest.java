package org.coffeecontrol.ui.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.coffeecontrol.ui.internal.dev.DevFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Boots the same Jetty + Vaadin setup the bundle uses, outside OSGi, on a free port. */
class WebServerTest {

    private static WebServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager()).build();

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer("127.0.0.1", 0, DevFixtures.services(), new UiSettings(null));
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.boundPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheBootstrapPageInProductionMode() throws Exception {
        assertTrue(server.isRunning());
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<html"), page.body());
        HttpResponse<String> init = get("/?v-r=init&location=&query=");
        assertEquals(200, init.statusCode());
        assertTrue(init.body().contains("\"productionMode\":true"), init.body());
    }

    @Test
    void servesStaticFilesOfEmbeddedJarsAndTheProductionBundle() throws Exception {
        // The push client lives in META-INF/resources of flow-push: a plain Jetty context would not find it.
        assertEquals(200, get("/VAADIN/static/push/vaadinPush-min.js").statusCode());
        String index = get("/").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("src=\"\\.?/?(VAADIN/build/[^\"]+\\.js)\"")
                .matcher(index);
        assertTrue(m.find(), index);
        assertEquals(200, get("/" + m.group(1)).statusCode());
        HttpResponse<String> theme = get("/VAADIN/themes/coffee/styles.css");
        assertEquals(200, theme.statusCode());
        assertTrue(theme.body().contains(".kpi-slot"), theme.body());
    }

    @Test
    void servesTheChartLibraryAndTheReportsFilesFromTheClassPath() throws Exception {
        // Loaded by the report views with context:// URLs, outside the pre-built frontend bundle.
        assertEquals(200, get("/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode());
        assertEquals(200, get("/coffee/reports/echarts-connector.js").statusCode());
        assertEquals(200, get("/coffee/reports/reports.css").statusCode());
    }

    @Test
    void theOverviewMarkersAreForSignedInUsersOnlyAndTheOverviewPageAsksForThemFromItsHead() throws Exception {
        HttpResponse<String> markers = get("/overview-markers");
        assertEquals(401, markers.statusCode(), markers.body());
        assertTrue(markers.body().contains("not signed in"), markers.body());
        assertTrue(get("/monitoring").body().contains("window.coffeeOverviewMarkers"));
        assertFalse(get("/").body().contains("coffeeOverviewMarkers"));
    }
}
