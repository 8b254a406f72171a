package org.coffeecontrol.ui.internal.tickets;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.Attachment;
import org.coffeecontrol.tickets.api.Checklist;
import org.coffeecontrol.tickets.api.ChecklistAnswer;
import org.coffeecontrol.tickets.api.ChecklistItem;
import org.coffeecontrol.tickets.api.HistoryEntry;
import org.coffeecontrol.tickets.api.LineKind;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketLine;
import org.coffeecontrol.tickets.api.TicketSource;
import org.coffeecontrol.tickets.api.TicketState;
import org.coffeecontrol.tickets.api.TicketUpdate;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceSource;
import org.coffeecontrol.ui.internal.tickets.sources.ActPanel;
import org.coffeecontrol.ui.internal.tickets.sources.RecordingPlayer;

/**
 * The ticket form (TKT-1) with every field of the manual's form, the lines of works and parts, files, the signature
 * pad, the checklist of audit visits and the history. One column on a phone. Element ids: {@code ticket-number},
 * {@code ticket-state}, fields {@code ticket-<field>} (category, rented, applicant, phone, reason, planned-end,
 * work-start, work-end, result, recording), {@code ticket-save}; state buttons {@code ticket-move-<STATE>} and
 * {@code ticket-cancel} (dialog {@code ticket-reason}, {@code ticket-reason-ok}); new line
 * {@code ticket-line-kind|article|description|quantity|serial|warranty}, {@code ticket-line-add}, grid
 * {@code ticket-lines}, {@code ticket-line-remove-<n>}; {@code ticket-upload}, {@code ticket-files};
 * {@code ticket-signature-pad}, {@code ticket-signed-by}, {@code ticket-sign}, {@code ticket-signed};
 * the call recording player {@code ticket-recording-player} under the form; the service act section
 * {@code ticket-act} ({@link ActPanel}'s ids); {@code ticket-checklist-<key>}, {@code ticket-checklist-save},
 * {@code ticket-checklist-complete}; {@code ticket-history}.
 */
@Route(value = "tickets/:id([0-9]+)", layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.SERVICE_ADMIN, Role.ENGINEER, Role.MANAGER, Role.CLIENT, Role.TECH_SUPPORT })
public class TicketView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final TicketServices services;
    private Ticket ticket;

    private final H2 title = new H2();
    private final Span state = new Span();
    private final Span info = new Span();
    private final TextField category = field("category");
    private final TextField rented = field("rented");
    private final TextField applicant = field("applicant");
    private final TextField phone = field("phone");
    private final TextArea reason = new TextArea();
    private final DateTimePicker plannedEnd = picker("planned-end");
    private final DateTimePicker workStart = picker("work-start");
    private final DateTimePicker workEnd = picker("work-end");
    private final TextArea result = new TextArea();
    private final TextField recording = field("recording");
    private final HorizontalLayout moves = new HorizontalLayout();
    private final Grid<TicketLine> lines = new Grid<>();
    private final VerticalLayout files = new VerticalLayout();
    private final Span signed = new Span();
    private final VerticalLayout checklist = new VerticalLayout();
    private final Div recordingPlayer = new Div();
    private final Div act = new Div();
    private final Grid<HistoryEntry> history = new Grid<>();

    public TicketView(ServiceSource source) {
        services = new TicketServices(source);
        setWidthFull();
        setPadding(true);
        title.setId("ticket-number");
        state.setId("ticket-state");
        info.setId("ticket-info");
        reason.setId("ticket-reason");
        result.setId("ticket-result");
        moves.setId("ticket-moves");
        // The form is several screens long on a phone and the engineer finishes at its bottom (act, signatures):
        // the state buttons stay pinned to the top of the scrolled area instead of three screens up.
        moves.getStyle().set("flex-wrap", "wrap").set("position", "sticky").set("top", "0").set("z-index", "2")
                .set("background", "var(--lumo-base-color)").set("padding-block", "var(--lumo-space-xs)");
        add(title, state, info, moves);
        add(form());
        recordingPlayer.setWidthFull();
        add(recordingPlayer);
        add(section("tickets.lines", linesEditor()));
        add(section("tickets.files", filesEditor()));
        add(section("tickets.signature", signatureEditor()));
        act.setId("ticket-act");
        act.setWidthFull();
        add(section("tickets.act", act));
        checklist.setPadding(false);
        add(section("tickets.checklist", checklist));
        history.setId("ticket-history");
        history.addColumn(h -> TicketServices.time(h.at())).setHeader(getTranslation("tickets.when")).setAutoWidth(true);
        history.addColumn(HistoryEntry::username).setHeader(getTranslation("tickets.who")).setAutoWidth(true);
        history.addColumn(h -> h.action() + (h.toState() == null ? "" : " → " + h.toState()))
                .setHeader(getTranslation("tickets.what")).setAutoWidth(true);
        history.addColumn(HistoryEntry::detail).setHeader("").setFlexGrow(1);
        history.setAllRowsVisible(true);
        add(section("tickets.history", history));
    }

    private TextField field(String id) {
        TextField f = new TextField();
        f.setId("ticket-" + id);
        return f;
    }

    private DateTimePicker picker(String id) {
        DateTimePicker p = new DateTimePicker();
        p.setId("ticket-" + id);
        return p;
    }

    private Details section(String key, com.vaadin.flow.component.Component content) {
        Details d = new Details(getTranslation(key), content);
        d.setOpened(true);
        d.setWidthFull();
        return d;
    }

    private FormLayout form() {
        FormLayout f = new FormLayout();
        f.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        f.addFormItem(category, getTranslation("tickets.category"));
        f.addFormItem(rented, getTranslation("tickets.rentedEquipment"));
        f.addFormItem(applicant, getTranslation("tickets.applicant"));
        f.addFormItem(phone, getTranslation("tickets.applicantPhone"));
        f.addFormItem(reason, getTranslation("tickets.reason"));
        f.addFormItem(result, getTranslation("tickets.result"));
        f.addFormItem(plannedEnd, getTranslation("tickets.plannedEnd"));
        f.addFormItem(workStart, getTranslation("tickets.workStart"));
        f.addFormItem(workEnd, getTranslation("tickets.workEnd"));
        f.addFormItem(recording, getTranslation("tickets.callRecording"));
        Button save = new Button(getTranslation("tickets.save"), e -> {
            ticket = services.tickets.update(UiSession.require(), ticket.id(), new TicketUpdate(category.getValue(),
                    ticket.equipmentId(), rented.getValue(), applicant.getValue(), phone.getValue(), reason.getValue(),
                    instant(plannedEnd), instant(workStart), instant(workEnd), result.getValue(), recording.getValue(),
                    ticket.version()));
            Notification.show(getTranslation("tickets.saved"));
            show();
        });
        save.setId("ticket-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        f.add(save);
        return f;
    }

    private VerticalLayout linesEditor() {
        lines.setId("ticket-lines");
        lines.addColumn(TicketLine::kind).setHeader(getTranslation("tickets.line.kind")).setAutoWidth(true);
        lines.addColumn(l -> TicketServices.text(l.article())).setHeader(getTranslation("tickets.line.article"))
                .setAutoWidth(true);
        lines.addColumn(l -> TicketServices.text(l.description())).setHeader(getTranslation("tickets.line.description"))
                .setFlexGrow(1);
        lines.addColumn(l -> l.quantity().toPlainString()).setHeader(getTranslation("tickets.line.quantity"))
                .setAutoWidth(true);
        lines.addColumn(l -> TicketServices.text(l.serialNumber()) + (l.warranty() ? " (W)" : ""))
                .setHeader(getTranslation("tickets.line.serial")).setAutoWidth(true);
        lines.addComponentColumn(l -> {
            Button remove = new Button("✕", e -> {
                List<TicketLine> rest = new ArrayList<>(services.tickets.lines(UiSession.require(), ticket.id()));
                rest.removeIf(x -> x.id().equals(l.id()));
                ticket = services.tickets.saveLines(UiSession.require(), ticket.id(), ticket.version(), rest);
                show();
            });
            remove.setId("ticket-line-remove-" + l.id());
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return remove;
        }).setAutoWidth(true);
        lines.setAllRowsVisible(true);
        Select<LineKind> kind = new Select<>();
        kind.setId("ticket-line-kind");
        kind.setItems(LineKind.values());
        kind.setValue(LineKind.PART);
        kind.setLabel(getTranslation("tickets.line.kind"));
        TextField article = new TextField(getTranslation("tickets.line.article"));
        article.setId("ticket-line-article");
        TextField description = new TextField(getTranslation("tickets.line.description"));
        description.setId("ticket-line-description");
        BigDecimalField quantity = new BigDecimalField(getTranslation("tickets.line.quantity"));
        quantity.setId("ticket-line-quantity");
        quantity.setValue(BigDecimal.ONE);
        TextField serial = new TextField(getTranslation("tickets.line.serial"));
        serial.setId("ticket-line-serial");
        Checkbox warranty = new Checkbox(getTranslation("tickets.line.warranty"));
        warranty.setId("ticket-line-warranty");
        Button add = new Button(getTranslation("tickets.line.add"), e -> {
            List<TicketLine> all = new ArrayList<>(services.tickets.lines(UiSession.require(), ticket.id()));
            all.add(new TicketLine(null, kind.getValue(), article.getValue(), description.getValue(),
                    quantity.getValue(), serial.getValue(), warranty.getValue()));
            ticket = services.tickets.saveLines(UiSession.require(), ticket.id(), ticket.version(), all);
            article.clear();
            description.clear();
            serial.clear();
            quantity.setValue(BigDecimal.ONE);
            warranty.setValue(false);
            show();
        });
        add.setId("ticket-line-add");
        FormLayout newLine = new FormLayout(kind, article, description, quantity, serial, warranty, add);
        newLine.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        VerticalLayout v = new VerticalLayout(lines, newLine);
        v.setPadding(false);
        return v;
    }

    private VerticalLayout filesEditor() {
        files.setId("ticket-files");
        files.setPadding(false);
        Upload upload = new Upload(UploadHandler.inMemory((meta, data) -> getUI().ifPresent(ui -> ui.access(() -> {
            services.tickets.attach(UiSession.require(), ticket.id(), meta.fileName(), meta.contentType(), data);
            show();
        }))));
        upload.setId("ticket-upload");
        VerticalLayout v = new VerticalLayout(files, upload);
        v.setPadding(false);
        return v;
    }

    private VerticalLayout signatureEditor() {
        SignaturePad pad = new SignaturePad();
        pad.setId("ticket-signature-pad");
        TextField signedBy = new TextField(getTranslation("tickets.signedBy"));
        signedBy.setId("ticket-signed-by");
        signed.setId("ticket-signed");
        Button sign = new Button(getTranslation("tickets.sign"), e -> pad.read(png -> {
            if (png == null) {
                Notification.show(getTranslation("tickets.signFirst"));
                return;
            }
            ticket = services.tickets.sign(UiSession.require(), ticket.id(), ticket.version(), png, signedBy.getValue());
            pad.clear();
            show();
        }));
        sign.setId("ticket-sign");
        Button clear = new Button(getTranslation("tickets.clear"), e -> pad.clear());
        clear.setId("ticket-signature-clear");
        VerticalLayout v = new VerticalLayout(signed, pad, signedBy, new HorizontalLayout(sign, clear));
        v.setPadding(false);
        return v;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        ticket = services.tickets.get(UiSession.require(), id);
        // built once per ticket, not on every refresh of the form: what the engineer typed into the act so far
        // must survive adding a line or a file
        act.removeAll();
        act.add(new ActPanel(services.acts, UiSession.require(), ticket.id(), ticket.number(), this::getTranslation));
        show();
    }

    /** Fills every part of the form from the stored ticket. */
    private void show() {
        Caller caller = UiSession.require();
        Ticket t = ticket;
        title.setText(t.number() + (t.externalNumber() == null ? "" : " (" + t.source() + " " + t.externalNumber() + ")"));
        state.setText(getTranslation("tickets.state." + t.state()) + (t.fieldVisit() ? " · "
                + getTranslation("tickets.fieldVisit") : ""));
        info.setText(getTranslation("tickets.info", TicketServices.time(t.createdAt()), t.createdBy(), t.clientId(),
                TicketServices.text(t.posId()), TicketServices.text(t.equipmentId()), TicketServices.text(t.regionId()),
                TicketServices.text(t.executor())));
        category.setValue(t.category());
        rented.setValue(TicketServices.text(t.rentedEquipment()));
        applicant.setValue(TicketServices.text(t.applicant()));
        phone.setValue(TicketServices.text(t.applicantPhone()));
        reason.setValue(t.reason());
        result.setValue(TicketServices.text(t.result()));
        recording.setValue(TicketServices.text(t.callRecording()));
        recordingPlayer.removeAll();
        recordingPlayer.add(new RecordingPlayer(services.tickets, caller, t));
        plannedEnd.setValue(local(t.plannedEnd()));
        workStart.setValue(local(t.workStart()));
        workEnd.setValue(local(t.workEnd()));
        showMoves(t);
        lines.setItems(services.tickets.lines(caller, t.id()));
        files.removeAll();
        for (Attachment a : services.tickets.attachments(caller, t.id())) {
            Button remove = new Button("✕", e -> {
                services.tickets.detach(UiSession.require(), t.id(), a.id());
                show();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            HorizontalLayout row = new HorizontalLayout(new Span(a.fileName() + " (" + a.size() + " B, " + a.uploadedBy()
                    + ")"), remove);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            files.add(row);
        }
        signed.setText(t.signed() ? getTranslation("tickets.signed") : getTranslation("tickets.notSigned"));
        showChecklist(t);
        history.setItems(services.tickets.history(caller, t.id()));
    }

    /** The steps the state machine offers from here; the server still decides whether this user may take them. */
    private void showMoves(Ticket t) {
        moves.removeAll();
        switch (t.state()) {
            case ASSIGNED -> moves.add(move(TicketState.IN_PROGRESS));
            case IN_PROGRESS -> moves.add(move(TicketState.DONE));
            case DONE -> moves.add(move(TicketState.CLOSED));
            default -> {
            }
        }
        if (t.state().open()) {
            Button cancel = new Button(getTranslation("tickets.action.cancel"), e -> askReason());
            cancel.setId("ticket-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            moves.add(cancel);
        }
    }

    private Button move(TicketState to) {
        Button b = new Button(getTranslation("tickets.move." + to), e -> {
            ticket = services.tickets.transition(UiSession.require(), ticket.id(), ticket.version(), to, null);
            show();
        });
        b.setId("ticket-move-" + to);
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return b;
    }

    private void askReason() {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("tickets.action.cancel"));
        TextArea why = new TextArea(getTranslation("tickets.cancelReason"));
        why.setId("ticket-reason-text");
        Button ok = new Button(getTranslation("tickets.ok"), e -> {
            ticket = services.tickets.transition(UiSession.require(), ticket.id(), ticket.version(),
                    TicketState.CANCELLED, why.getValue());
            d.close();
            show();
        });
        ok.setId("ticket-reason-ok");
        d.setId("ticket-reason");
        d.add(why);
        d.getFooter().add(new Button(getTranslation("tickets.back"), e -> d.close()), ok);
        d.open();
    }

    private void showChecklist(Ticket t) {
        checklist.removeAll();
        if (t.source() != TicketSource.AUDIT && !"AUDIT".equalsIgnoreCase(t.category())) {
            checklist.add(new Span(getTranslation("tickets.checklist.auditsOnly")));
            return;
        }
        Checklist c = services.audits.checklist(UiSession.require(), t.id());
        List<Select<ChecklistAnswer>> answers = new ArrayList<>();
        for (ChecklistItem item : c.items()) {
            Select<ChecklistAnswer> a = new Select<>();
            a.setId("ticket-checklist-" + item.key());
            a.setLabel(item.label());
            a.setItems(ChecklistAnswer.values());
            a.setValue(item.answer());
            a.setWidthFull();
            answers.add(a);
            checklist.add(a);
        }
        Button save = new Button(getTranslation("tickets.save"), e -> saveChecklist(c, answers, false));
        save.setId("ticket-checklist-save");
        Button complete = new Button(getTranslation("tickets.checklist.complete"), e -> saveChecklist(c, answers, true));
        complete.setId("ticket-checklist-complete");
        checklist.add(new Div(new Span(c.complete() ? getTranslation("tickets.checklist.done",
                TicketServices.time(c.completedAt()), c.completedBy()) : "")), new HorizontalLayout(save, complete));
    }

    private void saveChecklist(Checklist c, List<Select<ChecklistAnswer>> answers, boolean complete) {
        List<ChecklistItem> items = new ArrayList<>();
        for (int i = 0; i < c.items().size(); i++) {
            ChecklistItem it = c.items().get(i);
            items.add(new ChecklistItem(it.key(), it.label(), answers.get(i).getValue(), it.comment()));
        }
        services.audits.saveChecklist(UiSession.require(), ticket.id(), items, complete);
        ticket = services.tickets.get(UiSession.require(), ticket.id());
        show();
    }

    private static Instant instant(DateTimePicker p) {
        return p.getValue() == null ? null : p.getValue().atZone(ZoneId.systemDefault()).toInstant();
    }

    private static LocalDateTime local(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneId.systemDefault());
    }

    @Override
    public String getPageTitle() {
        return ticket == null ? getTranslation("tickets.title") : ticket.number();
    }
}
