package org.coffeecontrol.ui.internal.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.monitoring.api.MachineState;
import org.coffeecontrol.monitoring.api.MonitoringService;
import org.coffeecontrol.monitoring.api.ProblemQuery;
import org.coffeecontrol.monitoring.api.Scope;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;

/**
 * The KPI dashboard of the home page (MON-9): machines online, open problems, drinks today against the same weekday
 * last week, uptime this month; for the clients the user may see, refreshed by server push.
 * <p>
 * Element ids: {@code kpi-online}, {@code kpi-problems}, {@code kpi-drinks-today}, {@code kpi-drinks-last-week},
 * {@code kpi-uptime-month}.
 */
@StyleSheet("context://coffee/monitoring.css")
public final class KpiDashboard extends Div {
    private static final long serialVersionUID = 1L;

    private final transient MonitoringService monitoring;
    private final Span online = figure("kpi-online");
    private final Span onlineSub = new Span();
    private final Span problems = figure("kpi-problems");
    private final Span drinks = figure("kpi-drinks-today");
    private final Span lastWeek = new Span();
    private final Span uptime = figure("kpi-uptime-month");

    public KpiDashboard(ServiceSource services) {
        this.monitoring = Monitoring.service(services);
        setId("kpi-dashboard");
        addClassName("kpi-row");
        lastWeek.setId("kpi-drinks-last-week");
        add(card("mon.kpi.online", online, onlineSub), card("mon.kpi.problems", problems, new Span()),
                card("mon.kpi.drinks", drinks, lastWeek), card("mon.kpi.uptime", uptime, new Span()));
        refresh();
        LiveTicker.whileAttached(this, this::refresh);
    }

    private static Span figure(String id) {
        Span s = new Span();
        s.setId(id);
        s.addClassName("mon-figure");
        return s;
    }

    private Div card(String titleKey, Span figure, Span sub) {
        sub.addClassName("mon-sub");
        Div card = new Div(new H4(getTranslation(titleKey)), new Div(figure), new Div(sub));
        card.addClassName("mon-card");
        return card;
    }

    private void refresh() {
        Caller caller = UiSession.require();
        List<MachineState> machines = monitoring.machines(caller, null);
        long on = machines.stream().filter(MachineState::online).count();
        online.setText(Long.toString(on));
        onlineSub.setText(getTranslation("mon.kpi.ofMachines", machines.size()));
        problems.setText(Long.toString(monitoring.problems(caller,
                new ProblemQuery(null, null, null, true, PageRequest.first(1))).total()));
        LocalDate today = LocalDate.now(monitoring.zone());
        long todayCount = monitoring.drinks(caller, Scope.fleet(), today, today).total();
        LocalDate weekAgo = today.minusWeeks(1);
        long then = monitoring.drinks(caller, Scope.fleet(), weekAgo, weekAgo).total();
        drinks.setText(Long.toString(todayCount));
        String change = then == 0 ? "" : String.format(Locale.ROOT, " (%+.0f %%)", 100.0 * (todayCount - then) / then);
        lastWeek.setText(getTranslation("mon.kpi.lastWeek", then) + change);
        uptime.setText(OverviewView.percent(monitoring.uptime(caller, Scope.fleet(), today.withDayOfMonth(1), today)
                .percent()));
    }
}
