package org.coffeecontrol.api.driver;

/** Features of a family that the remote-control screens switch on and off. */
public enum Capability {
    TELEMETRY, COMMANDS, RECIPES, SQL, FILES, PROMO_IMAGES, VNC
}
