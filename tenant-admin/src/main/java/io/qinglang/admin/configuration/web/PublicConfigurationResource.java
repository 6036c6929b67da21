package io.qinglang.admin.configuration.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.admin.configuration.application.ConfigurationService;
import io.qinglang.admin.configuration.application.Logo;
import io.qinglang.platform.configuration.application.PublicConfigurations;
import io.qinglang.platform.shared.domain.NotFound;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What anyone may know of a tenant's configuration, for the report form and the portal. Answers carry an ETag
 * computed from their content, so caches and browsers revalidate with {@code If-None-Match} and get 304 until an
 * admin changes something; they may be cached for a minute.
 */
@Path("/v1/tenants/{tenant}/public-configuration")
@RequestScoped
@PermitAll
public class PublicConfigurationResource {

    private static final int MAX_AGE_SECONDS = 60;

    private final ConfigurationService configuration;
    private final PublicConfigurations publicConfigurations;
    private final ObjectMapper json;

    @Inject
    public PublicConfigurationResource(ConfigurationService configuration, PublicConfigurations publicConfigurations,
                                       ObjectMapper json) {
        this.configuration = configuration;
        this.publicConfigurations = publicConfigurations;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's channels, active categories, published deadlines and branding")
    public Response get(@PathParam("tenant") String tenant, @Context Request request) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(publicConfigurations.of(tenant));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("public configuration not serialisable", e);
        }
        return cacheable(request, body, MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("/logo")
    @Produces({"image/png", "image/jpeg"})
    @Operation(summary = "The tenant's logo")
    public Response logo(@PathParam("tenant") String tenant, @Context Request request) {
        Logo logo = configuration.logo(tenant).orElseThrow(() -> new NotFound("LOGO_NOT_FOUND",
                "Tenant " + tenant + " has no logo."));
        return cacheable(request, logo.bytes(), logo.contentType());
    }

    private static Response cacheable(Request request, byte[] body, String type) {
        EntityTag tag = new EntityTag(digest(body));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        Response.ResponseBuilder notModified;
        try {
            notModified = request.evaluatePreconditions(tag);
        } catch (jakarta.ws.rs.ProcessingException | IllegalArgumentException e) {
            notModified = null; // a precondition that cannot be read is no precondition: the whole answer is sent
        }
        if (notModified != null) {
            return notModified.tag(tag).cacheControl(cache).build();
        }
        return Response.ok(body, type).tag(tag).cacheControl(cache).build();
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
