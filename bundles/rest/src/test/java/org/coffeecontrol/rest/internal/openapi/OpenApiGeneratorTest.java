package org.coffeecontrol.rest.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.BeanParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.security.PublicEndpoint;
import org.coffeecontrol.rest.internal.catalog.CatalogResource;
import org.coffeecontrol.rest.internal.health.HealthResource;
import org.coffeecontrol.rest.internal.json.JsonMapping;
import org.coffeecontrol.rest.internal.users.UserResource;
import org.coffeecontrol.rest.internal.workspace.WorkspaceResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OpenApiGeneratorTest {

    enum Kind { GRINDER, BREWER }

    record Part(String article, int quantity) {
    }

    /** Refers to itself: the generator must not recurse forever. */
    record Widget(Long id, String name, Instant createdAt, Kind kind, List<Part> parts, Map<String, String> tags,
            Widget replacedBy, long version) {
    }

    public static class Filter {
        @QueryParam("q")
        String q;
        @QueryParam("offset")
        @DefaultValue("0")
        int offset;
    }

    @Path("/api/widgets")
    @Produces(MediaType.APPLICATION_JSON)
    public static class WidgetResource {
        @GET
        public Page<Widget> list(@Context SecurityContext sc, @BeanParam Filter filter,
                @QueryParam("kind") Kind kind) {
            return null;
        }

        @GET
        @Path("{id: \\d{1,9}}")
        public Widget get(@PathParam("id") long id) {
            return null;
        }

        @POST
        public Response create(Widget widget) {
            return null;
        }

        @POST
        @Path("check")
        @Answers(status = 200, description = "Checked", entity = Part.class)
        @Answers(status = 422, description = "Refused", entity = Widget.class)
        public Response check(Widget widget) {
            return null;
        }

        @DELETE
        @Path("/{id}/")
        public void delete(@PathParam("id") long id) {
        }

        @GET
        @Path("{id}/parts")
        public Set<Part> parts(@PathParam("id") long id) {
            return null;
        }

        @Path("{id}/notes")
        public NotesSubResource notes(@PathParam("id") long id) {
            return new NotesSubResource();
        }

        public String notAnEndpoint() {
            return "";
        }
    }

    public static class NotesSubResource {
        @GET
        public List<String> list() {
            return List.of();
        }
    }

    @Path("api/status")
    @PublicEndpoint
    public static class StatusResource {
        @GET
        public Map<String, Object> status() {
            return Map.of();
        }
    }

    /** Not a root resource: no @Path on the class. */
    public static class Stray {
        @GET
        public String x() {
            return "";
        }
    }

    private final ObjectMapper mapper = JsonMapping.newMapper();

    private JsonNode generate(Class<?>... classes) {
        Map<String, Object> doc = OpenApiGenerator.generate(List.of(classes), "Test", "1.2.3");
        // what clients get is the JSON; check that, not the Java maps
        return mapper.valueToTree(doc);
    }

    @Test
    void documentHasTheOpenApiFrameAndBasicAuth() {
        JsonNode doc = generate(WidgetResource.class);
        assertEquals("3.0.3", doc.get("openapi").asText());
        assertEquals("1.2.3", doc.at("/info/version").asText());
        assertEquals("basic", doc.at("/components/securitySchemes/basicAuth/scheme").asText());
        assertTrue(doc.at("/security/0").has("basicAuth"));
    }

    @Test
    void pathsAreJoinedAndTemplatesLoseTheirRegex() {
        JsonNode paths = generate(WidgetResource.class).get("paths");
        assertTrue(paths.has("/api/widgets"));
        assertTrue(paths.has("/api/widgets/{id}"), paths.toString());
        assertTrue(paths.get("/api/widgets/{id}").has("get"));
        assertTrue(paths.get("/api/widgets/{id}").has("delete"), "trailing slash of /{id}/ is dropped");
        assertTrue(paths.has("/api/widgets/{id}/parts"));
        assertTrue(paths.get("/api/widgets/{id}/notes").has("get"), "sub-resource locators are followed");
        assertFalse(paths.toString().contains("notAnEndpoint"));
    }

    @Test
    void parametersComeFromAnnotationsAndBeanParams() {
        JsonNode list = generate(WidgetResource.class).at("/paths/~1api~1widgets/get");
        JsonNode params = list.get("parameters");
        assertEquals(3, params.size(), "@Context is no parameter: " + params);
        JsonNode q = find(params, "q");
        assertEquals("query", q.get("in").asText());
        assertEquals("string", q.at("/schema/type").asText());
        JsonNode offset = find(params, "offset");
        assertEquals("integer", offset.at("/schema/type").asText());
        assertEquals("0", offset.at("/schema/default").asText());
        assertEquals("GRINDER", find(params, "kind").at("/schema/enum/0").asText());

        JsonNode id = find(generate(WidgetResource.class).at("/paths/~1api~1widgets~1{id}/get/parameters"), "id");
        assertEquals("path", id.get("in").asText());
        assertTrue(id.get("required").asBoolean());
        assertEquals("int64", id.at("/schema/format").asText());
    }

    private static JsonNode find(JsonNode params, String name) {
        for (JsonNode p : params) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + params);
    }

    @Test
    void genericPageBecomesItsOwnComponent() {
        JsonNode doc = generate(WidgetResource.class);
        assertEquals("#/components/schemas/PageOfWidget",
                doc.at("/paths/~1api~1widgets/get/responses/200/content/application~1json/schema/$ref").asText());
        JsonNode page = doc.at("/components/schemas/PageOfWidget");
        assertEquals("array", page.at("/properties/items/type").asText());
        assertEquals("#/components/schemas/Widget", page.at("/properties/items/items/$ref").asText());
        assertEquals("int64", page.at("/properties/total/format").asText());
    }

    @Test
    void recordSchemasDescribeEveryComponent() {
        JsonNode widget = generate(WidgetResource.class).at("/components/schemas/Widget");
        JsonNode props = widget.get("properties");
        assertEquals("date-time", props.at("/createdAt/format").asText());
        assertEquals("BREWER", props.at("/kind/enum/1").asText());
        assertEquals("#/components/schemas/Part", props.at("/parts/items/$ref").asText());
        assertEquals("string", props.at("/tags/additionalProperties/type").asText());
        assertEquals("#/components/schemas/Widget", props.at("/replacedBy/$ref").asText());
        assertEquals("[\"version\"]", widget.get("required").toString(), "primitives cannot be absent");
        assertEquals("int32", generate(WidgetResource.class).at("/components/schemas/Part/properties/quantity/format").asText());
    }

    @Test
    void bodiesAndResponseCodes() {
        JsonNode widgets = generate(WidgetResource.class).at("/paths/~1api~1widgets");
        assertEquals("#/components/schemas/Widget",
                widgets.at("/post/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Widget",
                widgets.at("/post/responses/201/content/application~1json/schema/$ref").asText());
        JsonNode delete = generate(WidgetResource.class).at("/paths/~1api~1widgets~1{id}/delete/responses");
        assertTrue(delete.has("204"));
        JsonNode check = generate(WidgetResource.class).at("/paths/~1api~1widgets~1check/post/responses");
        assertTrue(!check.has("201"), "declared answers replace the assumed 201: " + check);
        assertEquals("#/components/schemas/Part", check.at("/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Widget", check.at("/422/content/application~1json/schema/$ref").asText());
        assertEquals("Refused", check.at("/422/description").asText());
        assertEquals("#/components/schemas/ErrorBody", delete.at("/default/content/application~1json/schema/$ref").asText());
        assertEquals("array", generate(WidgetResource.class)
                .at("/paths/~1api~1widgets~1{id}~1parts/get/responses/200/content/application~1json/schema/type").asText());
    }

    @Test
    void publicEndpointsNeedNoCredentials() {
        JsonNode doc = generate(WidgetResource.class, StatusResource.class);
        assertEquals(0, doc.at("/paths/~1api~1status/get/security").size());
        assertTrue(doc.at("/paths/~1api~1status/get/security").isArray());
        assertTrue(doc.at("/paths/~1api~1widgets/get/security").isMissingNode(), "inherits the global basicAuth");
    }

    @Test
    void classesWithoutPathAreNotRootResources() {
        assertEquals(0, generate(Stray.class).get("paths").size());
    }

    @Test
    void tagsFollowTheFirstSegmentAfterApi() {
        JsonNode doc = generate(WidgetResource.class, StatusResource.class);
        assertEquals("widgets", doc.at("/paths/~1api~1widgets~1{id}/get/tags/0").asText());
        assertEquals("status", doc.at("/paths/~1api~1status/get/tags/0").asText());
    }

    @Test
    void operationIdsAreUnique() {
        JsonNode doc = generate(CatalogResource.class, UserResource.class, WorkspaceResource.class, WidgetResource.class);
        Set<String> seen = new java.util.HashSet<>();
        doc.get("paths").forEach(item -> item.forEach(op -> assertTrue(seen.add(op.get("operationId").asText()),
                "duplicate operationId " + op.get("operationId"))));
    }

    @Test
    void describesThePlatformResources() {
        JsonNode doc = generate(CatalogResource.class, UserResource.class, WorkspaceResource.class, HealthResource.class);
        JsonNode paths = doc.get("paths");
        for (String p : List.of("/api/clients", "/api/clients/{id}", "/api/regions", "/api/models", "/api/pos",
                "/api/equipment/{id}", "/api/search", "/api/me", "/api/users/{name}/password",
                "/api/users/{name}/clients/{clientId}", "/api/workspace/favourites", "/api/health")) {
            assertTrue(paths.has(p), "missing " + p);
        }
        JsonNode listParams = paths.at("/~1api~1equipment/get/parameters");
        for (String name : List.of("q", "clientId", "regionId", "posId", "modelId", "offset", "limit")) {
            find(listParams, name);
        }
        assertEquals("#/components/schemas/PageOfPointOfSale",
                paths.at("/~1api~1pos/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("number", doc.at("/components/schemas/PointOfSale/properties/latitude/type").asText());
        assertEquals("#/components/schemas/Client",
                paths.at("/~1api~1clients/post/responses/201/content/application~1json/schema/$ref").asText());
        assertEquals(0, paths.at("/~1api~1health/get/security").size());
        assertTrue(doc.at("/components/schemas/SecurityContext").isMissingNode(), "@Context types are no schemas");
    }
}
