package org.coffeecontrol.ui.internal.dev;

import org.coffeecontrol.ui.internal.web.UiSettings;
import org.coffeecontrol.ui.internal.web.WebServer;

/**
 * The UI outside Karaf, on in-memory services: {@code mvn -o -q test-compile exec:java} is not set up, so run it
 * from the IDE or with the test class path, e.g.
 * {@code java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" ...UiDevServer 8080}.
 * Users: admin/admin, operator/operator, client/client.
 */
public final class UiDevServer {

    private UiDevServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        WebServer server = new WebServer("127.0.0.1", port, DevFixtures.services(), new UiSettings(""));
        server.start();
        System.out.println("Coffee Control UI (dev) on http://localhost:" + server.boundPort() + "/");
        Thread.currentThread().join();
    }
}
