package org.coffeecontrol.ui.internal.tickets;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.tickets.api.Mechanic;
import org.coffeecontrol.ui.internal.catalog.RecordForm;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A mechanic's card (TKT-4): where he starts from, when he works and how many open tickets make him busy. Field
 * names are the record's, as the dispatch service names them in its ValidationException.
 */
final class MechanicForm extends RecordForm<Mechanic> {
    private static final long serialVersionUID = 1L;

    private final TextField displayName;
    private final TextField latitude;
    private final TextField longitude;
    private final CheckboxGroup<DayOfWeek> workDays;
    private final TextField workStart;
    private final TextField workEnd;
    private final TextField maxOpen;
    private final Checkbox active;
    private String username;

    MechanicForm(Tr tr, Locale locale) {
        super(tr, "mechanic");
        displayName = text("displayName", "tickets.mechanics.displayName");
        maxOpen = text("maxOpen", "tickets.mechanics.maxOpen");
        maxOpen.setHelperText(tr.t("tickets.mechanics.maxOpenHelp"));
        latitude = text("homeLatitude", "tickets.mechanics.homeLatitude");
        longitude = text("homeLongitude", "tickets.mechanics.homeLongitude");
        workStart = text("workStart", "tickets.mechanics.workStart");
        workStart.setPlaceholder("08:00");
        workEnd = text("workEnd", "tickets.mechanics.workEnd");
        workEnd.setPlaceholder("20:00");
        workDays = field("workDays", new CheckboxGroup<>(tr.t("tickets.mechanics.workDays")));
        workDays.setItems(DayOfWeek.values());
        workDays.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.SHORT, locale));
        workDays.setHelperText(tr.t("tickets.mechanics.workDaysHelp"));
        setColspan(workDays, 2);
        active = field("active", new Checkbox(tr.t("tickets.mechanics.active")));
    }

    @Override
    public void read(Mechanic m) {
        username = m.username();
        displayName.setValue(show(m.displayName()));
        latitude.setValue(show(m.homeLatitude()));
        longitude.setValue(show(m.homeLongitude()));
        workDays.setValue(m.workDays());
        workStart.setValue(show(m.workStart()));
        workEnd.setValue(show(m.workEnd()));
        maxOpen.setValue(String.valueOf(m.maxOpen()));
        active.setValue(m.active());
    }

    @Override
    public Mechanic write() {
        Integer limit = integer(maxOpen, "maxOpen");
        if (limit == null) {
            throw new ValidationException("maxOpen", tr.t("validation.required"));
        }
        return new Mechanic(username, value(displayName), decimal(latitude, "homeLatitude"),
                decimal(longitude, "homeLongitude"), workDays.getValue(), time(workStart, "workStart"),
                time(workEnd, "workEnd"), limit, active.getValue());
    }

    private LocalTime time(TextField f, String name) {
        String v = value(f);
        try {
            return v == null ? null : LocalTime.parse(v.length() == 4 ? "0" + v : v);
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, tr.t("validation.time"));
        }
    }
}
