package org.coffeecontrol.remote.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.remote.api.MachineFileService;
import org.coffeecontrol.remote.api.PromoCampaign;
import org.coffeecontrol.remote.api.PromoDelivery;
import org.coffeecontrol.remote.api.PromoRequest;
import org.coffeecontrol.remote.api.PromoService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/remote/promo}: promo image campaigns (RC-6). The image is the raw request body, so that
 * {@code curl --data-binary @summer.png} works; recipients and the file name are query parameters.
 */
@Component(service = PromoResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ Callers.AUTH, Callers.JSON })
@Path("/api/remote/promo")
@Produces(MediaType.APPLICATION_JSON)
public class PromoResource {

    private final PromoService promo;
    private final MachineFileService files;

    @Activate
    public PromoResource(@Reference PromoService promo, @Reference MachineFileService files) {
        this.promo = promo;
        this.files = files;
    }

    /**
     * Starts a campaign: {@code ?fileName=summer.png&clientId=3&regionId=..&posId=..&serial=..} (repeatable), body =
     * the image. 201 with the campaign (transfers run on); 400 naming {@code fileName}, {@code image} or
     * {@code recipients}.
     */
    @POST
    @Path("campaigns")
    @Consumes(MediaType.WILDCARD)
    public Response send(@Context SecurityContext sc, @QueryParam("fileName") String fileName,
            @QueryParam("clientId") List<Long> clientIds, @QueryParam("regionId") List<Long> regionIds,
            @QueryParam("posId") List<Long> posIds, @QueryParam("serial") List<String> serials, InputStream body)
            throws IOException {
        long max = files.maxFileBytes();
        byte[] image = body == null ? new byte[0] : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (image.length > max) {
            throw new ValidationException("image", "larger than the limit of " + max + " bytes");
        }
        PromoCampaign c = promo.send(Callers.of(sc),
                new PromoRequest(fileName, image, clientIds, regionIds, posIds, serials));
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/remote/promo/campaigns/" + c.id()).entity(c).build();
    }

    @GET
    @Path("campaigns")
    public List<PromoCampaign> campaigns(@Context SecurityContext sc, @QueryParam("limit") @DefaultValue("50") int limit) {
        return promo.campaigns(Callers.of(sc), limit);
    }

    @GET
    @Path("campaigns/{id}")
    public PromoCampaign campaign(@Context SecurityContext sc, @PathParam("id") long id) {
        return promo.campaign(Callers.of(sc), id);
    }

    /** The send log: one line per machine (sent / failed with reason / skipped offline). */
    @GET
    @Path("campaigns/{id}/deliveries")
    public List<PromoDelivery> deliveries(@Context SecurityContext sc, @PathParam("id") long id) {
        return promo.deliveries(Callers.of(sc), id);
    }

    @POST
    @Path("campaigns/{id}/resend")
    @Consumes(MediaType.WILDCARD)
    public PromoCampaign resend(@Context SecurityContext sc, @PathParam("id") long id) {
        return promo.resendFailed(Callers.of(sc), id);
    }

    @GET
    @Path("campaigns/{id}/log.csv")
    @Produces({ "text/csv", MediaType.APPLICATION_JSON })
    public Response csv(@Context SecurityContext sc, @PathParam("id") long id) {
        return Response.ok(promo.exportCsv(Callers.of(sc), id), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"promo-" + id + ".csv\"").build();
    }
}
