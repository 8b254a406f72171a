package org.coffeecontrol.ui.internal.monitoring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * Server push for the monitoring views: one daemon thread per open browser tab wakes every
 * {@link #PERIOD_SECONDS} and lets each attached component refresh itself inside {@link UI#access}, so the page
 * changes without a reload. Per tab rather than shared because the UI bundle owns no executor its views could reach
 * without a static singleton; the thread ends with the tab (UI detach).
 */
final class LiveTicker {
    private static final Logger LOG = LoggerFactory.getLogger(LiveTicker.class);
    static final int PERIOD_SECONDS = 5;

    private final ScheduledExecutorService executor;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private LiveTicker(UI ui) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ui-live-" + ui.getUIId());
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> tick(ui), PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
        ui.addDetachListener(e -> executor.shutdownNow());
    }

    /**
     * Calls {@code refresh} on every tick while {@code component} is attached; the first call comes one period
     * after attaching (the component renders its initial state itself).
     */
    static void whileAttached(Component component, Runnable refresh) {
        component.addAttachListener(attach -> {
            LiveTicker ticker = of(attach.getUI());
            ticker.listeners.add(refresh);
            Registration[] detach = new Registration[1];
            detach[0] = component.addDetachListener(d -> {
                ticker.listeners.remove(refresh);
                detach[0].remove();
            });
        });
    }

    private static LiveTicker of(UI ui) {
        LiveTicker t = ComponentUtil.getData(ui, LiveTicker.class);
        if (t == null) {
            t = new LiveTicker(ui);
            ComponentUtil.setData(ui, LiveTicker.class, t);
        }
        return t;
    }

    private void tick(UI ui) {
        if (listeners.isEmpty() || !ui.isAttached()) {
            return;
        }
        try {
            ui.access(() -> {
                for (Runnable r : listeners) {
                    try {
                        r.run();
                    } catch (RuntimeException e) {
                        // One view failing (e.g. monitoring restarting) must not stop the others' refresh.
                        LOG.debug("live refresh failed: {}", e.toString());
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("UI gone: {}", e.toString());
        }
    }
}
