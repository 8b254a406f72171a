package org.coffeecontrol.ui.internal.views;

import org.coffeecontrol.api.security.AuthResult;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.ui.internal.i18n.UserLocale;
import org.coffeecontrol.ui.internal.security.PublicView;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceUnavailableException;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;

/** Username and password against the user service; the result decides the message (bad credentials vs locked). */
@Route("login")
@PublicView
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    /** Session attribute: where the user wanted to go before being sent to log in. */
    public static final String TARGET = "coffee.afterLogin";

    private final UserService users;
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Div error = new Div();

    public LoginView(UserService users) {
        this.users = users;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        username.setLabel(getTranslation("login.username"));
        username.setId("login-username");
        username.setAutofocus(true);
        username.setWidthFull();
        password.setLabel(getTranslation("login.password"));
        password.setId("login-password");
        password.setWidthFull();
        error.setId("login-error");
        error.addClassName("login-error");
        error.setVisible(false);
        Button submit = new Button(getTranslation("login.submit"), e -> login());
        submit.setId("login-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.setWidthFull();

        VerticalLayout box = new VerticalLayout(new H1(getTranslation("app.name")), error, username, password,
                submit);
        box.addClassName("login-box");
        box.setWidth("min(360px, 100%)");
        add(box);
    }

    private void login() {
        AuthResult result;
        try {
            result = users.authenticate(username.getValue().trim(), password.getValue().toCharArray());
        } catch (ServiceUnavailableException e) {
            show("login.unavailable");
            return;
        }
        password.clear();
        switch (result.status()) {
            case OK -> enter(result);
            case LOCKED -> show("login.locked");
            case DISABLED -> show("login.disabled");
            default -> show("login.bad");
        }
    }

    private void enter(AuthResult result) {
        VaadinSession session = VaadinSession.getCurrent();
        renewSessionId();
        UiSession.signIn(session, result.caller());
        // Before navigating: the main layout translates its labels once, when it is built.
        UserLocale.stored(users, result.caller()).ifPresent(session::setLocale);
        Object target = session.getAttribute(TARGET);
        session.setAttribute(TARGET, null);
        UI.getCurrent().navigate(target instanceof String s ? s : "");
    }

    /** A new session id after login, so that an id planted before login is worth nothing (session fixation). */
    private static void renewSessionId() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request != null) {
            request.getHttpServletRequest().changeSessionId();
        }
    }

    private void show(String key) {
        error.setText(getTranslation(key));
        error.setVisible(true);
        password.focus();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (UiSession.caller().isPresent()) {
            event.forwardTo("");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
