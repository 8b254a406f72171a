package org.coffeecontrol.ui.internal.web;

import java.util.List;

import org.coffeecontrol.ui.internal.catalog.ClientsView;
import org.coffeecontrol.ui.internal.catalog.EquipmentView;
import org.coffeecontrol.ui.internal.catalog.ModelsView;
import org.coffeecontrol.ui.internal.catalog.PosView;
import org.coffeecontrol.ui.internal.catalog.RegionsView;
import org.coffeecontrol.ui.internal.remote.MachineRemoteView;
import org.coffeecontrol.ui.internal.remote.RecipeDriftView;
import org.coffeecontrol.ui.internal.monitoring.MachineDashboardView;
import org.coffeecontrol.ui.internal.monitoring.OverviewView;
import org.coffeecontrol.ui.internal.monitoring.PosMonitorView;
import org.coffeecontrol.ui.internal.tickets.sources.CompletenessView;
import org.coffeecontrol.ui.internal.tickets.sources.MailTriageView;
import org.coffeecontrol.ui.internal.service.DeferredSqlView;
import org.coffeecontrol.ui.internal.service.PromoDistributionView;
import org.coffeecontrol.ui.internal.reports.ChartsView;
import org.coffeecontrol.ui.internal.reports.ReportView;
import org.coffeecontrol.ui.internal.views.LoginView;
import org.coffeecontrol.ui.internal.views.MainView;
import org.coffeecontrol.ui.internal.tickets.AuditPlanView;
import org.coffeecontrol.ui.internal.tickets.DispatchView;
import org.coffeecontrol.ui.internal.tickets.MechanicsView;
import org.coffeecontrol.ui.internal.tickets.MyTicketsView;
import org.coffeecontrol.ui.internal.tickets.PriorityRulesView;
import org.coffeecontrol.ui.internal.tickets.TicketQueueView;
import org.coffeecontrol.ui.internal.tickets.TicketView;
import org.coffeecontrol.ui.internal.tickets.TicketsView;

import com.vaadin.flow.component.Component;

/** Every route of the UI. Listed by hand because the route registry cannot scan a bundle's class path. */
public final class Routes {

    public static final List<Class<? extends Component>> ALL = List.of(LoginView.class, MainView.class,
            ClientsView.class, RegionsView.class, ModelsView.class, PosView.class, EquipmentView.class,
            MachineRemoteView.class, RecipeDriftView.class,
            OverviewView.class, PosMonitorView.class, MachineDashboardView.class,
            TicketQueueView.class, DispatchView.class, MyTicketsView.class, TicketsView.class, TicketView.class,
            AuditPlanView.class, PriorityRulesView.class, MechanicsView.class,
            MailTriageView.class, CompletenessView.class, PromoDistributionView.class, DeferredSqlView.class,
            ReportView.class, ChartsView.class);

    private Routes() {
    }
}
