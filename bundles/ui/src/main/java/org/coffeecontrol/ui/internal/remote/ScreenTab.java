package org.coffeecontrol.ui.internal.remote;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.RemoteScreen;
import org.coffeecontrol.remote.api.RemoteScreenService;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The machine's remote screen (RC-7): a {@code vnc://} link for the operator's VNC viewer and the access data; the
 * password only for the roles the remote configuration names. Element ids: {@code remote-screen-link},
 * {@code remote-screen-host}, {@code remote-screen-port}, {@code remote-screen-password} (only when it may be
 * shown), {@code remote-screen-edit-host}, {@code remote-screen-edit-port}, {@code remote-screen-edit-password},
 * {@code remote-screen-save}, {@code remote-screen-status}.
 */
final class ScreenTab extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient RemoteScreenService screens;
    private final transient Caller caller;
    private final String serial;
    private final Tr tr;
    private final VerticalLayout details = new VerticalLayout();
    private final Span status = Async.status("remote-screen-status");

    ScreenTab(RemoteScreenService screens, Caller caller, String serial, Tr tr, boolean mayEdit) {
        this.screens = screens;
        this.caller = caller;
        this.serial = serial;
        this.tr = tr;
        setPadding(false);
        details.setPadding(false);
        add(new Paragraph(tr.t("remote.screen.howto")), details, status);
        show(screens.screen(caller, serial));
        if (mayEdit) {
            add(editor());
        }
    }

    private void show(RemoteScreen s) {
        details.removeAll();
        if (s.url() == null) {
            details.add(new Span(tr.t("remote.screen.noHost")));
            return;
        }
        Anchor link = new Anchor(s.url(), tr.t("remote.screen.open", s.url()));
        link.setId("remote-screen-link");
        Span host = new Span(s.host());
        host.setId("remote-screen-host");
        Span port = new Span(String.valueOf(s.port()));
        port.setId("remote-screen-port");
        FormLayout form = new FormLayout();
        form.addFormItem(host, tr.t("remote.screen.host"));
        form.addFormItem(port, tr.t("remote.screen.port"));
        if (s.password() != null) {
            PasswordField password = new PasswordField();
            password.setId("remote-screen-password");
            password.setValue(s.password());
            password.setReadOnly(true);
            password.setRevealButtonVisible(true);
            form.addFormItem(password, tr.t("remote.screen.password"));
        } else {
            form.addFormItem(new Span(tr.t(s.passwordSet() ? "remote.screen.passwordHidden"
                    : "remote.screen.noPassword")), tr.t("remote.screen.password"));
        }
        details.add(link, form);
    }

    private FormLayout editor() {
        TextField host = new TextField(tr.t("remote.screen.host"));
        host.setId("remote-screen-edit-host");
        host.setHelperText(tr.t("remote.screen.hostHelp"));
        IntegerField port = new IntegerField(tr.t("remote.screen.port"));
        port.setId("remote-screen-edit-port");
        port.setMin(1);
        port.setMax(65535);
        PasswordField password = new PasswordField(tr.t("remote.screen.password"));
        password.setId("remote-screen-edit-password");
        password.setHelperText(tr.t("remote.screen.passwordHelp"));
        Button save = new Button(tr.t("action.save"), e -> {
            try {
                String p = password.getValue();
                show(screens.setScreen(caller, serial, host.getValue(), port.getValue(),
                        p == null || p.isEmpty() ? null : p.toCharArray()));
                password.clear();
                Async.ok(status, tr.t("notice.saved", serial));
            } catch (RuntimeException ex) {
                Async.fail(tr, status, ex);
            }
        });
        save.setId("remote-screen-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(host, port, password, save);
        return form;
    }
}
