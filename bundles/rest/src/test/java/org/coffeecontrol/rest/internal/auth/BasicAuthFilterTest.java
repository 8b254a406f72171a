package org.coffeecontrol.rest.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;

import javax.ws.rs.GET;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.PublicEndpoint;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.rest.internal.errors.ErrorBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BasicAuthFilterTest {

    static class Mixed {
        @GET
        public String secret() {
            return "s";
        }

        @GET
        @PublicEndpoint
        public String open() {
            return "o";
        }
    }

    @PublicEndpoint
    static class AllPublic {
        @GET
        public String anything() {
            return "a";
        }
    }

    /** Records what the filter does to the request; only the methods the filter calls are implemented. */
    static final class Request {
        String authorization;
        Response aborted;
        SecurityContext securityContext;

        ContainerRequestContext context() {
            return (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { ContainerRequestContext.class }, (proxy, method, args) -> {
                        switch (method.getName()) {
                        case "getHeaderString":
                            return HttpHeaders.AUTHORIZATION.equals(args[0]) ? authorization : null;
                        case "abortWith":
                            aborted = (Response) args[0];
                            return null;
                        case "getSecurityContext":
                            return securityContext;
                        case "setSecurityContext":
                            securityContext = (SecurityContext) args[0];
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }
    }

    private final InMemoryUserService users = new InMemoryUserService();
    private BasicAuthFilter filter;

    @BeforeEach
    void setUp() {
        users.put("olga", "s3cret", Role.OPERATOR, Role.MANAGER);
        filter = new BasicAuthFilter(new Authenticator(users, Clock.systemUTC(), Duration.ofSeconds(30)));
    }

    private Request call(Class<?> resource, String method, String authorization) throws NoSuchMethodException {
        Method m = resource.getMethod(method);
        filter.resourceInfo = new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return m;
            }

            @Override
            public Class<?> getResourceClass() {
                return resource;
            }
        };
        Request r = new Request();
        r.authorization = authorization;
        filter.filter(r.context());
        return r;
    }

    @Test
    void protectedMethodWithoutCredentialsIsChallenged() throws Exception {
        Request r = call(Mixed.class, "secret", null);
        assertEquals(401, r.aborted.getStatus());
        assertTrue(r.aborted.getHeaderString(HttpHeaders.WWW_AUTHENTICATE).startsWith("Basic realm=\"coffee\""));
        assertEquals(401, ((ErrorBody) r.aborted.getEntity()).status());
    }

    @Test
    void publicMethodAndPublicClassPassWithoutCredentials() throws Exception {
        Request method = call(Mixed.class, "open", null);
        assertNull(method.aborted);
        Request type = call(AllPublic.class, "anything", null);
        assertNull(type.aborted);
        assertEquals(0, users.authenticateCalls);
    }

    @Test
    void validCredentialsPutTheCallerIntoTheSecurityContext() throws Exception {
        Request r = call(Mixed.class, "secret", AuthenticatorTest.basic("olga", "s3cret"));
        assertNull(r.aborted);
        Caller caller = Callers.of(r.securityContext);
        assertEquals("olga", caller.username());
        assertTrue(r.securityContext.isUserInRole("OPERATOR"));
        assertTrue(r.securityContext.isUserInRole("manager"));
        assertFalse(r.securityContext.isUserInRole("ADMIN"));
        assertEquals(SecurityContext.BASIC_AUTH, r.securityContext.getAuthenticationScheme());
    }

    @Test
    void lockedAccountIsNotChallengedAgain() throws Exception {
        users.lock("olga");
        Request r = call(Mixed.class, "secret", AuthenticatorTest.basic("olga", "s3cret"));
        assertEquals(423, r.aborted.getStatus());
        assertNull(r.aborted.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
    }

    @Test
    void callersRefusesAnUnauthenticatedContext() {
        NotAuthorizedException e = assertThrows(NotAuthorizedException.class, () -> Callers.of(null));
        assertEquals(401, e.getResponse().getStatus());
        assertEquals("Basic realm=\"coffee\", charset=\"UTF-8\"",
                e.getResponse().getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
    }
}
