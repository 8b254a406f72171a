package org.coffeecontrol.ui.internal.service;

import java.time.Instant;
import java.util.List;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.remote.api.DeferredQuery;
import org.coffeecontrol.remote.api.DeferredSqlService;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceProxies;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

/**
 * Deferred SQL (RC-4): place a query for a machine's next call home and follow it from pending to its result. The
 * list refreshes every few seconds while open. Element ids: {@code dsql-serial}, {@code dsql-load},
 * {@code dsql-fastid}, {@code dsql-sql}, {@code dsql-place}, {@code dsql-status}, {@code dsql-list},
 * {@code dsql-result-title}, {@code dsql-result}.
 */
@Route(value = "service/deferred-sql", layout = MainLayout.class)
@Allowed({ Role.TECH_SUPPORT })
public class DeferredSqlView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;
    private static final int POLL_MILLIS = 3000;

    private final transient DeferredSqlService deferred;
    private final transient Caller caller = UiSession.require();
    private final Tr tr = this::getTranslation;
    private final TextField serial = new TextField();
    private final TextField fastId = new TextField();
    private final TextArea sql = new TextArea();
    private final StatusLine status = new StatusLine("dsql-status", tr);
    private final Grid<DeferredQuery> list = new Grid<>();
    private final H3 resultTitle = new H3();
    private final Grid<List<String>> result = new Grid<>();
    private String loaded;
    private Long shown;
    private com.vaadin.flow.shared.Registration polling;

    public DeferredSqlView(ServiceSource services) {
        this.deferred = ServiceProxies.proxy(services, DeferredSqlService.class);
        setSizeFull();
        serial.setId("dsql-serial");
        serial.setLabel(tr.t("service.dsql.serial"));
        Button load = new Button(tr.t("service.dsql.load"), e -> load(serial.getValue()));
        load.setId("dsql-load");
        fastId.setId("dsql-fastid");
        fastId.setLabel("Fast ID");
        fastId.setValue(String.valueOf(Instant.now().getEpochSecond() % 100_000));
        sql.setId("dsql-sql");
        sql.setLabel(tr.t("service.dsql.statement"));
        sql.setWidthFull();
        sql.setPlaceholder("SELECT product, price FROM recipes");
        Button place = new Button(tr.t("service.dsql.place"), e -> place());
        place.setId("dsql-place");
        place.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout machine = new HorizontalLayout(serial, load);
        machine.setAlignItems(Alignment.BASELINE);
        HorizontalLayout query = new HorizontalLayout(fastId, place);
        query.setAlignItems(Alignment.BASELINE);

        list.setId("dsql-list");
        list.addColumn(DeferredQuery::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        list.addColumn(DeferredQuery::fileName).setHeader(tr.t("service.dsql.file")).setAutoWidth(true);
        list.addColumn(DeferredQuery::fastId).setHeader("Fast ID").setAutoWidth(true);
        list.addColumn(q -> q.state().name()).setHeader(tr.t("service.dsql.state")).setAutoWidth(true);
        list.addColumn(q -> text(q.createdAt()) + " " + q.createdBy()).setHeader(tr.t("service.dsql.created"));
        list.addColumn(q -> text(q.deliveredAt())).setHeader(tr.t("service.dsql.delivered"));
        list.addColumn(q -> text(q.completedAt())).setHeader(tr.t("service.dsql.completed"));
        list.addColumn(q -> q.message() == null ? "" : q.message()).setHeader(tr.t("service.dsql.message"))
                .setFlexGrow(1);
        list.setHeight("16em");
        list.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::show));
        resultTitle.setId("dsql-result-title");
        result.setId("dsql-result");
        add(new H2(getPageTitle()), new Span(tr.t("service.dsql.explain")), machine, sql, query, status, list,
                resultTitle, result);
        expand(result);
    }

    private static String text(Instant t) {
        return t == null ? "" : t.toString();
    }

    private void load(String s) {
        try {
            List<DeferredQuery> queries = deferred.list(caller, s);
            loaded = s.strip();
            list.setItems(queries);
            queries.stream().filter(q -> q.id() == (shown == null ? -1 : shown)).findFirst().ifPresent(this::show);
        } catch (RuntimeException e) {
            status.fail(e);
        }
    }

    private void place() {
        try {
            DeferredQuery q = deferred.create(caller, serial.getValue(),
                    DeferredSqlService.FAST_ID + " " + fastId.getValue().strip() + "\n" + sql.getValue());
            status.ok(tr.t("service.dsql.placed", q.fileName()));
            load(serial.getValue());
        } catch (RuntimeException e) {
            status.fail(e);
        }
    }

    private void show(DeferredQuery q) {
        shown = q.id();
        resultTitle.setText(q.fileName() + ": " + q.state() + (q.rowsAffected() != null
                ? " — " + tr.t("service.dsql.affected", q.rowsAffected()) : ""));
        result.removeAllColumns();
        for (int i = 0; i < q.columns().size(); i++) {
            int c = i;
            result.addColumn(row -> c < row.size() ? row.get(c) : "").setHeader(q.columns().get(i)).setAutoWidth(true);
        }
        result.setItems(q.rows());
    }

    @Override
    protected void onAttach(AttachEvent e) {
        // Results arrive whenever the machine calls home: look again every few seconds while the view is open.
        e.getUI().setPollInterval(POLL_MILLIS);
        polling = e.getUI().addPollListener(p -> {
            if (loaded != null && isAttached()) {
                load(loaded);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent e) {
        e.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.deferredSql");
    }
}
