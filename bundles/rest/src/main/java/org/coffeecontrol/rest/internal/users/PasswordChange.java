package org.coffeecontrol.rest.internal.users;

/** @param currentPassword required when users change their own password; admins may leave it out */
public record PasswordChange(String currentPassword, String newPassword) {
}
