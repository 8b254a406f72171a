package org.coffeecontrol.ui.internal.remote;

import java.util.stream.Collectors;

import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.remote.api.MachineDrift;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.RecipeService;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceProxies;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

/**
 * Fleet-wide recipe drift check (RC-2, the manual's "coffee overuse" trigger): reads every machine of the clients
 * that have an approved recipe card and lists the deviating and unreadable ones, with one action per machine to bring
 * it back to the card. Element ids: {@code drift-client}, {@code drift-check}, {@code drift-status},
 * {@code drift-results}, {@code drift-open-<serial>}, {@code drift-restore-<serial>}.
 */
@Route(value = "service/recipe-drift", layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.TECH_SUPPORT })
public class RecipeDriftView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient RecipeService recipes;
    private final transient CatalogService catalog;
    private final transient Caller caller = UiSession.require();
    private final Tr tr = this::getTranslation;
    private final Span status = Async.status("drift-status");
    private final Grid<MachineDrift> grid = new Grid<>();
    private final ComboBox<Client> client = new ComboBox<>();

    public RecipeDriftView(CatalogService catalog, ServiceSource services) {
        this.catalog = catalog;
        this.recipes = ServiceProxies.proxy(services, RecipeService.class);
        setSizeFull();
        client.setId("drift-client");
        client.setLabel(tr.t("remote.drift.client"));
        client.setPlaceholder(tr.t("remote.drift.allClients"));
        client.setClearButtonVisible(true);
        client.setItems(catalog.clients(caller, CatalogQuery.all()).items());
        client.setItemLabelGenerator(Client::name);
        Button check = new Button(tr.t("remote.drift.check"), e -> check());
        check.setId("drift-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(client, check);
        bar.setAlignItems(Alignment.BASELINE);
        grid.setId("drift-results");
        grid.addComponentColumn(this::open).setHeader(tr.t("remote.drift.machine")).setAutoWidth(true);
        grid.addColumn(MachineDrift::model).setHeader(tr.t("remote.drift.model")).setAutoWidth(true);
        grid.addColumn(this::state).setHeader(tr.t("remote.drift.state")).setFlexGrow(1);
        grid.addComponentColumn(this::restoreButton).setAutoWidth(true).setFlexGrow(0);
        add(new H2(getPageTitle()), new Span(tr.t("remote.drift.explain")), bar, status, grid);
        expand(grid);
    }

    private void check() {
        Async.busy(status, tr.t("remote.drift.checking"));
        try {
            Client c = client.getValue();
            Async.then(tr, status, recipes.drift(caller, c == null ? null : c.id()), report -> {
                grid.setItems(report.machines());
                Async.ok(status, tr.t("remote.drift.done", report.checked(), report.machines().size()));
            });
        } catch (RuntimeException e) {
            Async.fail(tr, status, e);
        }
    }

    private String state(MachineDrift d) {
        if (d.outcome() != Outcome.OK) {
            return d.outcome() + ": " + d.message();
        }
        return d.deviations().stream().map(x -> x.product() + " " + x.field() + " " + x.actual().toPlainString()
                + " (" + x.approved().toPlainString() + ")").collect(Collectors.joining("; "));
    }

    private Component open(MachineDrift d) {
        Button b = new Button(d.serial(), e -> UI.getCurrent().navigate("machine/" + d.equipmentId() + "/remote"));
        b.setId("drift-open-" + d.serial());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return b;
    }

    private Component restoreButton(MachineDrift d) {
        Button b = new Button(tr.t("remote.recipes.restore"));
        b.setId("drift-restore-" + d.serial());
        b.setVisible(d.outcome() == Outcome.OK && !d.deviations().isEmpty() && RemoteAccess.mayWriteRecipes(caller));
        b.addClickListener(e -> {
            b.setEnabled(false);
            Async.busy(status, tr.t("remote.recipes.restoring"));
            try {
                Async.then(tr, status, recipes.restoreCard(caller, d.serial()), r -> {
                    Async.ok(status, d.serial() + ": " + tr.t("remote.recipes.restored"));
                    b.setText(tr.t("remote.drift.restored"));
                });
            } catch (RuntimeException ex) {
                Async.fail(tr, status, ex);
            }
        });
        return b;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.recipeDrift");
    }
}
