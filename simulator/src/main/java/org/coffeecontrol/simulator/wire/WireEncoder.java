package org.coffeecontrol.simulator.wire;

import java.util.List;

import org.coffeecontrol.api.driver.MachineEvent;

/** Turns canonical events into one family's wire format, as that family's machine daemon would send them. */
public interface WireEncoder {

    String family();

    String contentType();

    byte[] encode(String serial, List<MachineEvent> events);
}
