package org.coffeecontrol.ui.internal;

import java.util.Map;
import java.util.Objects;

import org.coffeecontrol.api.health.HealthCheck;
import org.coffeecontrol.api.health.HealthStatus;
import org.coffeecontrol.ui.internal.services.OsgiServiceSource;
import org.coffeecontrol.ui.internal.web.UiSettings;
import org.coffeecontrol.ui.internal.web.WebServer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the UI's Jetty. Needs its configuration (so it starts once, with the shipped port, not first with defaults
 * and again when the file is read) and holds no static reference to any service: views find services through a
 * tracker, so stopping or updating core leaves open sessions alive. Reports itself as the health check "ui".
 */
@Component(service = HealthCheck.class, immediate = true, configurationPid = UiServerComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = UiConfig.class)
public class UiServerComponent implements HealthCheck {
    public static final String PID = "org.coffeecontrol.ui";
    private static final Logger LOG = LoggerFactory.getLogger(UiServerComponent.class);

    private final OsgiServiceSource services;
    private UiConfig config;
    private WebServer server;
    private String failure;

    @Activate
    public UiServerComponent(BundleContext context, UiConfig config) {
        this.services = new OsgiServiceSource(context);
        this.config = config;
        start();
    }

    @Modified
    void modified(UiConfig changed) {
        boolean restart = changed.port() != config.port() || !Objects.equals(changed.host(), config.host())
                || !Objects.equals(changed.tile_url(), config.tile_url());
        config = changed;
        if (restart) {
            stop();
            start();
        }
    }

    @Deactivate
    void deactivate() {
        stop();
        services.close();
    }

    private synchronized void start() {
        WebServer s = new WebServer(config.host(), config.port(), services, new UiSettings(config.tile_url()));
        try {
            s.start();
            server = s;
            failure = null;
            LOG.info("Coffee Control web UI listening on port {}", s.boundPort());
        } catch (Exception e) {
            // Stay registered and report the cause through the health check instead of failing activation.
            failure = "cannot start the web UI on port " + config.port() + ": " + e.getMessage();
            LOG.error(failure, e);
            try {
                s.stop();
            } catch (Exception ignored) {
                // Nothing more to release.
            }
        }
    }

    private synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.warn("Stopping the web UI failed", e);
            }
            server = null;
        }
    }

    @Override
    public String name() {
        return "ui";
    }

    @Override
    public synchronized HealthStatus check() {
        if (server != null && server.isRunning()) {
            return HealthStatus.up("web UI running", Map.of("port", server.boundPort()));
        }
        return HealthStatus.down(failure == null ? "web UI not running" : failure);
    }
}
