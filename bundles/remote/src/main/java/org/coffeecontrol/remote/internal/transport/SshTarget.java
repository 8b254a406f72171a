package org.coffeecontrol.remote.internal.transport;

/**
 * Where and as whom to log in. {@code equipmentId} keys the pinned host key: the key belongs to the machine, not
 * to an address that DHCP may hand to another machine tomorrow.
 */
public record SshTarget(long equipmentId, String serial, String host, int port, String username, char[] password) {

    @Override
    public String toString() {
        // never the password, not even in a debug log
        return serial + " (" + username + "@" + host + ":" + port + ")";
    }
}
