package org.coffeecontrol.ui.internal.remote;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.driver.Recipe;
import org.coffeecontrol.api.driver.RecipeField;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.MachineRecipes;
import org.coffeecontrol.remote.api.RecipeCardEntry;
import org.coffeecontrol.remote.api.RecipeDeviation;
import org.coffeecontrol.remote.api.RecipeService;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;

/**
 * The machine's recipes (RC-2), read live, with the deviations from its client's card highlighted. Element ids:
 * {@code remote-recipes-read}, {@code remote-recipes-restore} (write the card back), {@code remote-recipes-adopt}
 * (make these recipes the client's card), {@code remote-recipes-status}, {@code remote-recipes} (grid), cells
 * {@code recipe-<slot>-<field>} with class {@code recipe-deviation} where the value deviates,
 * {@code recipe-edit-<slot>}; the edit dialog {@code recipe-dialog} with {@code recipe-field-<field>} and
 * {@code recipe-save}.
 */
final class RecipesTab extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient RecipeService recipes;
    private final transient Caller caller;
    private final String serial;
    private final Tr tr;
    private final boolean mayWrite;
    private final Span status = Async.status("remote-recipes-status");
    private final Grid<Recipe> grid = new Grid<>();
    private final Button restore;
    private final Button adopt;
    private transient MachineRecipes current;

    RecipesTab(RecipeService recipes, Caller caller, String serial, Tr tr, boolean mayWrite, boolean mayEditCard) {
        this.recipes = recipes;
        this.caller = caller;
        this.serial = serial;
        this.tr = tr;
        this.mayWrite = mayWrite;
        setPadding(false);
        Button read = new Button(tr.t("remote.recipes.read"), e -> read());
        read.setId("remote-recipes-read");
        read.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        restore = new Button(tr.t("remote.recipes.restore"), e -> restore());
        restore.setId("remote-recipes-restore");
        restore.setVisible(mayWrite);
        restore.setEnabled(false);
        adopt = new Button(tr.t("remote.recipes.adopt"), e -> adopt());
        adopt.setId("remote-recipes-adopt");
        adopt.setVisible(mayEditCard);
        adopt.setEnabled(false);
        grid.setId("remote-recipes");
        grid.setAllRowsVisible(true);
        add(new HorizontalLayout(read, restore, adopt), status, grid);
    }

    private void read() {
        Async.busy(status, tr.t("remote.recipes.reading"));
        try {
            Async.then(tr, status, recipes.read(caller, serial), r -> show(r, tr.t("remote.recipes.readDone",
                    r.recipes().size(), r.deviations().size())));
        } catch (RuntimeException e) {
            Async.fail(tr, status, e);
        }
    }

    private void show(MachineRecipes r, String message) {
        current = r;
        grid.removeAllColumns();
        grid.addColumn(Recipe::id).setHeader(tr.t("remote.recipes.slot")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Recipe::product).setHeader(tr.t("remote.recipes.product")).setAutoWidth(true);
        for (RecipeField f : r.fields()) {
            grid.addComponentColumn(recipe -> cell(recipe, f)).setHeader(f.label() + (f.unit().isEmpty() ? ""
                    : ", " + f.unit())).setAutoWidth(true);
        }
        if (mayWrite) {
            grid.addComponentColumn(recipe -> {
                Button edit = new Button(tr.t("remote.recipes.edit"), e -> edit(recipe));
                edit.setId("recipe-edit-" + recipe.id());
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
                return edit;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(r.recipes());
        restore.setEnabled(r.cardDefined() && !r.deviations().isEmpty());
        adopt.setEnabled(r.clientId() != null);
        String card = !r.cardDefined() ? tr.t("remote.recipes.noCard") : r.deviations().isEmpty()
                ? tr.t("remote.recipes.matchesCard") : tr.t("remote.recipes.deviates", r.deviations().size());
        Async.ok(status, message + " " + card);
    }

    private Span cell(Recipe recipe, RecipeField f) {
        BigDecimal v = recipe.values().get(f.key());
        Span s = new Span(v == null ? "–" : v.toPlainString());
        s.setId("recipe-" + recipe.id() + "-" + f.key());
        deviation(recipe, f).ifPresent(d -> {
            s.addClassName("recipe-deviation");
            s.getStyle().set("background", "var(--lumo-error-color-10pct)").set("color",
                    "var(--lumo-error-text-color)").set("font-weight", "bold").set("padding", "0 .3em");
            s.getElement().setAttribute("title", tr.t("remote.recipes.cardValue", d.approved().toPlainString(),
                    d.tolerance().toPlainString()));
        });
        return s;
    }

    private Optional<RecipeDeviation> deviation(Recipe recipe, RecipeField f) {
        return current.deviations().stream().filter(d -> d.recipeId().equals(recipe.id()) && d.field().equals(
                f.key())).findFirst();
    }

    /** The values with the field's range as helper text; checked here first and again by the service. */
    private void edit(Recipe recipe) {
        Dialog dialog = new Dialog();
        dialog.setId("recipe-dialog");
        dialog.setHeaderTitle(recipe.product());
        Map<String, BigDecimalField> fields = new LinkedHashMap<>();
        VerticalLayout form = new VerticalLayout();
        for (RecipeField f : current.fields()) {
            BigDecimalField input = new BigDecimalField(f.label() + (f.unit().isEmpty() ? "" : ", " + f.unit()));
            input.setId("recipe-field-" + f.key());
            input.setValue(recipe.values().get(f.key()));
            String card = deviation(recipe, f).map(d -> " · " + tr.t("remote.recipes.cardValue",
                    d.approved().toPlainString(), d.tolerance().toPlainString())).orElse("");
            input.setHelperText(f.min().toPlainString() + " … " + f.max().toPlainString() + card);
            fields.put(f.key(), input);
            form.add(input);
        }
        Button save = new Button(tr.t("remote.recipes.write"), e -> {
            Map<String, BigDecimal> changed = new LinkedHashMap<>();
            boolean valid = true;
            for (RecipeField f : current.fields()) {
                BigDecimalField input = fields.get(f.key());
                String refusal = f.refusal(input.getValue());
                input.setInvalid(refusal != null);
                input.setErrorMessage(refusal);
                valid &= refusal == null;
                if (refusal == null && input.getValue().compareTo(recipe.values().get(f.key())) != 0) {
                    changed.put(f.key(), input.getValue());
                }
            }
            if (!valid) {
                return;
            }
            if (changed.isEmpty()) {
                dialog.close();
                return;
            }
            write(dialog, fields, recipe, changed);
        });
        save.setId("recipe-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button(tr.t("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void write(Dialog dialog, Map<String, BigDecimalField> fields, Recipe recipe,
            Map<String, BigDecimal> changed) {
        try {
            var work = recipes.write(caller, serial, recipe.id(), changed);
            dialog.close();
            Async.busy(status, tr.t("remote.recipes.writing", recipe.product()));
            Async.then(tr, status, work, r -> show(r, tr.t("remote.recipes.written", recipe.product())));
        } catch (ValidationException e) {
            String key = e.field().startsWith("values.") ? e.field().substring("values.".length()) : null;
            BigDecimalField input = key == null ? null : fields.get(key);
            if (input != null) {
                input.setInvalid(true);
                input.setErrorMessage(e.detail());
            } else {
                Async.fail(tr, status, e);
            }
        }
    }

    private void restore() {
        Async.busy(status, tr.t("remote.recipes.restoring"));
        try {
            Async.then(tr, status, recipes.restoreCard(caller, serial), r -> show(r,
                    tr.t("remote.recipes.restored")));
        } catch (RuntimeException e) {
            Async.fail(tr, status, e);
        }
    }

    /** The machine's current values become its client's card: how a card is usually started. */
    private void adopt() {
        if (current == null || current.clientId() == null) {
            return;
        }
        try {
            long version = recipes.card(caller, current.clientId()).version();
            List<RecipeCardEntry> entries = RecipeCardEntry.of(current.recipes(), BigDecimal.ZERO);
            recipes.saveCard(caller, current.clientId(), entries, version);
            read();
        } catch (RuntimeException e) {
            Async.fail(tr, status, e);
        }
    }
}
