package org.coffeecontrol.ui.internal.monitoring;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.monitoring.api.JournalEntry;
import org.coffeecontrol.monitoring.api.JournalQuery;
import org.coffeecontrol.monitoring.api.JournalSource;
import org.coffeecontrol.monitoring.api.MachineState;
import org.coffeecontrol.monitoring.api.MachineStatus;
import org.coffeecontrol.monitoring.api.MonitoringService;
import org.coffeecontrol.monitoring.api.NewJournalEntry;
import org.coffeecontrol.monitoring.api.Subscription;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

/**
 * The POS window (MON-4): general data, its machines with online state and current errors, the journal of the POS
 * (its machines merged, MON-5) with expandable details, the form to add an entry, and watching the POS (MON-8).
 * <p>
 * Element ids: {@code pos-title}, {@code pos-status}, {@code pos-general}, {@code pos-subscribe},
 * {@code pos-subscribe-email}, {@code pos-machines}, {@code machine-link-<equipmentId>}, {@code journal-grid},
 * {@code journal-machine}, {@code journal-source}, {@code journal-problem}, {@code journal-result},
 * {@code journal-ticket}, {@code journal-applicant}, {@code journal-sent-by}, {@code journal-worked-by},
 * {@code journal-work}, {@code journal-add}, {@code monitoring-error}.
 */
@Route(value = "monitoring/pos", layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.SERVICE_ADMIN, Role.TECH_SUPPORT, Role.MANAGER, Role.ENGINEER, Role.CLIENT })
@StyleSheet("context://coffee/monitoring.css")
public class PosMonitorView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {
    private static final long serialVersionUID = 1L;
    /** Stands for "the whole point of sale" in the machine choice of the journal form. */
    private static final long WHOLE_POS = -1;

    private final transient MonitoringService monitoring;
    private final transient CatalogService catalog;
    private ZoneId zone;
    private long posId;
    private String title;
    private final H2 heading = new H2();
    private final Span status = new Span();
    private final Div general = new Div();
    private final Grid<MachineState> machines = new Grid<>();
    private final Grid<JournalEntry> journal = new Grid<>();
    private final Checkbox watch = new Checkbox();
    private final Checkbox watchEmail = new Checkbox();
    private final Select<Long> entryMachine = new Select<>();
    private final Select<JournalSource> source = new Select<>();
    private final TextField problem = new TextField();
    private final TextField result = new TextField();
    private final TextField ticket = new TextField();
    private final TextField applicant = new TextField();
    private final TextField sentBy = new TextField();
    private final TextField workedBy = new TextField();
    private final TextArea work = new TextArea();
    private final Map<Long, String> serials = new LinkedHashMap<>();
    private boolean updatingWatch;
    private List<Long> shownJournal = List.of();

    public PosMonitorView(ServiceSource services, CatalogService catalog) {
        this.monitoring = Monitoring.service(services);
        this.catalog = catalog;
        this.zone = monitoring.zone();
        this.title = getTranslation("mon.pos.title");
        setSizeFull();
        heading.setId("pos-title");
        heading.addClassName("view-title");
        status.setId("pos-status");
        LiveTicker.whileAttached(this, () -> {
            refreshLive();
            if (posId != 0) {
                refreshJournal();
            }
        });
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        if (id == null) {
            showError(getTranslation("error.notFound"));
            return;
        }
        posId = 0;
        shownJournal = List.of();
        serials.clear();
        Caller caller = UiSession.require();
        PointOfSale pos;
        try {
            pos = catalog.pointOfSale(caller, id);
        } catch (NotFoundException e) {
            showError(getTranslation("error.notFound"));
            return;
        }
        posId = id;
        zone = pos.zoneOr(monitoring.zone());
        title = pos.name();
        heading.setText(pos.name());
        HorizontalLayout head = new HorizontalLayout(heading, status, watchControls());
        head.setAlignItems(Alignment.CENTER);
        head.setWidthFull();
        general.setId("pos-general");
        general.addClassName("mon-card");
        general.removeAll();
        general.add(generalData(caller, pos));
        add(head, general, machinesCard(), journalCard(caller));
        refreshLive();
        refreshJournal();
        refreshWatch();
    }

    private void showError(String message) {
        Span error = new Span(message);
        error.setId("monitoring-error");
        title = message;
        add(error);
    }

    private Component generalData(Caller caller, PointOfSale pos) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(getTranslation("mon.pos.id"), String.valueOf(pos.id()));
        rows.put(getTranslation("mon.col.code"), pos.code());
        String client;
        try {
            client = catalog.client(caller, pos.clientId()).name();
        } catch (CoffeeException e) {
            client = "#" + pos.clientId();
        }
        rows.put(getTranslation("mon.pos.client"), client);
        rows.put(getTranslation("mon.pos.address"), pos.address());
        rows.put(getTranslation("mon.pos.hours"), pos.openingHours().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        rows.put(getTranslation("mon.pos.zone"), zone.getId());
        rows.put(getTranslation("mon.pos.cleaning"), pos.cleaningTimes());
        rows.put(getTranslation("mon.pos.package"), pos.monitoringPackage());
        rows.put(getTranslation("mon.pos.mechanic"), pos.serviceMechanic());
        rows.put(getTranslation("mon.pos.phone"), pos.phone());
        return MachineDashboardView.keyValues(rows);
    }

    private HorizontalLayout watchControls() {
        watch.setId("pos-subscribe");
        watch.setLabel(getTranslation("mon.pos.watch"));
        watchEmail.setId("pos-subscribe-email");
        watchEmail.setLabel(getTranslation("mon.pos.watchEmail"));
        watch.addValueChangeListener(e -> changeWatch());
        watchEmail.addValueChangeListener(e -> changeWatch());
        HorizontalLayout l = new HorizontalLayout(watch, watchEmail);
        l.getStyle().set("margin-left", "auto");
        return l;
    }

    private void changeWatch() {
        if (updatingWatch) {
            return;
        }
        Caller caller = UiSession.require();
        if (watch.getValue()) {
            monitoring.subscribe(caller, posId, watchEmail.getValue());
            Notification.show(getTranslation(watchEmail.getValue() ? "mon.pos.watchingEmail" : "mon.pos.watching"));
        } else {
            monitoring.unsubscribe(caller, posId);
            Notification.show(getTranslation("mon.pos.notWatching"));
        }
        refreshWatch();
    }

    private void refreshWatch() {
        Subscription s = monitoring.subscriptions(UiSession.require()).stream().filter(x -> x.posId() == posId)
                .findFirst().orElse(null);
        updatingWatch = true;
        try {
            watch.setValue(s != null);
            watchEmail.setValue(s != null && s.email());
            watchEmail.setEnabled(s != null);
        } finally {
            updatingWatch = false;
        }
    }

    private Div machinesCard() {
        Div card = new Div(new H4(getTranslation("mon.pos.machines")));
        card.addClassName("mon-card");
        card.setWidthFull();
        machines.setId("pos-machines");
        machines.addThemeVariants(GridVariant.LUMO_COMPACT);
        machines.addColumn(MachineState::serialNumber).setHeader(getTranslation("mon.col.machine")).setAutoWidth(true);
        machines.addComponentColumn(m -> Monitoring.badge(m.status(), getTranslation(Monitoring.labelKey(m.status()))))
                .setHeader(getTranslation("mon.col.state")).setAutoWidth(true);
        machines.addColumn(m -> getTranslation(m.online() ? "mon.online.yes" : "mon.online.no"))
                .setHeader(getTranslation("mon.col.onlineState")).setAutoWidth(true);
        machines.addColumn(m -> Monitoring.time(m.lastSeen(), zone)).setHeader(getTranslation("mon.col.lastSeen"))
                .setAutoWidth(true);
        machines.addColumn(m -> m.errors().stream().map(e -> e.code() + " " + Objects.toString(e.text(), ""))
                .collect(Collectors.joining("; "))).setHeader(getTranslation("mon.col.errors")).setFlexGrow(3);
        machines.addComponentColumn(m -> {
            Button open = new Button(getTranslation("mon.pos.openMachine"),
                    e -> UI.getCurrent().navigate(MachineDashboardView.class, m.equipmentId()));
            open.setId("machine-link-" + m.equipmentId());
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return open;
        }).setAutoWidth(true).setFlexGrow(0);
        machines.setAllRowsVisible(true);
        card.add(machines);
        return card;
    }

    private Div journalCard(Caller caller) {
        Div card = new Div(new H4(getTranslation("mon.journal.title")));
        card.addClassName("mon-card");
        card.setWidthFull();
        if (Monitoring.mayWriteJournal(caller)) {
            card.add(journalForm());
        }
        journal.setId("journal-grid");
        journal.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        journal.addColumn(j -> Monitoring.time(j.occurredAt(), zone)).setHeader(getTranslation("mon.col.time"))
                .setAutoWidth(true);
        journal.addColumn(j -> getTranslation("mon.source." + j.source().name()))
                .setHeader(getTranslation("mon.col.source")).setAutoWidth(true);
        journal.addColumn(j -> Objects.toString(j.serialNumber(), getTranslation("mon.journal.wholePos")))
                .setHeader(getTranslation("mon.col.machine")).setAutoWidth(true);
        journal.addColumn(JournalEntry::problem).setHeader(getTranslation("mon.col.problem")).setFlexGrow(3);
        journal.addColumn(JournalEntry::result).setHeader(getTranslation("mon.col.result")).setFlexGrow(2);
        journal.addColumn(JournalEntry::ticketNumber).setHeader(getTranslation("mon.col.ticket")).setAutoWidth(true);
        journal.addColumn(JournalEntry::operator).setHeader(getTranslation("mon.col.operator")).setAutoWidth(true);
        journal.addColumn(JournalEntry::applicant).setHeader(getTranslation("mon.col.applicant")).setAutoWidth(true);
        journal.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::journalDetail));
        journal.setDetailsVisibleOnClick(true);
        journal.setHeight("24em");
        card.add(journal);
        return card;
    }

    private Component journalDetail(JournalEntry j) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(getTranslation("mon.journal.sentBy"), j.sentBy());
        rows.put(getTranslation("mon.journal.workedBy"), j.workedBy());
        rows.put(getTranslation("mon.journal.work"), j.work());
        rows.put(getTranslation("mon.journal.recorded"), Monitoring.time(j.recordedAt(), zone));
        if (j.correctionOf() != null) {
            rows.put(getTranslation("mon.journal.correctionOf"), "#" + j.correctionOf());
        }
        if (j.correctedBy() != null) {
            rows.put(getTranslation("mon.journal.correctedBy"), "#" + j.correctedBy());
        }
        Component c = MachineDashboardView.keyValues(rows);
        c.setId("journal-detail-" + j.id());
        return c;
    }

    private Component journalForm() {
        entryMachine.setId("journal-machine");
        entryMachine.setLabel(getTranslation("mon.col.machine"));
        entryMachine.setItemLabelGenerator(id -> id == WHOLE_POS ? getTranslation("mon.journal.wholePos")
                : serials.getOrDefault(id, "#" + id));
        source.setId("journal-source");
        source.setLabel(getTranslation("mon.col.source"));
        source.setItems(List.of(JournalSource.OPERATOR, JournalSource.PHONE, JournalSource.EMAIL,
                JournalSource.PRE_TICKET));
        source.setItemLabelGenerator(s -> getTranslation("mon.source." + s.name()));
        source.setValue(JournalSource.OPERATOR);
        source.addValueChangeListener(e -> ticket.setRequiredIndicatorVisible(
                e.getValue() != null && e.getValue().ticketRequired()));
        label(problem, "journal-problem", "mon.col.problem");
        problem.setRequiredIndicatorVisible(true);
        label(result, "journal-result", "mon.col.result");
        label(ticket, "journal-ticket", "mon.col.ticket");
        label(applicant, "journal-applicant", "mon.col.applicant");
        label(sentBy, "journal-sent-by", "mon.journal.sentBy");
        label(workedBy, "journal-worked-by", "mon.journal.workedBy");
        label(work, "journal-work", "mon.journal.work");
        Button add = new Button(getTranslation("mon.journal.add"), e -> addEntry());
        add.setId("journal-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(entryMachine, source, problem, result, ticket, applicant, sentBy, workedBy,
                work, add);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        form.setColspan(work, 2);
        return form;
    }

    private <F extends Component & com.vaadin.flow.component.HasLabel> void label(F field, String id,
            String labelKey) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
    }

    private void addEntry() {
        for (HasValidation f : new HasValidation[] { problem, ticket, result, applicant, sentBy, workedBy, work,
                entryMachine, source }) {
            f.setInvalid(false);
        }
        Long machine = entryMachine.getValue() == null || entryMachine.getValue() == WHOLE_POS ? null
                : entryMachine.getValue();
        NewJournalEntry entry = new NewJournalEntry(machine, machine == null ? posId : null, null, source.getValue(),
                problem.getValue(), result.getValue(), ticket.getValue(), applicant.getValue(), sentBy.getValue(),
                workedBy.getValue(), work.getValue(), null);
        try {
            monitoring.addJournalEntry(UiSession.require(), entry);
        } catch (ValidationException e) {
            HasValidation field = switch (e.field()) {
                case "problem" -> problem;
                case "ticketNumber" -> ticket;
                case "result" -> result;
                case "applicant" -> applicant;
                case "sentBy" -> sentBy;
                case "workedBy" -> workedBy;
                case "work" -> work;
                case "source" -> source;
                default -> entryMachine;
            };
            field.setErrorMessage(e.detail());
            field.setInvalid(true);
            return;
        }
        for (var f : List.of(problem, result, ticket, applicant, sentBy, workedBy)) {
            f.clear();
        }
        work.clear();
        Notification.show(getTranslation("mon.journal.added"));
        refreshJournal();
    }

    private void refreshJournal() {
        List<JournalEntry> entries = monitoring.journal(UiSession.require(),
                new JournalQuery(null, posId, PageRequest.first(200))).items();
        List<Long> ids = entries.stream().map(JournalEntry::id).toList();
        // Only when something changed: setting the items again would collapse the details the user opened.
        if (!ids.equals(shownJournal)) {
            shownJournal = ids;
            journal.setItems(entries);
        }
    }

    private void refreshLive() {
        if (posId == 0) {
            return;
        }
        List<MachineState> states = monitoring.machines(UiSession.require(), posId);
        machines.setItems(states);
        MachineStatus worst = states.stream().map(MachineState::status).reduce(MachineStatus.CLOSED,
                MachineStatus::worse);
        status.removeAll();
        status.add(Monitoring.badge(worst, getTranslation(Monitoring.labelKey(worst))));
        Map<Long, String> now = new LinkedHashMap<>();
        states.forEach(s -> now.put(s.equipmentId(), s.serialNumber()));
        if (!now.equals(serials)) {
            serials.clear();
            serials.putAll(now);
            List<Long> choices = new java.util.ArrayList<>();
            choices.add(WHOLE_POS);
            choices.addAll(now.keySet());
            Long selected = entryMachine.getValue();
            entryMachine.setItems(choices);
            entryMachine.setValue(selected != null && choices.contains(selected) ? selected : WHOLE_POS);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
