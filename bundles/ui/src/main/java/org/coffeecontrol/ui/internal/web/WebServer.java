package org.coffeecontrol.ui.internal.web;


import org.coffeecontrol.ui.internal.layout.MenuRegistry;
import org.coffeecontrol.ui.internal.services.ServiceSource;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.server.InitParameters;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import com.vaadin.flow.server.startup.RouteRegistryInitializer;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;

/**
 * The embedded Jetty 12 with the Vaadin servlet. Knows nothing about OSGi: the DS component and the dev server both
 * start it, handing over a {@link ServiceSource}.
 */
public final class WebServer {

    private final String host;
    private final int port;
    private final ServiceSource services;
    private final UiSettings settings;
    private Server server;

    public WebServer(String host, int port, ServiceSource services, UiSettings settings) {
        this.host = host;
        this.port = port;
        this.services = services;
        this.settings = settings;
    }

    public synchronized void start() throws Exception {
        ClassLoader bundleLoader = WebServer.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Vaadin, Jetty and Atmosphere load classes and service files through the context class loader; inside
        // OSGi only the bundle's own loader sees the embedded jars. Pool threads inherit it from here.
        thread.setContextClassLoader(bundleLoader);
        try {
            Server s = new Server();
            ServerConnector connector = new ServerConnector(s);
            if (host != null && !host.isBlank()) {
                connector.setHost(host);
            }
            connector.setPort(port);
            s.addConnector(connector);

            ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
            context.setContextPath("/");
            context.setClassLoader(bundleLoader);
            ServletHolder vaadin = new ServletHolder("vaadin",
                    new CoffeeServlet(services, MenuRegistry.standard(), settings));
            vaadin.setAsyncSupported(true);
            // Explicit rather than only through the build token: the UI never runs in development mode.
            vaadin.setInitParameter("productionMode", "true");
            // The page comes with its first view already built (Vaadin's initial UIDL inside index.html): the browser
            // no longer starts Vaadin, asks for the UI and then for the view in two more round trips, each waiting
            // behind a busy server (the overview's first paint under 10,000 machines, bench/README.md).
            vaadin.setInitParameter(InitParameters.SERVLET_PARAMETER_INITIAL_UIDL, "true");
            vaadin.setInitOrder(1);
            context.addServlet(vaadin, "/*");

            // Nothing is scanned in OSGi: each initializer gets the classes it would have found.
            context.addServletContainerInitializer(new LookupServletContainerInitializer(), LookupInitializer.class);
            context.addServletContainerInitializer(new RouteRegistryInitializer(),
                    Routes.ALL.toArray(new Class<?>[0]));
            context.addServletContainerInitializer(new VaadinAppShellInitializer(), AppShell.class);
            JakartaWebSocketServletContainerInitializer.configure(context, null);

            s.setHandler(context);
            s.setStopTimeout(2000);
            s.start();
            server = s;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public synchronized int boundPort() {
        if (server == null) {
            return -1;
        }
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public synchronized boolean isRunning() {
        return server != null && server.isRunning();
    }

    public synchronized void stop() throws Exception {
        if (server != null) {
            Server s = server;
            server = null;
            s.stop();
        }
    }
}
