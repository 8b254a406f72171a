package org.coffeecontrol.api.driver;

import java.util.Set;

/**
 * What promo images a family's screens show (RC-6): the platform checks an image against this before sending it
 * to any machine of the family, and puts it into {@code folder} of the machine's SFTP root.
 *
 * @param formats   accepted formats in lower case: {@code png}, {@code jpeg}, {@code gif}, {@code bmp}
 * @param maxBytes  largest file the machine takes
 * @param maxWidth  widest image in pixels (the screen's width)
 * @param maxHeight tallest image in pixels
 * @param folder    the folder of the machine's SFTP root its promo player reads, one plain name
 * @since 1.2
 */
public record PromoImageSpec(Set<String> formats, long maxBytes, int maxWidth, int maxHeight, String folder) {

    public PromoImageSpec {
        formats = Set.copyOf(formats);
        if (maxBytes <= 0 || maxWidth <= 0 || maxHeight <= 0) {
            throw new IllegalArgumentException("promo limits must be positive");
        }
        if (folder == null || !folder.matches("[A-Za-z0-9._-]+") || folder.matches("\\.+")) {
            throw new IllegalArgumentException("promo folder must be one plain folder name: " + folder);
        }
    }
}
