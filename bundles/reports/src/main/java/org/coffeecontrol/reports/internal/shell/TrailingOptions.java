package org.coffeecontrol.reports.internal.shell;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.apache.karaf.shell.api.action.Option;
import org.coffeecontrol.api.ValidationException;

/**
 * Reads option tokens that Karaf's parser left as arguments (it reads options only before the first argument) into
 * the command's {@link Option} fields, by the same rules: {@code --name value} or {@code --name=value}, a boolean
 * option takes no value, a multi-valued option collects every occurrence.
 */
final class TrailingOptions {

    private TrailingOptions() {
    }

    static void apply(Object command, List<String> tokens) {
        Iterator<String> it = tokens.iterator();
        while (it.hasNext()) {
            String token = it.next();
            if (!token.startsWith("-")) {
                throw new ValidationException("arguments", "'" + token + "' is not an option; options start with --");
            }
            int eq = token.indexOf('=');
            String name = eq < 0 ? token : token.substring(0, eq);
            Field field = field(command.getClass(), name);
            Option option = field.getAnnotation(Option.class);
            Class<?> type = field.getType();
            String value;
            if (eq >= 0) {
                value = token.substring(eq + 1);
            } else if (type == boolean.class || type == Boolean.class) {
                value = "true";
            } else if (it.hasNext()) {
                value = it.next();
            } else {
                throw new ValidationException(option.name().replaceFirst("^-+", ""), "needs a value");
            }
            set(command, field, option, value);
        }
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                Option o = f.getAnnotation(Option.class);
                if (o != null && (o.name().equals(name) || Arrays.asList(o.aliases()).contains(name))) {
                    return f;
                }
            }
        }
        throw new ValidationException("arguments", "unknown option " + name);
    }

    @SuppressWarnings("unchecked")
    private static void set(Object command, Field field, Option option, String value) {
        String label = option.name().replaceFirst("^-+", "");
        try {
            field.setAccessible(true);
            if (option.multiValued()) {
                Class<?> element = (Class<?>) ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
                List<Object> list = (List<Object>) field.get(command);
                if (list == null) {
                    list = new ArrayList<>();
                    field.set(command, list);
                }
                list.add(convert(element, value, label));
            } else {
                field.set(command, convert(field.getType(), value, label));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object convert(Class<?> type, String value, String label) {
        try {
            if (type == String.class) {
                return value;
            } else if (type == int.class || type == Integer.class) {
                return Integer.valueOf(value.strip());
            } else if (type == long.class || type == Long.class) {
                return Long.valueOf(value.strip());
            } else if (type == boolean.class || type == Boolean.class) {
                return Boolean.valueOf(value.strip());
            }
        } catch (NumberFormatException e) {
            throw new ValidationException(label, "'" + value + "' is not a number");
        }
        throw new IllegalStateException("option type " + type + " not supported");
    }
}
