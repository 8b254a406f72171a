package org.coffeecontrol.ui.internal.security;

import java.util.Optional;

import org.coffeecontrol.api.security.Caller;

import com.vaadin.flow.server.VaadinSession;

/** The signed-in {@link Caller} lives in the Vaadin session, on the server only. */
public final class UiSession {

    private UiSession() {
    }

    public static Optional<Caller> caller(VaadinSession session) {
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(Caller.class));
    }

    public static Optional<Caller> caller() {
        return caller(VaadinSession.getCurrent());
    }

    /** The caller of the current request; views run only after the navigation guard has let a caller in. */
    public static Caller require() {
        return caller().orElseThrow(() -> new IllegalStateException("no signed-in user in this session"));
    }

    public static void signIn(VaadinSession session, Caller caller) {
        session.setAttribute(Caller.class, caller);
    }

    public static void signOut(VaadinSession session) {
        session.setAttribute(Caller.class, null);
    }
}
