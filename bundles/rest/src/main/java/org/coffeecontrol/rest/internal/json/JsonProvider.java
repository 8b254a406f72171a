package org.coffeecontrol.rest.internal.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.coffeecontrol.rest.internal.errors.ErrorBody;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON for every resource of the default application, whichever bundle registered it. Input errors become 400
 * with the JSON path of the offending value.
 */
@Component(service = { MessageBodyReader.class, MessageBodyWriter.class },
        // above aries-jax-rs-whiteboard-jackson, should both be installed: our error messages and date format win
        property = Constants.SERVICE_RANKING + ":Integer=100")
@JaxrsExtension
@JaxrsName(JsonProvider.NAME)
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@Consumes({ MediaType.APPLICATION_JSON, "application/*+json" })
@Produces({ MediaType.APPLICATION_JSON, "application/*+json" })
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    public static final String NAME = "coffee.json";
    /** What a JSON resource selects: any JSON provider, as the whiteboard's {@code @JSONRequired} does. */
    public static final String SELECT = "(osgi.jaxrs.media.type=" + MediaType.APPLICATION_JSON + ")";

    private final ObjectMapper mapper;

    public JsonProvider() {
        this.mapper = JsonMapping.newMapper();
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !isRaw(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        JavaType target = mapper.constructType(genericType == null ? type : genericType);
        try (JsonParser parser = mapper.createParser(entityStream)) {
            if (parser.nextToken() == null) {
                throw badRequest(new JsonInputError(JsonInputError.BODY, "a JSON body is required"));
            }
            return mapper.readerFor(target).readValue(parser);
        } catch (JsonProcessingException e) {
            throw badRequest(JsonInputError.of(e));
        }
    }

    private static BadRequestException badRequest(JsonInputError error) {
        Response response = ErrorBody.of(400, error.field(), error.message()).toResponse();
        return new BadRequestException(error.field() + ": " + error.message(), response);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !isRaw(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        mapper.writeValue(entityStream, value);
    }

    private static boolean isJson(MediaType mediaType) {
        if (mediaType == null) {
            return true;
        }
        String sub = mediaType.getSubtype();
        return "application".equals(mediaType.getType()) && ("json".equals(sub) || sub.endsWith("+json"));
    }

    /** Already serialised content passes through untouched: a String is not to be quoted again. */
    private static boolean isRaw(Class<?> type) {
        return type == String.class || type == byte[].class || InputStream.class.isAssignableFrom(type)
                || Reader.class.isAssignableFrom(type) || StreamingOutput.class.isAssignableFrom(type)
                || Response.class.isAssignableFrom(type);
    }
}
