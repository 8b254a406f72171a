package org.coffeecontrol.ui.internal.web;

import org.coffeecontrol.ui.internal.monitoring.OverviewMarkersHandler;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;

/**
 * Page-level settings: push for live notifications, the CSS-only theme, a viewport that suits phones; the overview's
 * page asks for its markers from its head.
 */
@Push
@Theme("coffee")
@Viewport("width=device-width, initial-scale=1")
public class AppShell implements AppShellConfigurator {
    private static final long serialVersionUID = 1L;

    @Override
    public void configurePage(AppShellSettings settings) {
        OverviewMarkersHandler.requestEarly(settings);
    }
}
