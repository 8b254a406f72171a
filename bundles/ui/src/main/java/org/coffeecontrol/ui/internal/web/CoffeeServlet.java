package org.coffeecontrol.ui.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;

import org.coffeecontrol.ui.internal.layout.MenuRegistry;
import org.coffeecontrol.ui.internal.monitoring.OverviewMarkers;
import org.coffeecontrol.ui.internal.monitoring.OverviewMarkersHandler;
import org.coffeecontrol.ui.internal.security.NavigationGuard;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.RequestHandler;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;

/** The Vaadin servlet, wired by hand because nothing is scanned inside OSGi. */
final class CoffeeServlet extends VaadinServlet {
    private static final long serialVersionUID = 1L;

    private final transient ServiceSource services;
    private final MenuRegistry menu;
    private final UiSettings settings;
    /** One per servlet: every tab's overview reads the same marker snapshots. */
    private final transient OverviewMarkers markers;

    CoffeeServlet(ServiceSource services, MenuRegistry menu, UiSettings settings) {
        this.services = services;
        this.menu = menu;
        this.settings = settings;
        this.markers = new OverviewMarkers(services);
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration)
            throws ServiceException {
        VaadinServletService service = new Service(this, configuration);
        service.init();
        return service;
    }

    private final class Service extends VaadinServletService {
        private static final long serialVersionUID = 1L;

        Service(VaadinServlet servlet, DeploymentConfiguration configuration) {
            super(servlet, configuration);
        }

        @Override
        public void init() throws ServiceException {
            super.init();
            NavigationGuard guard = new NavigationGuard(services);
            addUIInitListener(e -> e.getUI().addBeforeEnterListener(guard));
            addSessionInitListener(e -> e.getSession().setErrorHandler(new UiErrorHandler()));
        }

        @Override
        protected Instantiator createInstantiator() throws ServiceException {
            return new ServiceInstantiator(this, services, menu, settings, markers);
        }

        /** Vaadin asks the handlers last to first: ours sees its own path before the router takes it for a view. */
        @Override
        protected List<RequestHandler> createRequestHandlers() throws ServiceException {
            List<RequestHandler> handlers = super.createRequestHandlers();
            handlers.add(new OverviewMarkersHandler(markers));
            return handlers;
        }

        /*
         * A plain Jetty context has no web app folder and does not look into META-INF/resources of the jars
         * embedded in the bundle, so static files (e.g. the push client) are taken from the class path.
         */
        @Override
        public URL getStaticResource(String path) {
            URL url = super.getStaticResource(path);
            return url != null ? url : classPathResource(path);
        }

        @Override
        public URL getResource(String path) {
            URL url = super.getResource(path);
            return url != null ? url : classPathResource(path);
        }

        @Override
        public InputStream getResourceAsStream(String path) {
            InputStream in = super.getResourceAsStream(path);
            if (in != null) {
                return in;
            }
            URL url = classPathResource(path);
            try {
                return url == null ? null : url.openStream();
            } catch (IOException e) {
                return null;
            }
        }

        private URL classPathResource(String path) {
            if (path == null || path.contains("..")) {
                return null;
            }
            String p = path.startsWith("/") ? path : "/" + path;
            return CoffeeServlet.class.getClassLoader().getResource("META-INF/resources" + p);
        }
    }
}
