package org.coffeecontrol.ui.internal.tickets;

import java.util.function.Supplier;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.PriorityRule;
import org.coffeecontrol.ui.internal.catalog.EntityCombo;
import org.coffeecontrol.ui.internal.catalog.RecordForm;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.textfield.TextField;

/**
 * One priority rule of the operator queue (TKT-3). Field names are the record's, which are the names the ticket
 * service puts into its ValidationException, so a refusal lands on the field it is about. The client is chosen
 * among the clients the user sees.
 */
final class PriorityRuleForm extends RecordForm<PriorityRule> {
    private static final long serialVersionUID = 1L;

    private final TextField name;
    private final EntityCombo<Client> client;
    private final TextField category;
    private final TextField slaLevel;
    private final TextField minAge;
    private final TextField points;
    private Long id;
    /** The rule's client when the user may not see it: the combo cannot show it, saving must not drop it. */
    private Long hiddenClient;

    PriorityRuleForm(Tr tr, CatalogService catalog, Supplier<Caller> caller) {
        super(tr, "priority-rule");
        name = text("name", "field.name");
        points = text("points", "tickets.rules.points");
        points.setHelperText(tr.t("tickets.rules.pointsHelp"));
        client = field("clientId", new EntityCombo<>(tr.t("field.client"), q -> catalog.clients(caller.get(), q),
                cid -> catalog.client(caller.get(), cid), Client::id, Client::name));
        client.setPlaceholder(tr.t("tickets.rules.any"));
        category = text("category", "tickets.category");
        category.setPlaceholder(tr.t("tickets.rules.any"));
        slaLevel = text("slaLevel", "tickets.rules.sla");
        slaLevel.setPlaceholder(tr.t("tickets.rules.any"));
        minAge = text("minAgeMinutes", "tickets.rules.minAge");
        minAge.setPlaceholder(tr.t("tickets.rules.any"));
    }

    @Override
    public void read(PriorityRule r) {
        id = r == null ? null : r.id();
        name.setValue(r == null ? "" : show(r.name()));
        points.setValue(r == null ? "" : String.valueOf(r.points()));
        client.setValueId(r == null ? null : r.clientId());
        hiddenClient = r != null && r.clientId() != null && client.valueId() == null ? r.clientId() : null;
        category.setValue(r == null ? "" : show(r.category()));
        slaLevel.setValue(r == null ? "" : show(r.slaLevel()));
        minAge.setValue(r == null ? "" : show(r.minAgeMinutes()));
    }

    @Override
    public PriorityRule write() {
        String n = required(name, "name");
        Integer p = integer(points, "points");
        if (p == null) {
            throw new ValidationException("points", tr.t("validation.required"));
        }
        Long clientId = client.valueId();
        if (clientId == null && hiddenClient != null) {
            throw new ValidationException("clientId", tr.t("tickets.rules.hiddenClient"));
        }
        return new PriorityRule(id, n, clientId, value(category), value(slaLevel), integer(minAge, "minAgeMinutes"),
                p);
    }
}
