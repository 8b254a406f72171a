package org.coffeecontrol.ui.internal.security;

import java.util.Optional;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.ui.internal.services.ServiceSource;
import org.coffeecontrol.ui.internal.views.LoginView;
import org.coffeecontrol.ui.internal.views.MainView;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.server.VaadinSession;

/**
 * Runs before every navigation of every UI, so no view can forget the check: unknown users go to the login page,
 * users without the role go to the main page. The caller is refreshed from the user service on each navigation so
 * that a role change or a disabled account takes effect without a new login.
 */
public final class NavigationGuard implements BeforeEnterListener {
    private static final long serialVersionUID = 1L;

    private final ServiceSource services;

    public NavigationGuard(ServiceSource services) {
        this.services = services;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target.isAnnotationPresent(PublicView.class)) {
            return;
        }
        VaadinSession session = VaadinSession.getCurrent();
        Optional<Caller> caller = UiSession.caller(session).flatMap(this::refresh);
        if (caller.isEmpty()) {
            UiSession.signOut(session);
            session.setAttribute(LoginView.TARGET, event.getLocation().getPathWithQueryParameters());
            event.rerouteTo(LoginView.class);
            return;
        }
        UiSession.signIn(session, caller.get());
        if (!AccessRules.mayEnter(caller.get(), target)) {
            Notification.show(event.getUI().getTranslation("error.accessDenied"));
            event.rerouteTo(MainView.class);
        }
    }

    private Optional<Caller> refresh(Caller known) {
        Optional<UserService> users = services.find(UserService.class);
        if (users.isEmpty()) {
            // Keep the session usable while the user service restarts; the other services check the caller anyway.
            return Optional.of(known);
        }
        return users.get().callerFor(known.username());
    }
}
