package org.coffeecontrol.ui.internal.tickets.sources;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.ActConsumable;
import org.coffeecontrol.tickets.api.ActDelivery;
import org.coffeecontrol.tickets.api.ServiceActData;
import org.coffeecontrol.tickets.api.ServiceActUpdate;
import org.coffeecontrol.tickets.api.ServiceActs;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.tickets.SignaturePad;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.StreamResource;

/**
 * The service act of one ticket, embedded in the ticket form (TKT-6): consumables used, the downtime
 * justification, the engineer's name and drawn signature, the name of who signed for the POS (his signature is the
 * ticket's), then the PDF and sending it to the POS. The works and parts are the ticket's lines. Element ids:
 * {@code act-consumables} (grid), {@code act-consumable-name|quantity|unit}, {@code act-consumable-add},
 * {@code act-consumable-remove-<n>}, {@code act-downtime}, {@code act-engineer-name}, {@code act-engineer-pad},
 * {@code act-customer-name}, {@code act-save}, {@code act-state}, {@code act-download}, {@code act-send},
 * {@code act-status}.
 */
public class ActPanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient ServiceActs acts;
    private final transient Caller caller;
    private final long ticketId;
    private final Tr tr;
    private final List<ActConsumable> consumables = new ArrayList<>();
    private final Grid<ActConsumable> grid = new Grid<>();
    private final TextArea downtime = new TextArea();
    private final TextField engineerName = new TextField();
    private final SignaturePad engineerPad = new SignaturePad();
    private final TextField customerName = new TextField();
    private final Span state = new Span();
    private final Status status;
    private ServiceActData act;

    public ActPanel(ServiceActs acts, Caller caller, long ticketId, String ticketNumber, Tr tr) {
        this.acts = acts;
        this.caller = caller;
        this.ticketId = ticketId;
        this.tr = tr;
        this.status = new Status("act-status", tr);
        setPadding(false);
        add(consumablesEditor());
        downtime.setId("act-downtime");
        downtime.setLabel(tr.t("tkt.act.downtime"));
        downtime.setWidthFull();
        engineerName.setId("act-engineer-name");
        engineerName.setLabel(tr.t("tkt.act.engineerName"));
        customerName.setId("act-customer-name");
        customerName.setLabel(tr.t("tkt.act.customerName"));
        engineerPad.setId("act-engineer-pad");
        FormLayout names = new FormLayout(engineerName, customerName);
        names.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        Button save = new Button(tr.t("tkt.act.save"), e -> save());
        save.setId("act-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clearPad = new Button(tr.t("tickets.clear"), e -> engineerPad.clear());
        clearPad.setId("act-engineer-pad-clear");
        state.setId("act-state");
        add(downtime, names, new Span(tr.t("tkt.act.engineerSignature")), engineerPad,
                new HorizontalLayout(save, clearPad), state);

        Anchor download = new Anchor(new StreamResource("act-" + ticketNumber + ".pdf",
                () -> new ByteArrayInputStream(acts.pdf(caller, ticketId))), tr.t("tkt.act.download"));
        download.setId("act-download");
        download.getElement().setAttribute("download", true);
        Button send = new Button(tr.t("tkt.act.send"));
        send.setId("act-send");
        send.addClickListener(e -> status.attempt(() -> {
            ActDelivery d = acts.send(caller, ticketId);
            status.ok(tr.t("tkt.act.sent", d.to()));
            load();
        }));
        HorizontalLayout out = new HorizontalLayout(download, send);
        out.setAlignItems(FlexComponent.Alignment.BASELINE);
        out.getStyle().set("flex-wrap", "wrap");
        add(out, status);
        status.attempt(this::load);
    }

    private VerticalLayout consumablesEditor() {
        grid.setId("act-consumables");
        grid.addColumn(ActConsumable::name).setHeader(tr.t("tkt.act.consumable")).setFlexGrow(1);
        grid.addColumn(c -> c.quantity() == null ? "" : c.quantity().toPlainString() + " "
                + (c.unit() == null ? "" : c.unit())).setHeader(tr.t("tkt.act.quantity")).setAutoWidth(true);
        grid.addComponentColumn(c -> {
            int n = consumables.indexOf(c);
            Button remove = new Button("✕", e -> {
                consumables.remove(c);
                grid.setItems(consumables);
            });
            remove.setId("act-consumable-remove-" + n);
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return remove;
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        TextField name = new TextField(tr.t("tkt.act.consumable"));
        name.setId("act-consumable-name");
        BigDecimalField quantity = new BigDecimalField(tr.t("tkt.act.quantity"));
        quantity.setId("act-consumable-quantity");
        quantity.setValue(BigDecimal.ONE);
        TextField unit = new TextField(tr.t("tkt.act.unit"));
        unit.setId("act-consumable-unit");
        unit.setValue("pcs");
        Button add = new Button(tr.t("tkt.act.addConsumable"), e -> {
            if (name.getValue().isBlank()) {
                name.setInvalid(true);
                name.setErrorMessage(tr.t("tkt.act.consumableRequired"));
                return;
            }
            name.setInvalid(false);
            // kept in the form until "Save act": the act is saved whole, like the service validates it
            consumables.add(new ActConsumable(name.getValue().strip(), quantity.getValue(), unit.getValue()));
            grid.setItems(consumables);
            name.clear();
            quantity.setValue(BigDecimal.ONE);
        });
        add.setId("act-consumable-add");
        FormLayout row = new FormLayout(name, quantity, unit, add);
        row.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 4));
        VerticalLayout v = new VerticalLayout(grid, row);
        v.setPadding(false);
        return v;
    }

    private void load() {
        act = acts.act(caller, ticketId);
        consumables.clear();
        consumables.addAll(act.consumables());
        grid.setItems(consumables);
        downtime.setValue(act.downtimeJustification() == null ? "" : act.downtimeJustification());
        engineerName.setValue(act.engineerName() == null ? "" : act.engineerName());
        customerName.setValue(act.customerName() == null ? "" : act.customerName());
        showState();
    }

    private void showState() {
        String text = act.version() == 0 ? tr.t("tkt.act.notSaved")
                : tr.t(act.engineerSigned() ? "tkt.act.savedSigned" : "tkt.act.saved");
        if (act.sentTo() != null) {
            text += " · " + tr.t("tkt.act.sentAt", act.sentTo(), String.valueOf(act.sentAt()).replace('T', ' '));
        }
        state.setText(text);
        state.getElement().setAttribute("data-signed", String.valueOf(act.engineerSigned()));
    }

    /** Reads the engineer's drawing (if any) and saves the whole act; a pad left empty keeps the stored one. */
    private void save() {
        engineerPad.read(png -> status.attempt(() -> {
            act = acts.save(caller, ticketId, new ServiceActUpdate(List.copyOf(consumables), downtime.getValue(),
                    engineerName.getValue(), png, customerName.getValue(), act == null ? 0 : act.version()));
            engineerPad.clear();
            status.ok(tr.t("tkt.act.savedOk"));
            load();
        }));
    }
}
