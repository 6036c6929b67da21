package io.qinglang.infra.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code Location} (a created resource's address, a redirect) never carries the {@code Host} a client sent: JAX-RS
 * makes every relative location absolute against the request's own address, so an attacker's {@code Host:
 * evil.example} came back in it. A location on this server is rebuilt on the platform's configured public address
 * ({@code qinglang.console.public-url}, also the console's sign-in address) or, without one, left relative (RFC 9110
 * allows it); a location elsewhere (the identity provider's sign-in page) is left alone. Each application is to
 * return {@link #APPLICATION_PROPERTIES}, without which Jersey makes a relative location absolute again as it writes.
 */
@Provider
public class LocationFilter implements ContainerResponseFilter {

    /** Jersey's {@code ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED}, set. */
    public static final Map<String, Object> APPLICATION_PROPERTIES =
            Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);

    @Inject
    @ConfigProperty(name = "qinglang.console.public-url")
    Optional<String> publicUrl;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        URI location = response.getLocation();
        if (location != null) {
            response.getHeaders().putSingle(HttpHeaders.LOCATION,
                    onPublicAddress(location, request.getUriInfo().getBaseUri(), publicUrl));
        }
    }

    /** {@code location} as the client should get it, for a request that arrived at {@code requestBase}. */
    static URI onPublicAddress(URI location, URI requestBase, Optional<String> publicUrl) {
        boolean here = !location.isAbsolute() || Objects.equals(location.getScheme(), requestBase.getScheme())
                && Objects.equals(location.getRawAuthority(), requestBase.getRawAuthority());
        if (!here) {
            return location;
        }
        String path = location.getRawPath() == null || location.getRawPath().isEmpty() ? "/" : location.getRawPath();
        String relative = (path.startsWith("/") ? path : requestBase.resolve(path).getRawPath())
                + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery())
                + (location.getRawFragment() == null ? "" : "#" + location.getRawFragment());
        return URI.create(publicUrl.map(url -> url.replaceAll("/+$", "")).orElse("") + relative);
    }
}
