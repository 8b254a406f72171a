package org.coffeecontrol.ui.internal.layout;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.coffeecontrol.api.workspace.WorkspaceItem;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The History (COL-2) and Favourites (COL-3) panels: a list of places the user can jump back to with one click.
 * The list is read fresh each time the panel opens.
 */
final class WorkspacePanel extends Dialog {
    private static final long serialVersionUID = 1L;

    private final VerticalLayout list = new VerticalLayout();
    private final Supplier<List<WorkspaceItem>> items;
    private final Consumer<WorkspaceItem> open;
    private final Consumer<WorkspaceItem> remove;
    private final String idPrefix;

    /**
     * @param remove called by the per-row remove button; null for no such button
     * @param clear  called by the footer's clear button; null for no such button
     */
    WorkspacePanel(String idPrefix, String title, Supplier<List<WorkspaceItem>> items, Consumer<WorkspaceItem> open,
            Consumer<WorkspaceItem> remove, Runnable clear) {
        this.idPrefix = idPrefix;
        this.items = items;
        this.open = open;
        this.remove = remove;
        setId(idPrefix + "-panel");
        setHeaderTitle(title);
        setWidth("min(480px, 100vw)");
        list.setPadding(false);
        list.setSpacing(false);
        add(list);
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId(idPrefix + "-close");
        if (clear != null) {
            Button clearButton = new Button(getTranslation("action.clear"), e -> {
                clear.run();
                refresh();
            });
            clearButton.setId(idPrefix + "-clear");
            getFooter().add(clearButton);
        }
        getFooter().add(close);
    }

    void show() {
        refresh();
        open();
    }

    private void refresh() {
        list.removeAll();
        List<WorkspaceItem> current = items.get();
        if (current.isEmpty()) {
            list.add(new Span(getTranslation("panel.empty")));
            return;
        }
        DateTimeFormatter fmt = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        for (WorkspaceItem item : current) {
            Button link = new Button(item.title(), e -> {
                close();
                open.accept(item);
            });
            link.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            link.setId(idPrefix + "-item-" + item.id());
            Span when = new Span(item.at() == null ? "" : fmt.format(item.at()));
            when.addClassName("workspace-time");
            HorizontalLayout row = new HorizontalLayout(link, when);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            row.setWidthFull();
            row.expand(link);
            if (remove != null) {
                Button x = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                    remove.accept(item);
                    refresh();
                });
                x.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                x.setAriaLabel(getTranslation("action.unpin"));
                row.add(x);
            }
            list.add(row);
        }
    }
}
