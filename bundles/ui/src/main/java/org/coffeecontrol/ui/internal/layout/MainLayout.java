package org.coffeecontrol.ui.internal.layout;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.api.workspace.WorkspaceItem;
import org.coffeecontrol.api.workspace.WorkspaceService;
import org.coffeecontrol.ui.internal.i18n.Translations;
import org.coffeecontrol.ui.internal.i18n.UserLocale;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceSource;
import org.coffeecontrol.ui.internal.services.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.VaadinSession;

/**
 * The frame of every page after login: top bar (menu toggle, search, notifications, history, favourites, pin, user
 * menu) and the left menu. Records every opened view in the user's history.
 */
public class MainLayout extends AppLayout implements AfterNavigationObserver {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MainLayout.class);

    private final transient ServiceSource services;
    private final WorkspaceService workspace;
    private final UserService users;
    private final Button pin = new Button();
    private String currentLocation = "";
    private String currentTitle = "";

    public MainLayout(ServiceSource services, MenuRegistry menu, WorkspaceService workspace, CatalogService catalog,
            UserService users) {
        this.services = services;
        this.workspace = workspace;
        this.users = users;
        Caller caller = UiSession.require();

        DrawerToggle toggle = new DrawerToggle();
        toggle.setId("menu-toggle");
        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("brand");

        Button notifications = iconButton("btn-notifications", VaadinIcon.BELL, "notifications.title");
        NotificationsPanel notificationsPanel = new NotificationsPanel(services);
        notifications.addClickListener(e -> notificationsPanel.open());

        WorkspacePanel history = new WorkspacePanel("history", getTranslation("history.title"),
                () -> workspace.history(UiSession.require(), 50), this::reopen, null,
                () -> workspace.clearHistory(UiSession.require()));
        WorkspacePanel favourites = new WorkspacePanel("favourites", getTranslation("favourites.title"),
                () -> workspace.favourites(UiSession.require()), this::reopen,
                item -> workspace.unpin(UiSession.require(), item.location()), null);
        Button historyButton = iconButton("btn-history", VaadinIcon.CLOCK, "history.title");
        historyButton.addClickListener(e -> history.show());
        Button favouritesButton = iconButton("btn-favourites", VaadinIcon.STAR, "favourites.title");
        favouritesButton.addClickListener(e -> favourites.show());
        Shortcuts.addShortcutListener(this, history::show, Key.KEY_H, KeyModifier.CONTROL, KeyModifier.SHIFT);
        Shortcuts.addShortcutListener(this, favourites::show, Key.KEY_B, KeyModifier.CONTROL, KeyModifier.SHIFT);

        pin.setId("btn-pin");
        pin.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        pin.addClickListener(e -> togglePin());

        HorizontalLayout tools = new HorizontalLayout(notifications, notificationsPanel.badge(), historyButton, favouritesButton, pin,
                userMenu(caller));
        tools.setSpacing(false);
        tools.setAlignItems(FlexComponent.Alignment.CENTER);
        tools.addClassName("top-tools");

        GlobalSearch search = new GlobalSearch(catalog);
        HorizontalLayout bar = new HorizontalLayout(toggle, brand, search, tools);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(search);
        bar.addClassName("top-bar");
        addToNavbar(bar);
        addToDrawer(drawer(menu, caller));
        setPrimarySection(Section.DRAWER);
    }

    private SideNav drawer(MenuRegistry menu, Caller caller) {
        SideNav nav = new SideNav();
        nav.setId("menu");
        Map<MenuSection, List<MenuEntry>> visible = menu.visible(caller, services::isPresent);
        visible.forEach((section, entries) -> {
            if (section.labelKey() == null) {
                entries.forEach(e -> nav.addItem(item(e)));
                return;
            }
            SideNavItem group = new SideNavItem(getTranslation(section.labelKey()));
            group.setId("menu-" + section.name().toLowerCase(Locale.ROOT));
            group.setExpanded(true);
            entries.forEach(e -> group.addItem(item(e)));
            nav.addItem(group);
        });
        return nav;
    }

    private SideNavItem item(MenuEntry e) {
        SideNavItem item = new SideNavItem(getTranslation(e.labelKey()), e.route().isEmpty() ? "/" : e.route());
        item.setId("menu-" + e.id());
        return item;
    }

    private Component userMenu(Caller caller) {
        MenuBar bar = new MenuBar();
        bar.setId("user-menu");
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        Avatar avatar = new Avatar(caller.username());
        avatar.addClassName("user-avatar");
        MenuItem root = bar.addItem(avatar);
        root.setAriaLabel(caller.username());
        SubMenu sub = root.getSubMenu();
        MenuItem name = sub.addItem(caller.username());
        name.setEnabled(false);
        MenuItem language = sub.addItem(getTranslation("user.language"));
        language.setId("user-language");
        for (Locale locale : Translations.LOCALES) {
            MenuItem l = language.getSubMenu().addItem(getTranslation("language." + locale.getLanguage()),
                    e -> switchLanguage(locale));
            l.setId("lang-" + locale.getLanguage());
            l.setCheckable(true);
            l.setChecked(locale.getLanguage().equals(getLocale().getLanguage()));
        }
        MenuItem logout = sub.addItem(getTranslation("user.logout"), e -> logout());
        logout.setId("logout");
        return bar;
    }

    private Button iconButton(String id, VaadinIcon icon, String labelKey) {
        Button b = new Button(icon.create());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        b.setAriaLabel(getTranslation(labelKey));
        b.setTooltipText(getTranslation(labelKey));
        return b;
    }

    private void switchLanguage(Locale locale) {
        UserLocale.remember(users, UiSession.require(), locale);
        VaadinSession.getCurrent().setLocale(locale);
        // Every label was translated when its component was built: a reload rebuilds them all.
        UI.getCurrent().getPage().reload();
    }

    private void logout() {
        VaadinSession session = VaadinSession.getCurrent();
        UiSession.signOut(session);
        UI.getCurrent().getPage().setLocation("login");
        session.close();
    }

    private void reopen(WorkspaceItem item) {
        UI.getCurrent().navigate(route(item.location()));
    }

    /** The workspace stores the main page as {@code /}: it refuses an empty location. */
    static String stored(String path) {
        return path == null || path.isEmpty() ? "/" : path;
    }

    static String route(String stored) {
        return stored.startsWith("/") ? stored.substring(1) : stored;
    }

    private void togglePin() {
        Caller caller = UiSession.require();
        if (workspace.isPinned(caller, currentLocation)) {
            workspace.unpin(caller, currentLocation);
            Notification.show(getTranslation("favourites.unpinned", currentTitle));
        } else {
            workspace.pin(caller, currentLocation, currentTitle);
            Notification.show(getTranslation("favourites.pinned", currentTitle));
        }
        updatePin();
    }

    private void updatePin() {
        boolean pinned;
        try {
            pinned = workspace.isPinned(UiSession.require(), currentLocation);
        } catch (ServiceUnavailableException e) {
            pin.setEnabled(false);
            return;
        }
        pin.setEnabled(true);
        pin.setIcon((pinned ? VaadinIcon.BOOKMARK : VaadinIcon.BOOKMARK_O).create());
        String label = getTranslation(pinned ? "action.unpin" : "action.pin");
        pin.setAriaLabel(label);
        pin.setTooltipText(label);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        currentLocation = stored(event.getLocation().getPathWithQueryParameters());
        currentTitle = titleOf(event.getActiveChain());
        try {
            workspace.opened(UiSession.require(), currentLocation, currentTitle);
        } catch (ServiceUnavailableException | CoffeeException e) {
            // History is a convenience: a page must open even when it cannot be recorded.
            LOG.warn("Could not record {} in the history: {}", currentLocation, e.getMessage());
        }
        updatePin();
    }

    private String titleOf(List<HasElement> chain) {
        if (!chain.isEmpty() && chain.get(0) instanceof HasDynamicTitle t) {
            return t.getPageTitle();
        }
        return getTranslation("app.name");
    }
}
