package org.coffeecontrol.ui.internal.remote;

import java.util.List;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.MachineSqlService;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.SqlResult;
import org.coffeecontrol.remote.api.StoredQuery;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * SQL on the machine's database (RC-3), tech support only: a stored query or free SQL, a row limit, the result as
 * a grid. Element ids: {@code remote-sql-query} (stored queries), {@code remote-sql-text}, {@code remote-sql-rows},
 * {@code remote-sql-run}, {@code remote-sql-status}, {@code remote-sql-result}.
 */
final class SqlTab extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient MachineSqlService sql;
    private final transient Caller caller;
    private final String serial;
    private final Tr tr;
    private final Span status = Async.status("remote-sql-status");
    private final Grid<List<String>> result = new Grid<>();

    SqlTab(MachineSqlService sql, Caller caller, String serial, Tr tr) {
        this.sql = sql;
        this.caller = caller;
        this.serial = serial;
        this.tr = tr;
        setPadding(false);
        ComboBox<StoredQuery> stored = new ComboBox<>(tr.t("remote.sql.stored"));
        stored.setId("remote-sql-query");
        stored.setItems(sql.queries(caller));
        stored.setItemLabelGenerator(StoredQuery::name);
        stored.setWidth("24em");
        TextArea text = new TextArea(tr.t("remote.sql.text"));
        text.setId("remote-sql-text");
        text.setWidthFull();
        text.setMaxLength(4000);
        stored.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                text.setValue(e.getValue().sql());
            }
        });
        text.addValueChangeListener(e -> {
            if (e.isFromClient() && stored.getValue() != null && !stored.getValue().sql().equals(e.getValue())) {
                stored.clear();
            }
        });
        IntegerField rows = new IntegerField(tr.t("remote.sql.rows"));
        rows.setId("remote-sql-rows");
        rows.setMin(1);
        rows.setMax(1000);
        rows.setValue(50);
        Button run = new Button(tr.t("remote.run"), e -> run(stored.getValue(), text.getValue(), rows.getValue()));
        run.setId("remote-sql-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("remote-sql-result");
        result.setHeight("24em");
        add(new HorizontalLayout(stored, rows, run), text, status, result);
    }

    private void run(StoredQuery stored, String text, Integer rows) {
        int limit = rows == null ? 0 : Math.max(1, Math.min(1000, rows));
        Async.busy(status, tr.t("remote.sql.running"));
        try {
            var work = stored != null ? sql.executeStored(caller, serial, stored.id(), limit)
                    : sql.execute(caller, serial, text, limit);
            Async.then(tr, status, work, this::show);
        } catch (RuntimeException e) {
            Async.fail(tr, status, e);
        }
    }

    private void show(SqlResult r) {
        result.removeAllColumns();
        for (int i = 0; i < r.columns().size(); i++) {
            int column = i;
            result.addColumn(row -> column < row.size() ? row.get(column) : "").setHeader(r.columns().get(i))
                    .setAutoWidth(true);
        }
        result.setItems(r.rows());
        if (r.outcome() != Outcome.OK) {
            Async.fail(tr, status, new org.coffeecontrol.api.ConflictException(r.outcome() + ": " + r.message()));
        } else if (r.rowsAffected() != null) {
            Async.ok(status, tr.t("remote.sql.affected", r.rowsAffected(), r.durationMillis()));
        } else {
            Async.ok(status, tr.t(r.truncated() ? "remote.sql.truncated" : "remote.sql.rowsShown", r.rows().size(),
                    r.durationMillis()));
        }
    }
}
