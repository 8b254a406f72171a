package org.coffeecontrol.rest.internal.openapi;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * JSON schemas of Java types, as Jackson writes them with our {@code JsonMapping}: records by their components,
 * beans by their getters, java.time as ISO strings. Named types become components and are referenced; generic types
 * get one component per parameterisation ({@code Page<Client>} is {@code PageOfClient}).
 */
final class Schemas {

    private static final String REF_PREFIX = "#/components/schemas/";

    /** component name by the full type name it was generated for */
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Object> components = new TreeMap<>();

    /** The {@code components.schemas} object: every named schema referenced so far. */
    Map<String, Object> components() {
        return components;
    }

    Map<String, Object> schemaOf(Type type) {
        Type t = substitute(type, Map.of());
        if (t instanceof ParameterizedType p) {
            return parameterized(p);
        }
        if (t instanceof GenericArrayType g) {
            return array(schemaOf(g.getGenericComponentType()));
        }
        return plain((Class<?>) t);
    }

    /** Whether the type carries no information for a schema, e.g. {@code Response} or {@code Object}. */
    static boolean isOpaque(Type type) {
        Class<?> raw = rawClass(type);
        return raw == Object.class || raw.getName().startsWith("javax.ws.rs.");
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            return java.lang.reflect.Array.newInstance(rawClass(g.getGenericComponentType()), 0).getClass();
        }
        return Object.class;
    }

    private Map<String, Object> parameterized(ParameterizedType p) {
        Class<?> raw = (Class<?>) p.getRawType();
        Type[] args = p.getActualTypeArguments();
        if (raw == Optional.class || CompletionStage.class.isAssignableFrom(raw)) {
            return schemaOf(args[0]);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return array(schemaOf(args[0]));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return map(schemaOf(args[1]));
        }
        if (isScalarOrContainer(raw)) {
            return plain(raw);
        }
        return reference(p, raw, bindings(raw, args));
    }

    private Map<String, Object> plain(Class<?> c) {
        Map<String, Object> scalar = scalar(c);
        if (scalar != null) {
            return scalar;
        }
        if (c.isArray()) {
            return array(schemaOf(c.getComponentType()));
        }
        if (c.isEnum()) {
            List<String> values = Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            return schema("type", "string", "enum", values);
        }
        if (Collection.class.isAssignableFrom(c)) {
            return array(new LinkedHashMap<>());
        }
        if (Map.class.isAssignableFrom(c)) {
            return map(new LinkedHashMap<>());
        }
        if (c == Object.class || c.isInterface() || c.getName().startsWith("java.")) {
            // nothing to say about its shape: any JSON value
            return new LinkedHashMap<>();
        }
        return reference(c, c, Map.of());
    }

    private static boolean isScalarOrContainer(Class<?> c) {
        return scalar(c) != null || c.getName().startsWith("java.");
    }

    private static Map<String, Object> scalar(Class<?> c) {
        if (c == String.class || c == char.class || c == Character.class || CharSequence.class.isAssignableFrom(c)) {
            return schema("type", "string");
        }
        if (c == boolean.class || c == Boolean.class) {
            return schema("type", "boolean");
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class || c == byte.class
                || c == Byte.class) {
            return schema("type", "integer", "format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return schema("type", "integer", "format", "int64");
        }
        if (c == BigInteger.class) {
            return schema("type", "integer");
        }
        if (c == float.class || c == Float.class) {
            return schema("type", "number", "format", "float");
        }
        if (c == double.class || c == Double.class) {
            return schema("type", "number", "format", "double");
        }
        if (c == BigDecimal.class || c == Number.class) {
            return schema("type", "number");
        }
        if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class || c == Date.class) {
            return schema("type", "string", "format", "date-time");
        }
        if (c == LocalDate.class) {
            return schema("type", "string", "format", "date");
        }
        if (c == LocalDateTime.class) {
            return schema("type", "string", "example", "2024-05-31T08:15:00");
        }
        if (c == LocalTime.class) {
            return schema("type", "string", "example", "08:15:00");
        }
        if (c == Duration.class) {
            return schema("type", "string", "example", "PT15M");
        }
        if (c == UUID.class) {
            return schema("type", "string", "format", "uuid");
        }
        if (c == URI.class || c == URL.class) {
            return schema("type", "string", "format", "uri");
        }
        if (c == byte[].class) {
            return schema("type", "string", "format", "byte");
        }
        return null;
    }

    private Map<String, Object> reference(Type type, Class<?> raw, Map<TypeVariable<?>, Type> bindings) {
        String key = type.getTypeName();
        String name = names.get(key);
        if (name == null) {
            name = uniqueName(componentName(type));
            names.put(key, name);
            // placeholder first: a type that refers to itself must find its name while being described
            components.put(name, new LinkedHashMap<>());
            components.put(name, object(raw, bindings));
        }
        return schema("$ref", REF_PREFIX + name);
    }

    private Map<String, Object> object(Class<?> raw, Map<TypeVariable<?>, Type> bindings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        if (raw.isRecord()) {
            for (RecordComponent rc : raw.getRecordComponents()) {
                properties.put(rc.getName(), schemaOf(substitute(rc.getGenericType(), bindings)));
                if (rc.getType().isPrimitive()) {
                    required.add(rc.getName());
                }
            }
        } else {
            for (Method getter : getters(raw)) {
                properties.put(propertyName(getter), schemaOf(substitute(getter.getGenericReturnType(), bindings)));
            }
        }
        Map<String, Object> schema = schema("type", "object", "properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    private static List<Method> getters(Class<?> c) {
        return Arrays.stream(c.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0)
                .filter(m -> m.getDeclaringClass() != Object.class)
                .filter(m -> (m.getName().startsWith("get") && m.getName().length() > 3 && m.getReturnType() != void.class)
                        || (m.getName().startsWith("is") && m.getName().length() > 2
                                && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)))
                .sorted(Comparator.comparing(Schemas::propertyName))
                .toList();
    }

    private static String propertyName(Method getter) {
        String n = getter.getName();
        String bare = n.startsWith("is") ? n.substring(2) : n.substring(3);
        return Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }

    private static String componentName(Type type) {
        if (type instanceof ParameterizedType p) {
            String args = Arrays.stream(p.getActualTypeArguments()).map(Schemas::componentName)
                    .collect(Collectors.joining("And"));
            return ((Class<?>) p.getRawType()).getSimpleName() + "Of" + args;
        }
        Class<?> c = rawClass(type);
        if (c.isArray()) {
            return componentName(c.getComponentType()) + "Array";
        }
        return c.getSimpleName();
    }

    /** Two different classes with the same simple name (from two bundles) must not overwrite each other. */
    private String uniqueName(String wanted) {
        String name = wanted.replaceAll("[^A-Za-z0-9._-]", "_");
        String candidate = name;
        for (int i = 2; components.containsKey(candidate); i++) {
            candidate = name + i;
        }
        return candidate;
    }

    private static Map<TypeVariable<?>, Type> bindings(Class<?> raw, Type[] args) {
        Map<TypeVariable<?>, Type> b = new HashMap<>();
        TypeVariable<?>[] params = raw.getTypeParameters();
        for (int i = 0; i < params.length && i < args.length; i++) {
            b.put(params[i], args[i]);
        }
        return b;
    }

    /** Replaces type variables by their bindings (unbound ones by Object), so that only concrete types remain. */
    static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> v) {
            return bindings.getOrDefault(v, Object.class);
        }
        if (type instanceof WildcardType w) {
            return substitute(w.getUpperBounds()[0], bindings);
        }
        if (type instanceof GenericArrayType g) {
            Type component = substitute(g.getGenericComponentType(), bindings);
            return component instanceof Class<?> c ? java.lang.reflect.Array.newInstance(c, 0).getClass()
                    : new ArrayOf(component);
        }
        if (type instanceof ParameterizedType p) {
            Type[] args = Arrays.stream(p.getActualTypeArguments()).map(a -> substitute(a, bindings)).toArray(Type[]::new);
            return new Parameterized((Class<?>) p.getRawType(), args);
        }
        return type;
    }

    private static Map<String, Object> array(Map<String, Object> items) {
        return schema("type", "array", "items", items);
    }

    private static Map<String, Object> map(Map<String, Object> values) {
        return schema("type", "object", "additionalProperties", values);
    }

    static Map<String, Object> schema(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private record Parameterized(Class<?> raw, Type[] args) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return args.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }

        @Override
        public String getTypeName() {
            return raw.getName() + Arrays.stream(args).map(Type::getTypeName).collect(Collectors.joining(",", "<", ">"));
        }
    }

    private record ArrayOf(Type component) implements GenericArrayType {
        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public String getTypeName() {
            return component.getTypeName() + "[]";
        }
    }
}
