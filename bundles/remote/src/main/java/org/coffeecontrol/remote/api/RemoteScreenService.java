package org.coffeecontrol.remote.api;

import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * VNC access data per machine (RC-7). The platform does not proxy the session: an operator's VNC viewer connects
 * to the machine (usually over the service VPN) with the data shown here. The password is stored encrypted like
 * SSH credentials and shown only to the configured roles.
 */
@ProviderType
public interface RemoteScreenService {

    RemoteScreen screen(Caller caller, String serial);

    /**
     * Stores host (null or blank = the machine's host), port (null = 5900) and password (null = keep the stored
     * one, empty = remove it).
     */
    RemoteScreen setScreen(Caller caller, String serial, String host, Integer port, char[] password);
}
