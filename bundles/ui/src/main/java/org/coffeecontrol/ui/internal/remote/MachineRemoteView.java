package org.coffeecontrol.ui.internal.remote;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.remote.api.MachineFileService;
import org.coffeecontrol.remote.api.MachineSqlService;
import org.coffeecontrol.remote.api.RecipeService;
import org.coffeecontrol.remote.api.RemoteControlService;
import org.coffeecontrol.remote.api.RemoteScreenService;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceProxies;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

/**
 * A machine's remote-control page, {@code machine/<equipment id>/remote}: tabs Commands, Recipes, SQL, Files and
 * Screen, each built when the page opens for what the caller may do (the services check every call again). The
 * monitoring dashboard links here. Element ids: {@code remote-title}, {@code remote-tabs}, {@code remote-tab-commands},
 * {@code remote-tab-recipes}, {@code remote-tab-sql}, {@code remote-tab-files}, {@code remote-tab-screen}; the tabs
 * document theirs.
 */
@Route(value = "machine/:" + MachineRemoteView.ID + "/remote", layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.TECH_SUPPORT })
public class MachineRemoteView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private static final long serialVersionUID = 1L;
    static final String ID = "id";

    private final transient CatalogService catalog;
    private final transient ServiceSource services;
    private String title;

    public MachineRemoteView(CatalogService catalog, ServiceSource services) {
        this.catalog = catalog;
        this.services = services;
        setSizeFull();
        title = getTranslation("remote.title", "");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Caller caller = UiSession.require();
        Equipment machine;
        EquipmentModel model;
        try {
            machine = catalog.equipment(caller, Long.parseLong(event.getRouteParameters().get(ID).orElse("")));
            model = catalog.model(caller, machine.modelId());
        } catch (NumberFormatException | NotFoundException e) {
            Notification.show(getTranslation("error.notFound"));
            event.forwardTo("equipment");
            return;
        }
        title = getTranslation("remote.title", machine.serialNumber());
        H2 heading = new H2(title);
        heading.setId("remote-title");
        Span info = new Span(model.name() + " · " + (machine.host() == null ? getTranslation("remote.noHost")
                : machine.host() + (machine.sshPort() == null ? "" : ":" + machine.sshPort())));
        add(heading, info);
        // by name: a class literal of the remote api would fail here when the remote bundle is not installed
        if (!services.isPresent("org.coffeecontrol.remote.api.RemoteControlService")) {
            add(new Span(getTranslation("error.serviceUnavailable", "RemoteControlService")));
            return;
        }
        Tr tr = this::getTranslation;
        String serial = machine.serialNumber();
        TabSheet tabs = new TabSheet();
        tabs.setId("remote-tabs");
        tabs.setWidthFull();
        tabs.add(tr.t("remote.tab.commands"), new CommandsTab(proxy(RemoteControlService.class), caller, serial, tr))
                .setId("remote-tab-commands");
        if (model.supportsRecipes()) {
            tabs.add(tr.t("remote.tab.recipes"), new RecipesTab(proxy(RecipeService.class), caller, serial, tr,
                    RemoteAccess.mayWriteRecipes(caller), RemoteAccess.mayEditCards(caller)))
                    .setId("remote-tab-recipes");
        }
        if (RemoteAccess.mayUseSql(caller)) {
            tabs.add(tr.t("remote.tab.sql"), new SqlTab(proxy(MachineSqlService.class), caller, serial, tr))
                    .setId("remote-tab-sql");
            tabs.add(tr.t("remote.tab.files"), new FilesTab(proxy(MachineFileService.class), caller, serial, tr))
                    .setId("remote-tab-files");
        }
        tabs.add(tr.t("remote.tab.screen"), new ScreenTab(proxy(RemoteScreenService.class), caller, serial, tr,
                RemoteAccess.mayEditScreen(caller))).setId("remote-tab-screen");
        add(tabs);
    }

    private <T> T proxy(Class<T> type) {
        return ServiceProxies.proxy(services, type);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
