package org.coffeecontrol.rest.internal.openapi;

import static org.coffeecontrol.rest.internal.openapi.Schemas.schema;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.MatrixParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.Suspended;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.coffeecontrol.rest.internal.auth.BasicAuthFilter;
import org.coffeecontrol.rest.internal.errors.ErrorBody;

/**
 * An OpenAPI 3.0 document built by reflection over JAX-RS resource classes: paths from {@code @Path}, operations
 * from the HTTP method annotations, parameters from {@code @PathParam}/{@code @QueryParam}/{@code @HeaderParam}
 * (also inside {@code @BeanParam}), the body from the one unannotated parameter, and schemas from the Java types.
 * A method returning {@code Response} says nothing about its entity: it may declare its answers ({@link Answers});
 * otherwise for POST we assume it answers 201 with the type it was sent, which is what our create endpoints do.
 */
public final class OpenApiGenerator {

    static final String SECURITY_SCHEME = "basicAuth";
    private static final int MAX_LOCATOR_DEPTH = 4;

    private final Schemas schemas = new Schemas();
    private final Map<String, Map<String, Object>> paths = new TreeMap<>();
    private final Set<String> operationIds = new HashSet<>();

    private OpenApiGenerator() {
    }

    public static Map<String, Object> generate(Collection<Class<?>> resourceClasses, String title, String version) {
        OpenApiGenerator g = new OpenApiGenerator();
        resourceClasses.stream().sorted(Comparator.comparing(Class::getName))
                .forEach(c -> g.addResource(c, c, "", 0));
        return g.document(title, version);
    }

    private Map<String, Object> document(String title, String version) {
        Map<String, Object> errorRef = schemas.schemaOf(ErrorBody.class);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", schema("title", title, "version", version, "description",
                "Authenticate with HTTP Basic. Errors share one JSON shape: " + errorRef.get("$ref")));
        doc.put("security", List.of(Map.of(SECURITY_SCHEME, List.of())));
        doc.put("paths", paths);
        doc.put("components", schema(
                "securitySchemes", Map.of(SECURITY_SCHEME, schema("type", "http", "scheme", "basic")),
                "schemas", schemas.components()));
        return doc;
    }

    private void addResource(Class<?> resourceClass, Class<?> type, String prefix, int depth) {
        Path classPath = findOnTypeHierarchy(type, Path.class);
        // a root resource needs @Path; a sub-resource reached through a locator does not
        if (classPath == null && depth == 0) {
            return;
        }
        String base = join(prefix, classPath == null ? "" : classPath.value());
        Method[] methods = type.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        for (Method method : methods) {
            Method annotated = annotatedVersion(method);
            if (annotated == null) {
                continue;
            }
            Path methodPath = annotated.getAnnotation(Path.class);
            String path = join(base, methodPath == null ? "" : methodPath.value());
            String httpMethod = httpMethod(annotated);
            if (httpMethod == null) {
                if (depth < MAX_LOCATOR_DEPTH) {
                    addResource(resourceClass, method.getReturnType(), path, depth + 1);
                }
                continue;
            }
            Map<String, Object> pathItem = paths.computeIfAbsent(openApiPath(path), p -> new TreeMap<>());
            String key = httpMethod.toLowerCase(Locale.ROOT);
            // two resources claiming the same operation: JAX-RS serves one of them, we describe the first
            if (!pathItem.containsKey(key)) {
                pathItem.put(key, operation(resourceClass, type, method, annotated, path));
            }
        }
    }

    private Map<String, Object> operation(Class<?> resourceClass, Class<?> type, Method method, Method annotated,
            String path) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", operationId(resourceClass, method));
        op.put("tags", List.of(tag(path, resourceClass)));
        List<Map<String, Object>> parameters = new ArrayList<>();
        Type body = null;
        Map<String, Object> formProperties = new LinkedHashMap<>();
        Parameter[] params = annotated.getParameters();
        Type[] genericTypes = method.getGenericParameterTypes();
        for (int i = 0; i < params.length; i++) {
            Parameter p = params[i];
            if (p.isAnnotationPresent(Context.class) || p.isAnnotationPresent(Suspended.class)
                    || p.isAnnotationPresent(MatrixParam.class)) {
                continue;
            }
            if (p.isAnnotationPresent(BeanParam.class)) {
                beanParameters(p.getType(), parameters);
            } else if (p.isAnnotationPresent(FormParam.class)) {
                formProperties.put(p.getAnnotation(FormParam.class).value(), schemas.schemaOf(genericTypes[i]));
            } else {
                Map<String, Object> parameter = parameter(p, genericTypes[i]);
                if (parameter != null) {
                    parameters.add(parameter);
                } else {
                    body = genericTypes[i];
                }
            }
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        if (body != null) {
            op.put("requestBody", schema("required", true, "content", content(consumes(annotated, type), body)));
        } else if (!formProperties.isEmpty()) {
            op.put("requestBody", schema("required", true, "content", Map.of(MediaType.APPLICATION_FORM_URLENCODED,
                    schema("schema", schema("type", "object", "properties", formProperties)))));
        }
        op.put("responses", responses(annotated, type, method.getGenericReturnType(), body));
        if (BasicAuthFilter.isPublic(resourceClass, annotated) || BasicAuthFilter.isPublic(type, annotated)) {
            op.put("security", List.of());
        }
        return op;
    }

    private Map<String, Object> responses(Method annotated, Class<?> type, Type returnType, Type body) {
        Map<String, Object> responses = new LinkedHashMap<>();
        List<String> produces = produces(annotated, type);
        Answers[] declared = annotated.getAnnotationsByType(Answers.class);
        if (declared.length > 0) {
            for (Answers a : declared) {
                responses.put(Integer.toString(a.status()), a.entity() == Void.class
                        ? schema("description", a.description())
                        : schema("description", a.description(), "content", content(produces, a.entity())));
            }
        } else if (returnType == void.class) {
            responses.put("204", schema("description", "No Content"));
        } else if (Schemas.isOpaque(returnType)) {
            if ("POST".equals(httpMethod(annotated)) && body != null) {
                responses.put("201", schema("description", "Created", "content", content(produces, body)));
            } else {
                responses.put("200", schema("description", "OK"));
            }
        } else {
            responses.put("200", schema("description", "OK", "content", content(produces, returnType)));
        }
        responses.put("default", schema("description", "Error",
                "content", Map.of(MediaType.APPLICATION_JSON, schema("schema", schemas.schemaOf(ErrorBody.class)))));
        return responses;
    }

    private Map<String, Object> content(List<String> mediaTypes, Type type) {
        Map<String, Object> content = new LinkedHashMap<>();
        for (String mediaType : mediaTypes) {
            boolean json = mediaType.contains("json");
            content.put(mediaType, schema("schema", json ? schemas.schemaOf(type) : schema("type", "string")));
        }
        return content;
    }

    /** Null for the entity parameter. */
    private Map<String, Object> parameter(AnnotatedElement element, Type type) {
        String in;
        String name;
        if (element.isAnnotationPresent(PathParam.class)) {
            in = "path";
            name = element.getAnnotation(PathParam.class).value();
        } else if (element.isAnnotationPresent(QueryParam.class)) {
            in = "query";
            name = element.getAnnotation(QueryParam.class).value();
        } else if (element.isAnnotationPresent(HeaderParam.class)) {
            in = "header";
            name = element.getAnnotation(HeaderParam.class).value();
        } else if (element.isAnnotationPresent(CookieParam.class)) {
            in = "cookie";
            name = element.getAnnotation(CookieParam.class).value();
        } else {
            return null;
        }
        Map<String, Object> schema = new LinkedHashMap<>(schemas.schemaOf(type));
        DefaultValue defaultValue = element.getAnnotation(DefaultValue.class);
        if (defaultValue != null) {
            schema.put("default", defaultValue.value());
        }
        Map<String, Object> parameter = schema("name", name, "in", in);
        if ("path".equals(in)) {
            parameter.put("required", true);
        }
        parameter.put("schema", schema);
        return parameter;
    }

    private void beanParameters(Class<?> bean, List<Map<String, Object>> out) {
        for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                Map<String, Object> p = parameter(f, f.getGenericType());
                if (p != null) {
                    out.add(p);
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.getParameterCount() == 1) {
                    Map<String, Object> p = parameter(m, m.getGenericParameterTypes()[0]);
                    if (p != null) {
                        out.add(p);
                    }
                }
            }
        }
    }

    private String operationId(Class<?> resourceClass, Method method) {
        String id = method.getName();
        if (!operationIds.add(id)) {
            id = resourceClass.getSimpleName() + "_" + method.getName();
            String candidate = id;
            for (int i = 2; !operationIds.add(candidate); i++) {
                candidate = id + i;
            }
            id = candidate;
        }
        return id;
    }

    /** The first path segment after {@code /api}: {@code /api/clients/{id}} is tagged {@code clients}. */
    static String tag(String path, Class<?> resourceClass) {
        String[] segments = path.replaceFirst("^/", "").split("/");
        int i = segments.length > 1 && segments[0].equals("api") ? 1 : 0;
        String segment = segments[i];
        return segment.isEmpty() || segment.startsWith("{") ? resourceClass.getSimpleName() : segment;
    }

    private static List<String> consumes(Method method, Class<?> type) {
        Consumes c = method.getAnnotation(Consumes.class);
        c = c != null ? c : findOnTypeHierarchy(type, Consumes.class);
        return c == null ? List.of(MediaType.APPLICATION_JSON) : mediaTypes(c.value());
    }

    private static List<String> produces(Method method, Class<?> type) {
        Produces p = method.getAnnotation(Produces.class);
        p = p != null ? p : findOnTypeHierarchy(type, Produces.class);
        return p == null ? List.of(MediaType.APPLICATION_JSON) : mediaTypes(p.value());
    }

    private static List<String> mediaTypes(String[] values) {
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).toList();
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /**
     * JAX-RS annotations are inherited from an overridden method of a superclass or interface when the
     * implementation carries none; returns the method that carries them, or null for a plain method.
     */
    private static Method annotatedVersion(Method method) {
        if (isJaxRs(method)) {
            return method;
        }
        List<Class<?>> supertypes = new ArrayList<>();
        Class<?> declaring = method.getDeclaringClass();
        if (declaring.getSuperclass() != null) {
            supertypes.add(declaring.getSuperclass());
        }
        supertypes.addAll(Arrays.asList(declaring.getInterfaces()));
        for (Class<?> s : supertypes) {
            try {
                Method candidate = annotatedVersion(s.getMethod(method.getName(), method.getParameterTypes()));
                if (candidate != null) {
                    return candidate;
                }
            } catch (NoSuchMethodException e) {
                // not declared there
            }
        }
        return null;
    }

    private static boolean isJaxRs(Method method) {
        return method.isAnnotationPresent(Path.class) || httpMethod(method) != null;
    }

    private static <A extends Annotation> A findOnTypeHierarchy(Class<?> type, Class<A> annotation) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            A a = c.getAnnotation(annotation);
            if (a != null) {
                return a;
            }
            for (Class<?> i : c.getInterfaces()) {
                a = i.getAnnotation(annotation);
                if (a != null) {
                    return a;
                }
            }
        }
        return null;
    }

    static String join(String left, String right) {
        String joined = (left + "/" + right).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return joined.startsWith("/") ? joined : "/" + joined;
    }

    /** {@code /api/pos/{id: \d+}} becomes {@code /api/pos/{id}}: OpenAPI templates carry no regular expressions. */
    static String openApiPath(String jaxrsPath) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < jaxrsPath.length()) {
            char c = jaxrsPath.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < jaxrsPath.length(); end++) {
                char e = jaxrsPath.charAt(end);
                depth += e == '{' ? 1 : e == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            String template = jaxrsPath.substring(i + 1, Math.min(end, jaxrsPath.length()));
            int colon = template.indexOf(':');
            out.append('{').append((colon < 0 ? template : template.substring(0, colon)).trim()).append('}');
            i = end + 1;
        }
        return out.toString();
    }
}
