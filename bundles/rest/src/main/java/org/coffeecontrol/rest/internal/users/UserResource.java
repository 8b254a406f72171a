package org.coffeecontrol.rest.internal.users;

import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserAccount;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.rest.internal.auth.Authenticator;
import org.coffeecontrol.rest.internal.auth.BasicAuthFilter;
import org.coffeecontrol.rest.internal.json.JsonProvider;
import org.coffeecontrol.rest.internal.resource.Created;
import org.coffeecontrol.rest.internal.resource.RecordCopy;
import org.coffeecontrol.rest.internal.resource.RequestBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Users, their roles and client grants ({@code /api/users}) and the caller itself ({@code /api/me}). The user
 * service decides who may do what; after every change the user's cached logins are dropped so that new roles, a
 * new password or a lock apply to the very next request.
 */
@Component(service = UserResource.class)
@JaxrsResource
// both selects in one annotation: two annotations writing the same property keep only one of them
@JaxrsExtensionSelect({ BasicAuthFilter.SELECT, JsonProvider.SELECT })
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService users;
    private final Authenticator authenticator;

    @Activate
    public UserResource(@Reference UserService users, @Reference Authenticator authenticator) {
        this.users = users;
        this.authenticator = authenticator;
    }

    @GET
    @Path("me")
    public Caller me(@Context SecurityContext sc) {
        return Callers.of(sc);
    }

    @GET
    @Path("users")
    public Page<UserAccount> list(@Context SecurityContext sc, @QueryParam("q") String q,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("" + PageRequest.DEFAULT_LIMIT) int limit) {
        return users.users(Callers.of(sc), q, new PageRequest(offset, limit));
    }

    @GET
    @Path("users/{name}")
    public UserAccount get(@Context SecurityContext sc, @PathParam("name") String name) {
        return users.user(Callers.of(sc), name);
    }

    @POST
    @Path("users")
    public Response create(@Context SecurityContext sc, @Context UriInfo uri, NewUser user) {
        NewUser u = RequestBody.required(user);
        UserAccount saved = users.save(Callers.of(sc), u.toAccount(), requirePassword("password", u.password()));
        return Created.at(uri, saved.username(), saved);
    }

    /** The name in the path wins; the id is the stored user's so that a body without one cannot create a user. */
    @PUT
    @Path("users/{name}")
    public UserAccount update(@Context SecurityContext sc, @PathParam("name") String name, UserAccount user) {
        Caller caller = Callers.of(sc);
        UserAccount existing = users.user(caller, name);
        UserAccount saved = users.save(caller, RecordCopy.with(user, Map.of("id", existing.id(), "username", name)), null);
        authenticator.forget(name);
        return saved;
    }

    @DELETE
    @Path("users/{name}")
    public void delete(@Context SecurityContext sc, @PathParam("name") String name) {
        users.delete(Callers.of(sc), name);
        authenticator.forget(name);
    }

    /** Admins set anyone's password; everyone may change their own given the current one. */
    @PUT
    @Path("users/{name}/password")
    public void changePassword(@Context SecurityContext sc, @PathParam("name") String name, PasswordChange change) {
        PasswordChange c = RequestBody.required(change);
        char[] current = c.currentPassword() == null ? null : c.currentPassword().toCharArray();
        users.changePassword(Callers.of(sc), name, current, requirePassword("newPassword", c.newPassword()));
        authenticator.forget(name);
    }

    @PUT
    @Path("users/{name}/roles")
    public void setRoles(@Context SecurityContext sc, @PathParam("name") String name, Set<Role> roles) {
        users.setRoles(Callers.of(sc), name, RequestBody.required(roles));
        authenticator.forget(name);
    }

    @POST
    @Path("users/{name}/clients/{clientId}")
    public void grantClient(@Context SecurityContext sc, @PathParam("name") String name,
            @PathParam("clientId") long clientId) {
        users.grantClient(Callers.of(sc), name, clientId);
        authenticator.forget(name);
    }

    @DELETE
    @Path("users/{name}/clients/{clientId}")
    public void revokeClient(@Context SecurityContext sc, @PathParam("name") String name,
            @PathParam("clientId") long clientId) {
        users.revokeClient(Callers.of(sc), name, clientId);
        authenticator.forget(name);
    }

    @POST
    @Path("users/{name}/unlock")
    public void unlock(@Context SecurityContext sc, @PathParam("name") String name) {
        users.unlock(Callers.of(sc), name);
        authenticator.forget(name);
    }

    private static char[] requirePassword(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw new ValidationException(field, "is required");
        }
        return password.toCharArray();
    }
}
