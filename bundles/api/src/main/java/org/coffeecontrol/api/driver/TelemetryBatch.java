package org.coffeecontrol.api.driver;

/**
 * A payload exactly as the machine's daemon sent it.
 *
 * @param serial the serial number the daemon authenticated as; a payload naming another serial is rejected
 */
public record TelemetryBatch(String family, String serial, String contentType, byte[] body) {
}
