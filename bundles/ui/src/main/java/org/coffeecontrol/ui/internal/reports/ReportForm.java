package org.coffeecontrol.ui.internal.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.reports.api.FilterKind;
import org.coffeecontrol.reports.api.Grouping;
import org.coffeecontrol.reports.api.PeriodKind;
import org.coffeecontrol.reports.api.Periodicity;
import org.coffeecontrol.reports.api.ReportDefinition;
import org.coffeecontrol.reports.api.ReportFilter;
import org.coffeecontrol.reports.api.ReportRequest;
import org.coffeecontrol.reports.api.ReportService;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The request part of a report page, built from the report's definition: its kind of period, the filters it takes
 * (offering only what the caller may see, because the lists come from the services with the caller), ordered
 * grouping levels, periodicity and "periodicity horizontal", and its own options. A request the service refuses
 * comes back here: {@link #show(ValidationException)} marks the field it names.
 * <p>
 * Element ids: {@code report-from}, {@code report-to}, {@code report-compare-from}, {@code report-compare-to},
 * {@code report-asof}, {@code report-filter-<kind>} (client, region, pos, equipment, product, sensor),
 * {@code report-group-<n>} (1 = outermost), {@code report-periodicity}, {@code report-horizontal},
 * {@code report-option-<key>}.
 */
final class ReportForm extends FlexLayout {
    private static final long serialVersionUID = 1L;

    private final ReportDefinition definition;
    private final transient Supplier<Caller> caller;
    private final transient CatalogService catalog;
    private final Tr tr;

    private DatePicker from;
    private DatePicker to;
    private DatePicker compareFrom;
    private DatePicker compareTo;
    private final Map<FilterKind, MultiSelectComboBox<?>> filters = new LinkedHashMap<>();
    private final List<Select<Grouping>> groups = new ArrayList<>();
    private Select<Periodicity> periodicity;
    private Checkbox horizontal;
    private final Map<String, TextField> options = new LinkedHashMap<>();
    /** Request field names of ValidationException → the component showing that field. */
    private final Map<String, Component> byRequestField = new HashMap<>();

    /**
     * @param layoutFixed true when the page decides groupings and layout itself (a chart): only period,
     *                    periodicity, filters and options are offered
     */
    ReportForm(ReportDefinition definition, ReportService reports, CatalogService catalog, Supplier<Caller> caller,
            Tr tr, LocalDate today, boolean layoutFixed) {
        this.definition = definition;
        this.catalog = catalog;
        this.caller = caller;
        this.tr = tr;
        setId("report-form");
        addClassName("report-filters");
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWidthFull();
        period(today);
        for (FilterKind kind : FilterKind.values()) {
            if (definition.filters().contains(kind)) {
                filter(kind, reports);
            }
        }
        groupings(layoutFixed);
        definition.options().forEach((key, description) -> {
            TextField f = new TextField(key);
            f.setId("report-option-" + key);
            f.setHelperText(description);
            options.put(key, f);
            byRequestField.put("options." + key, f);
            add(f);
        });
    }

    private void period(LocalDate today) {
        if (definition.periodKind() == PeriodKind.AS_OF) {
            to = date("report-asof", "report.asOf", today);
            byRequestField.put("to", to);
            add(to);
            return;
        }
        // A fresh page covers the month so far: what an operator looks at first.
        from = date("report-from", "report.from", today.withDayOfMonth(1));
        to = date("report-to", "report.to", today);
        byRequestField.put("from", from);
        byRequestField.put("to", to);
        add(from, to);
        if (definition.periodKind() == PeriodKind.TWO_RANGES) {
            LocalDate prevEnd = today.withDayOfMonth(1).minusDays(1);
            compareFrom = date("report-compare-from", "report.compareFrom", prevEnd.withDayOfMonth(1));
            compareTo = date("report-compare-to", "report.compareTo", prevEnd);
            byRequestField.put("compareFrom", compareFrom);
            byRequestField.put("compareTo", compareTo);
            add(compareFrom, compareTo);
        }
    }

    private DatePicker date(String id, String labelKey, LocalDate value) {
        DatePicker d = new DatePicker(tr.t(labelKey), value);
        d.setId(id);
        d.setRequired(true);
        // ISO dates whatever the language: unambiguous in a report, and what the export writes.
        d.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
        return d;
    }

    private void filter(FilterKind kind, ReportService reports) {
        MultiSelectComboBox<?> box = switch (kind) {
            case CLIENT -> catalogBox(q -> catalog.clients(caller.get(), q).items(), Client::name);
            case REGION -> catalogBox(q -> catalog.regions(caller.get(), q).items(), Region::name);
            case POS -> catalogBox(q -> catalog.pointsOfSale(caller.get(), withSelectedClient(q)).items(),
                    PointOfSale::name);
            case EQUIPMENT -> catalogBox(q -> catalog.equipment(caller.get(), withSelectedClient(q)).items(),
                    Equipment::serialNumber);
            case PRODUCT -> namesBox(reports.products(caller.get()));
            case SENSOR -> namesBox(reports.sensors(caller.get()));
        };
        String name = kind.name().toLowerCase(Locale.ROOT);
        box.setLabel(tr.t("report.filter." + name));
        box.setId("report-filter-" + name);
        box.setClearButtonVisible(true);
        filters.put(kind, box);
        byRequestField.put("filter." + name, box);
        add(box);
    }

    /**
     * A multi-select over a catalogue the service pages through as the user types; with one client chosen, the POS
     * and equipment lists narrow to it.
     */
    private <T> MultiSelectComboBox<T> catalogBox(java.util.function.Function<CatalogQuery, List<T>> fetch,
            com.vaadin.flow.component.ItemLabelGenerator<T> label) {
        MultiSelectComboBox<T> box = new MultiSelectComboBox<>();
        box.setItemLabelGenerator(label);
        box.setItems(q -> fetch.apply(new CatalogQuery(q.getFilter().orElse(null), null, null, null, null,
                new PageRequest(q.getOffset(), q.getLimit()))).stream());
        return box;
    }

    private MultiSelectComboBox<String> namesBox(List<String> names) {
        MultiSelectComboBox<String> box = new MultiSelectComboBox<>();
        box.setItems(names);
        return box;
    }

    private CatalogQuery withSelectedClient(CatalogQuery q) {
        Set<Long> clients = ids(FilterKind.CLIENT);
        Long client = clients.size() == 1 ? clients.iterator().next() : null;
        return new CatalogQuery(q.text(), client, q.regionId(), q.posId(), q.modelId(), q.page());
    }

    private void groupings(boolean layoutFixed) {
        List<Grouping> offered = definition.groupings();
        if (!offered.isEmpty() && !layoutFixed) {
            List<Grouping> defaults = definition.defaultGroupings();
            for (int i = 0; i < offered.size(); i++) {
                Select<Grouping> level = new Select<>();
                level.setLabel(tr.t(i == 0 ? "report.groupBy" : "report.thenBy"));
                level.setId("report-group-" + (i + 1));
                level.setItems(offered);
                level.setEmptySelectionAllowed(true);
                level.setEmptySelectionCaption(tr.t("report.group.none"));
                level.setItemLabelGenerator(g -> g == null ? tr.t("report.group.none")
                        : tr.t("report.group." + g.name()));
                if (i < defaults.size()) {
                    level.setValue(defaults.get(i));
                }
                groups.add(level);
                add(level);
            }
            byRequestField.put("groupings", groups.get(0));
        }
        if (!definition.periodicities().isEmpty()) {
            periodicity = new Select<>();
            periodicity.setLabel(tr.t("report.periodicity"));
            periodicity.setId("report-periodicity");
            List<Periodicity> sizes = List.of(Periodicity.values()).stream()
                    .filter(definition.periodicities()::contains).toList();
            periodicity.setItems(sizes);
            periodicity.setItemLabelGenerator(p -> tr.t("report.periodicity." + p.name()));
            periodicity.setValue(sizes.contains(Periodicity.DAY) ? Periodicity.DAY : sizes.get(0));
            byRequestField.put("periodicity", periodicity);
            add(periodicity);
        }
        if (definition.horizontal() && !layoutFixed) {
            horizontal = new Checkbox(tr.t("report.horizontal"));
            horizontal.setId("report-horizontal");
            byRequestField.put("horizontal", horizontal);
            add(horizontal);
        }
    }

    /** The request as the form stands; checks nothing the service checks anyway. */
    ReportRequest request() {
        clearErrors();
        List<Grouping> levels = groups.stream().map(Select::getValue).filter(g -> g != null).distinct().toList();
        Map<String, String> opts = new LinkedHashMap<>();
        options.forEach((k, f) -> {
            if (!f.getValue().isBlank()) {
                opts.put(k, f.getValue().trim());
            }
        });
        ReportFilter filter = new ReportFilter(ids(FilterKind.CLIENT), ids(FilterKind.REGION), ids(FilterKind.POS),
                ids(FilterKind.EQUIPMENT), names(FilterKind.PRODUCT), names(FilterKind.SENSOR));
        return new ReportRequest(definition.id(), from == null ? null : from.getValue(), to.getValue(),
                compareFrom == null ? null : compareFrom.getValue(), compareTo == null ? null : compareTo.getValue(),
                filter, levels, periodicity == null ? null : periodicity.getValue(),
                horizontal != null && horizontal.getValue(), opts);
    }

    /** Marks the field the service complained about; false when the form has no such field. */
    boolean show(ValidationException e) {
        Component c = byRequestField.get(e.field());
        if (c instanceof HasValidation v) {
            v.setErrorMessage(e.detail());
            v.setInvalid(true);
            return true;
        }
        return false;
    }

    private void clearErrors() {
        byRequestField.values().forEach(c -> {
            if (c instanceof HasValidation v) {
                v.setInvalid(false);
            }
        });
    }

    private Set<Long> ids(FilterKind kind) {
        MultiSelectComboBox<?> box = filters.get(kind);
        if (box == null) {
            return Set.of();
        }
        return box.getSelectedItems().stream().map(ReportForm::idOf).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Set<String> names(FilterKind kind) {
        MultiSelectComboBox<?> box = filters.get(kind);
        if (box == null) {
            return Set.of();
        }
        return box.getSelectedItems().stream().map(String::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Long idOf(Object item) {
        if (item instanceof Client c) {
            return c.id();
        }
        if (item instanceof Region r) {
            return r.id();
        }
        if (item instanceof PointOfSale p) {
            return p.id();
        }
        if (item instanceof Equipment e) {
            return e.id();
        }
        throw new IllegalArgumentException("not a catalogue record: " + item);
    }
}
