package org.coffeecontrol.simulator.model;

public record ClientSpec(String code, String name, String email, String phone) {
}
