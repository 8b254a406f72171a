package org.coffeecontrol.rest.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.workspace.WorkspaceItem;
import org.coffeecontrol.rest.internal.errors.ErrorBody;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;

class JsonProviderTest {

    record Roles(Set<Role> roles) {
    }

    record Dated(LocalDate day, Instant at) {
    }

    private final JsonProvider provider = new JsonProvider();

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private Object read(String json, Type type) throws IOException {
        Class raw = type instanceof Class<?> c ? c : Object.class;
        return provider.readFrom(raw, type, new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private String write(Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.writeTo(value, value.getClass(), value.getClass(), new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private ErrorBody badRequest(String json, Type type) {
        BadRequestException e = assertThrows(BadRequestException.class, () -> read(json, type));
        assertEquals(400, e.getResponse().getStatus());
        return (ErrorBody) e.getResponse().getEntity();
    }

    @Test
    void readsRecords() throws IOException {
        Client c = (Client) read("{\"id\":7,\"name\":\"Petrol One\",\"code\":\"P1\",\"version\":3}", Client.class);
        assertEquals(new Client(7L, "Petrol One", "P1", null, null, null, 3), c);
    }

    @Test
    void readsGenericTypesFromTheGenericSignature() throws IOException {
        Type pageOfClients = new TypeReference<Page<Client>>() { }.getType();
        @SuppressWarnings("unchecked")
        Page<Client> page = (Page<Client>) read(
                "{\"items\":[{\"id\":1,\"name\":\"A\",\"version\":0}],\"total\":1,\"offset\":0,\"limit\":50}", pageOfClients);
        assertEquals("A", page.items().get(0).name());
    }

    @Test
    void writesInstantsAndDatesAsIsoStrings() throws IOException {
        String json = write(new WorkspaceItem(1, "pos/42", "POS 42", Instant.parse("2024-05-31T08:15:00Z")));
        assertTrue(json.contains("\"at\":\"2024-05-31T08:15:00Z\""), json);
        assertEquals(new Dated(LocalDate.of(2024, 2, 29), Instant.parse("2024-02-29T23:00:00Z")),
                read("{\"day\":\"2024-02-29\",\"at\":\"2024-02-29T23:00:00Z\"}", Dated.class));
    }

    @Test
    void writesPagesInTheDocumentedShape() throws IOException {
        String json = write(Page.of(List.of(), 0, new PageRequest(0, 50)));
        assertEquals("{\"items\":[],\"total\":0,\"offset\":0,\"limit\":50}", json);
    }

    @Test
    void unknownPropertyIsA400NamingIt() {
        ErrorBody error = badRequest("{\"id\":1,\"nmae\":\"typo\"}", Client.class);
        assertEquals("nmae", error.field());
        assertTrue(error.message().startsWith("unknown property 'nmae'"), error.message());
        assertTrue(error.message().contains("name"), "lists the known properties: " + error.message());
    }

    @Test
    void wrongTypeNamesTheFieldAndTheExpectedType() {
        ErrorBody error = badRequest("{\"id\":\"seven\",\"name\":\"x\"}", Client.class);
        assertEquals("id", error.field());
        assertEquals("'seven' is not an integer", error.message());
    }

    @Test
    void badEnumInsideAnArrayNamesTheIndex() {
        ErrorBody error = badRequest("{\"roles\":[\"ADMIN\",\"WIZARD\"]}", Roles.class);
        assertEquals("roles[1]", error.field());
        assertTrue(error.message().contains("not one of ADMIN, OPERATOR"), error.message());
    }

    @Test
    void badTimestampExplainsTheFormat() {
        ErrorBody error = badRequest("{\"at\":\"yesterday\"}", Dated.class);
        assertEquals("at", error.field());
        assertTrue(error.message().contains("ISO-8601 timestamp"), error.message());
    }

    @Test
    void objectWhereAnArrayBelongs() {
        ErrorBody error = badRequest("{\"roles\":{\"a\":1}}", Roles.class);
        assertEquals("roles", error.field());
        assertEquals("expected an array", error.message());
    }

    @Test
    void validationInARecordConstructorKeepsItsField() {
        ErrorBody error = badRequest("{\"offset\":-1,\"limit\":10}", PageRequest.class);
        assertEquals("offset", error.field());
        assertEquals("must not be negative", error.message());
    }

    @Test
    void malformedJsonPointsAtThePosition() {
        ErrorBody error = badRequest("{\"id\":1,", Client.class);
        assertEquals("body", error.field());
        assertTrue(error.message().startsWith("malformed JSON at line 1"), error.message());
    }

    @Test
    void emptyBodyIsReported() {
        ErrorBody error = badRequest("  ", Client.class);
        assertEquals("body", error.field());
        assertEquals("a JSON body is required", error.message());
    }

    @Test
    void trailingGarbageIsRejected() {
        assertEquals("body", badRequest("{\"id\":1} {}", Client.class).field());
    }

    @Test
    void errorBodyOmitsEmptyFields() throws IOException {
        assertEquals("{\"status\":404,\"error\":\"Not Found\",\"message\":\"Client 9 not found\"}",
                write(ErrorBody.of(404, null, "Client 9 not found")));
    }

    @Test
    void leavesRawEntitiesAndOtherMediaTypesAlone() {
        assertFalse(provider.isWriteable(String.class, String.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
        assertFalse(provider.isReadable(Client.class, Client.class, new Annotation[0], MediaType.TEXT_PLAIN_TYPE));
        assertTrue(provider.isReadable(Client.class, Client.class, new Annotation[0],
                MediaType.valueOf("application/merge-patch+json")));
    }
}
