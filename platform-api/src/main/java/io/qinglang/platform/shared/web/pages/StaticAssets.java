package io.qinglang.platform.shared.web.pages;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The pages' own stylesheets and scripts, from the class path, cached for an hour (the CSP allows no other). */
public final class StaticAssets {

    private StaticAssets() {
    }

    /** The stylesheet every page shares ({@code site.css}). */
    public static Response stylesheet() {
        return file(Pages.SHARED_TEMPLATES + "/site.css");
    }

    /** A {@code .css} or {@code .js} file at this class-path location. */
    public static Response file(String resource) {
        String type = resource.endsWith(".css") ? "text/css; charset=UTF-8" : "text/javascript; charset=UTF-8";
        try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new NotFoundException();
            }
            return Response.ok(in.readAllBytes(), type).header("Cache-Control", "public, max-age=3600").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
