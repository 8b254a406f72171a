package org.coffeecontrol.ui.internal.services;

/** A service the UI needs is not registered at the moment (its bundle is stopped or restarting). */
public class ServiceUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String service;

    public ServiceUnavailableException(String service) {
        super(service + " is not available");
        this.service = service;
    }

    public String service() {
        return service;
    }
}
