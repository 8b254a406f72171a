package org.coffeecontrol.ui.internal.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.remote.api.PromoCampaign;
import org.coffeecontrol.remote.api.PromoDelivery;
import org.coffeecontrol.remote.api.PromoRequest;
import org.coffeecontrol.remote.api.PromoService;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceProxies;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;

/**
 * Promo distribution (RC-6): upload an image, pick recipients by client, region, point of sale or serial, send, and
 * follow the campaign live (server push: the progress bar and send log move as transfers finish); resend the failed
 * ones; export the log as CSV. Element ids: {@code promo-upload}, {@code promo-clients}, {@code promo-regions},
 * {@code promo-pos}, {@code promo-serials}, {@code promo-send}, {@code promo-status}, {@code promo-campaigns},
 * {@code promo-title}, {@code promo-progress}, {@code promo-progress-text}, {@code promo-resend},
 * {@code promo-export}, {@code promo-log}.
 */
@Route(value = "service/promo", layout = MainLayout.class)
@Allowed({ Role.TECH_SUPPORT })
public class PromoDistributionView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient PromoService promo;
    private final transient Caller caller = UiSession.require();
    private final Tr tr = this::getTranslation;
    private final MultiSelectComboBox<Client> clients = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<Region> regions = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<PointOfSale> pointsOfSale = new MultiSelectComboBox<>();
    private final TextField serials = new TextField();
    private final StatusLine status = new StatusLine("promo-status", tr);
    private final Grid<PromoCampaign> campaigns = new Grid<>();
    private final H3 title = new H3();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Button resend = new Button();
    private final Anchor export = new Anchor();
    private final Grid<PromoDelivery> log = new Grid<>();
    private byte[] image;
    private String fileName;
    private Long current;
    private transient AutoCloseable watching;

    public PromoDistributionView(CatalogService catalog, ServiceSource services) {
        this.promo = ServiceProxies.proxy(services, PromoService.class);
        setSizeFull();
        MemoryBuffer buffer = new MemoryBuffer();
        Upload upload = new Upload(buffer);
        upload.setId("promo-upload");
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", "image/bmp", ".png", ".jpg", ".jpeg",
                ".gif", ".bmp");
        upload.setMaxFileSize(10 * 1024 * 1024);
        upload.addSucceededListener(e -> {
            try {
                image = buffer.getInputStream().readAllBytes();
                fileName = e.getFileName();
                status.ok(tr.t("service.promo.ready", fileName, image.length));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        upload.addFileRejectedListener(e -> status.fail(
                new org.coffeecontrol.api.ValidationException("image", e.getErrorMessage())));
        clients.setId("promo-clients");
        clients.setLabel(tr.t("service.promo.clients"));
        clients.setItems(catalog.clients(caller, CatalogQuery.all()).items());
        clients.setItemLabelGenerator(Client::name);
        regions.setId("promo-regions");
        regions.setLabel(tr.t("service.promo.regions"));
        regions.setItems(catalog.regions(caller, CatalogQuery.all()).items());
        regions.setItemLabelGenerator(Region::name);
        pointsOfSale.setId("promo-pos");
        pointsOfSale.setLabel(tr.t("service.promo.pos"));
        pointsOfSale.setItems(catalog.pointsOfSale(caller, CatalogQuery.all()).items());
        pointsOfSale.setItemLabelGenerator(p -> p.code() == null ? p.name() : p.code() + " " + p.name());
        serials.setId("promo-serials");
        serials.setLabel(tr.t("service.promo.serials"));
        Button send = new Button(tr.t("service.promo.send"), e -> send());
        send.setId("promo-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout recipients = new HorizontalLayout(clients, regions, pointsOfSale, serials, send);
        recipients.setAlignItems(Alignment.BASELINE);
        recipients.setWrap(true);

        campaigns.setId("promo-campaigns");
        campaigns.addColumn(PromoCampaign::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        campaigns.addColumn(PromoCampaign::fileName).setHeader(tr.t("service.promo.file")).setAutoWidth(true);
        campaigns.addColumn(c -> c.createdAt() + " " + c.createdBy()).setHeader(tr.t("service.dsql.created"));
        campaigns.addColumn(PromoCampaign::recipients).setHeader(tr.t("service.promo.recipients")).setFlexGrow(1);
        campaigns.addColumn(this::summary).setHeader(tr.t("service.promo.progress")).setAutoWidth(true);
        campaigns.setHeight("12em");
        campaigns.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(c -> follow(c.id())));

        title.setId("promo-title");
        progress.setId("promo-progress");
        progressText.setId("promo-progress-text");
        resend.setText(tr.t("service.promo.resend"));
        resend.setId("promo-resend");
        resend.addClickListener(e -> resendFailed());
        export.setText(tr.t("service.promo.export"));
        export.setId("promo-export");
        export.getElement().setAttribute("download", true);
        HorizontalLayout actions = new HorizontalLayout(progressText, resend, export);
        actions.setAlignItems(Alignment.BASELINE);
        log.setId("promo-log");
        log.addColumn(PromoDelivery::serial).setHeader(tr.t("service.promo.machine")).setAutoWidth(true);
        log.addColumn(PromoDelivery::family).setHeader(tr.t("service.promo.family")).setAutoWidth(true);
        log.addColumn(d -> d.state().name()).setHeader(tr.t("service.dsql.state")).setAutoWidth(true);
        log.addColumn(PromoDelivery::attempts).setHeader(tr.t("service.promo.attempts")).setAutoWidth(true);
        log.addColumn(d -> d.durationMillis() == null ? "" : d.durationMillis() + " ms")
                .setHeader(tr.t("service.promo.duration")).setAutoWidth(true);
        log.addColumn(d -> d.message() == null ? "" : d.message()).setHeader(tr.t("service.dsql.message"))
                .setFlexGrow(1);
        add(new H2(getPageTitle()), new Span(tr.t("service.promo.explain")), upload, recipients, status, campaigns,
                title, progress, actions, log);
        expand(log);
        showDetails(false);
        refreshCampaigns();
    }

    private String summary(PromoCampaign c) {
        return tr.t("service.promo.summary", c.done(), c.total(), c.sent(), c.failed(), c.waiting());
    }

    private void send() {
        try {
            List<String> serialList = Arrays.stream(serials.getValue().split("[,;\\s]+")).filter(s -> !s.isBlank())
                    .toList();
            PromoCampaign c = promo.send(caller, new PromoRequest(fileName, image,
                    clients.getValue().stream().map(Client::id).toList(),
                    regions.getValue().stream().map(Region::id).toList(),
                    pointsOfSale.getValue().stream().map(PointOfSale::id).toList(), serialList));
            status.ok(tr.t("service.promo.started", c.id(), c.total()));
            refreshCampaigns();
            follow(c.id());
        } catch (RuntimeException e) {
            status.fail(e);
        }
    }

    private void refreshCampaigns() {
        try {
            campaigns.setItems(promo.campaigns(caller, 50));
        } catch (RuntimeException e) {
            status.fail(e);
        }
    }

    /** Shows one campaign and moves with it: every change is pushed from the service's thread into this UI. */
    private void follow(long id) {
        stopWatching();
        current = id;
        try {
            show(promo.campaign(caller, id));
            UI ui = UI.getCurrent();
            watching = promo.watch(caller, id, c -> ui.access(() -> {
                if (current != null && current == c.id()) {
                    show(c);
                }
            }));
            StreamResource csv = new StreamResource("promo-" + id + ".csv", () -> new ByteArrayInputStream(
                    promo.exportCsv(caller, id).getBytes(StandardCharsets.UTF_8)));
            csv.setContentType("text/csv");
            export.setHref(csv);
        } catch (RuntimeException e) {
            status.fail(e);
        }
    }

    private void show(PromoCampaign c) {
        showDetails(true);
        title.setText("#" + c.id() + " " + c.fileName() + " (" + c.format() + ", " + c.width() + "x" + c.height()
                + ", " + c.sizeBytes() + " B)");
        progress.setValue(c.total() == 0 ? 1 : (double) c.done() / c.total());
        progressText.setText(summary(c) + (c.running() ? " …" : ""));
        progressText.getElement().setAttribute("data-running", String.valueOf(c.running()));
        resend.setEnabled(!c.running() && (c.failed() > 0 || c.waiting() > 0));
        log.setItems(promo.deliveries(caller, c.id()));
    }

    private void resendFailed() {
        if (current == null) {
            return;
        }
        try {
            PromoCampaign c = promo.resendFailed(caller, current);
            status.ok(tr.t("service.promo.resent", c.pending()));
            show(c);
        } catch (RuntimeException e) {
            status.fail(e);
        }
    }

    private void showDetails(boolean visible) {
        title.setVisible(visible);
        progress.setVisible(visible);
        progressText.setVisible(visible);
        resend.setVisible(visible);
        export.setVisible(visible);
        log.setVisible(visible);
    }

    private void stopWatching() {
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception e) {
                // nothing held but the listener
            }
            watching = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent e) {
        stopWatching();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.promo");
    }
}
