package org.coffeecontrol.monitoring.internal;

import java.util.List;

/** Who hears about problems: the engine asks it whether a subscriber may still see a client and hands it e-mails. */
interface Audience {

    /** An e-mail for a user, addressed by username: the address is looked up when it is sent. */
    record Email(String username, String subject, String body) {
    }

    /** False once the user lost access to the client (or was deleted): their subscription then stays silent. */
    boolean maySee(String username, long clientId);

    /** Called after the commit that created the notifications; must return quickly. */
    void send(List<Email> emails);

    /** Called after the commit that opened or closed these problems; must return quickly. */
    default void problemsChanged(List<org.coffeecontrol.monitoring.api.Problem> opened,
            List<org.coffeecontrol.monitoring.api.Problem> closed) {
    }
}
