package org.coffeecontrol.ui.internal.remote;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.driver.ArgSpec;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.CommandRun;
import org.coffeecontrol.remote.api.RemoteCommand;
import org.coffeecontrol.remote.api.RemoteControlService;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;

/**
 * The machine's allow-listed commands (RC-1). Element ids: {@code remote-commands} (grid),
 * {@code remote-run-<command>} (run button of a row), {@code remote-args-dialog}, {@code remote-arg-<name>},
 * {@code remote-args-run} (argument dialog), {@code remote-command-status}, {@code remote-command-output},
 * {@code remote-history} (recorded runs, newest first).
 */
final class CommandsTab extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final transient RemoteControlService remote;
    private final transient Caller caller;
    private final String serial;
    private final Tr tr;
    private final Span status = Async.status("remote-command-status");
    private final Pre output = new Pre();
    private final Grid<CommandRun> history = new Grid<>();

    CommandsTab(RemoteControlService remote, Caller caller, String serial, Tr tr) {
        this.remote = remote;
        this.caller = caller;
        this.serial = serial;
        this.tr = tr;
        setPadding(false);
        Grid<RemoteCommand> commands = new Grid<>();
        commands.setId("remote-commands");
        commands.addColumn(RemoteCommand::label).setHeader(tr.t("remote.command")).setAutoWidth(true);
        commands.addColumn(RemoteCommand::description).setHeader(tr.t("remote.description")).setFlexGrow(1);
        commands.addComponentColumn(this::runButton).setAutoWidth(true).setFlexGrow(0);
        commands.setItems(remote.commands(caller, serial));
        commands.setAllRowsVisible(true);
        output.setId("remote-command-output");
        output.addClassName("remote-output");
        history.setId("remote-history");
        history.addColumn(r -> TIME.format(r.startedAt())).setHeader(tr.t("remote.when")).setAutoWidth(true);
        history.addColumn(CommandRun::username).setHeader(tr.t("remote.who")).setAutoWidth(true);
        history.addColumn(CommandRun::commandId).setHeader(tr.t("remote.command")).setAutoWidth(true);
        history.addColumn(r -> r.args().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "))).setHeader(tr.t("remote.arguments"));
        history.addColumn(r -> r.outcome() + (r.exitCode() == null ? "" : " (" + r.exitCode() + ")"))
                .setHeader(tr.t("remote.result")).setAutoWidth(true);
        history.addColumn(r -> r.durationMillis() + " ms").setHeader(tr.t("remote.duration")).setAutoWidth(true);
        history.addColumn(r -> r.message() == null ? "" : r.message()).setHeader(tr.t("remote.message"));
        history.setHeight("18em");
        add(commands, status, output, new H4(tr.t("remote.history")), history);
        refreshHistory();
    }

    private Button runButton(RemoteCommand c) {
        Button run = new Button(tr.t("remote.run"), e -> {
            if (c.args().isEmpty()) {
                run(c, Map.of());
            } else {
                askArguments(c);
            }
        });
        run.setId("remote-run-" + c.id());
        run.setEnabled(c.allowed());
        if (c.changesMachine()) {
            run.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return run;
    }

    /** One field per argument; the pattern is checked here for a quick answer and again by the driver. */
    private void askArguments(RemoteCommand c) {
        Dialog dialog = new Dialog();
        dialog.setId("remote-args-dialog");
        dialog.setHeaderTitle(c.label());
        Map<String, TextFieldBase<?, String>> fields = new LinkedHashMap<>();
        VerticalLayout form = new VerticalLayout();
        for (ArgSpec a : c.args()) {
            TextFieldBase<?, String> f = a.secret() ? new PasswordField(a.label()) : new TextField(a.label());
            f.setId("remote-arg-" + a.name());
            f.setHelperText(a.pattern());
            fields.put(a.name(), f);
            form.add(f);
        }
        Button ok = new Button(tr.t("remote.run"), e -> {
            Map<String, String> args = new LinkedHashMap<>();
            boolean valid = true;
            for (ArgSpec a : c.args()) {
                TextFieldBase<?, String> f = fields.get(a.name());
                String v = f.getValue() == null ? "" : f.getValue().strip();
                boolean matches = v.matches(a.pattern()) && v.matches("[A-Za-z0-9._-]{1,64}");
                f.setInvalid(!matches);
                f.setErrorMessage(matches ? null : tr.t("remote.argInvalid", a.pattern()));
                valid &= matches;
                args.put(a.name(), v);
            }
            if (valid) {
                dialog.close();
                run(c, args);
            }
        });
        ok.setId("remote-args-run");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button(tr.t("action.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private void run(RemoteCommand c, Map<String, String> args) {
        Async.busy(status, tr.t("remote.running", c.label()));
        output.setText("");
        try {
            Async.then(tr, status, remote.run(caller, serial, c.id(), args), r -> {
                output.setText(r.output() == null ? "" : r.output());
                String line = c.label() + ": " + r.outcome() + (r.message() == null ? "" : " — " + r.message());
                if (r.outcome() == org.coffeecontrol.remote.api.Outcome.OK) {
                    Async.ok(status, line);
                } else {
                    Async.fail(tr, status, new org.coffeecontrol.api.ConflictException(line));
                }
                refreshHistory();
            });
        } catch (ValidationException | org.coffeecontrol.api.AccessDeniedException e) {
            Async.fail(tr, status, e);
            refreshHistory();
        }
    }

    private void refreshHistory() {
        history.setItems(remote.history(caller, serial, PageRequest.first(50)).items());
    }
}
