package org.coffeecontrol.remote.api;

import java.time.Instant;

/**
 * An entry of a machine's allowed folders.
 *
 * @param path relative to the machine's SFTP root, e.g. {@code logs/daemon.log}
 */
public record RemoteFile(String path, String name, Kind kind, long size, Instant modified) {
    public enum Kind { FILE, DIRECTORY, LINK, OTHER }
}
