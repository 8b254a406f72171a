package org.coffeecontrol.core.internal.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserAccount;

@Entity
@Table(name = "cc_user")
public class UserEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String username;
    @Column(name = "display_name")
    String displayName;
    String email;
    String phone;
    /** Comma-separated role names. */
    String roles;
    @Column(name = "all_clients")
    boolean allClients;
    /** Comma-separated client ids. */
    @Column(name = "client_ids")
    String clientIds;
    boolean enabled;
    String locale;
    @Column(name = "password_hash")
    String passwordHash;
    @Column(name = "failed_logins")
    int failedLogins;
    @Column(name = "locked_until")
    Instant lockedUntil;
    @Column(name = "last_login")
    Instant lastLogin;
    @Column(name = "password_changed")
    Instant passwordChanged;
    @Version
    long version;

    Set<Role> roleSet() {
        if (roles == null || roles.isBlank()) {
            return Set.of();
        }
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(r -> {
            try {
                set.add(Role.valueOf(r));
            } catch (IllegalArgumentException ignored) {
                // a role dropped in a later version grants nothing
            }
        });
        return set;
    }

    void roleSet(Set<Role> set) {
        roles = set.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    Set<Long> clientSet() {
        if (clientIds == null || clientIds.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(clientIds.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Long::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    void clientSet(Set<Long> set) {
        clientIds = set.isEmpty() ? null
                : new TreeSet<>(set).stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    UserAccount toRecord() {
        return new UserAccount(id, username, displayName, email, phone, roleSet(), allClients, clientSet(), enabled,
                locale, lockedUntil, lastLogin, version);
    }
}
