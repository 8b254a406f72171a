package org.coffeecontrol.remote.api;

import java.time.Instant;

/**
 * How to open the machine's remote screen over VNC (RC-7).
 *
 * @param host        the VNC host; the machine's own host unless a separate one was stored
 * @param port        the VNC port (5900 unless stored otherwise)
 * @param url         {@code vnc://host:port}, for a VNC viewer registered for the scheme; never carries the password
 * @param passwordSet whether a VNC password is stored
 * @param password    the stored password, only for callers whose roles may see it (else null)
 */
public record RemoteScreen(long equipmentId, String serial, String host, int port, String url, boolean passwordSet,
        String password, Instant updatedAt, String updatedBy) {

    @Override
    public String toString() {
        return "RemoteScreen[" + serial + " " + url + "]";
    }
}
