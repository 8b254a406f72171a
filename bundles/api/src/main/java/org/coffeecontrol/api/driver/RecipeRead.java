package org.coffeecontrol.api.driver;

import java.util.List;

/** What {@link RecipeDialect#parse} made of a machine's recipe listing: every recipe, or why not. */
public sealed interface RecipeRead {

    record Parsed(List<Recipe> recipes) implements RecipeRead {
        public Parsed {
            recipes = List.copyOf(recipes);
        }
    }

    /** @param reason what was wrong and where, e.g. {@code line 4: price is not a number} */
    record Rejected(String reason) implements RecipeRead {
    }
}
