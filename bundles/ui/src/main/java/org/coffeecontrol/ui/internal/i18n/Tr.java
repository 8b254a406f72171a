package org.coffeecontrol.ui.internal.i18n;

import java.io.Serializable;

/**
 * Translates a message key for the current user. Forms take one instead of calling
 * {@code Component.getTranslation} so that they can be built and tested without a running Vaadin service.
 */
@FunctionalInterface
public interface Tr extends Serializable {

    String t(String key, Object... params);
}
