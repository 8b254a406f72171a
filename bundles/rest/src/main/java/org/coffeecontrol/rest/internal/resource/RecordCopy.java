package org.coffeecontrol.rest.internal.resource;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

import org.coffeecontrol.api.ValidationException;

/**
 * A copy of a record with some components replaced: "the id in the path wins" for every catalogue type without a
 * hand-written wither per record.
 */
public final class RecordCopy {

    private RecordCopy() {
    }

    /** @throws ValidationException naming {@code body} when there is no record: the request had no body */
    public static <R extends Record> R with(R record, Map<String, ?> replacements) {
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) RequestBody.required(record).getClass();
        RecordComponent[] components = type.getRecordComponents();
        for (String name : replacements.keySet()) {
            if (Arrays.stream(components).noneMatch(c -> c.getName().equals(name))) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no component " + name);
            }
        }
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                values[i] = replacements.containsKey(c.getName()) ? replacements.get(c.getName())
                        : c.getAccessor().invoke(record);
            }
            Constructor<R> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + type.getName(), e);
        }
    }
}
