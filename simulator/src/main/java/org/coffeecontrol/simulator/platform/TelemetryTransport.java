package org.coffeecontrol.simulator.platform;

/** Delivers one encoded batch; never throws for network or server trouble, which are {@link UploadResult}s. */
public interface TelemetryTransport {

    UploadResult post(String family, String serial, String secret, String contentType, byte[] body);
}
