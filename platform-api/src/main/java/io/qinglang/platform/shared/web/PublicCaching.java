package io.qinglang.platform.shared.web;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** Answers of the public API that any cache may keep for a while, because they change seldom or not at all. */
public final class PublicCaching {

    private PublicCaching() {
    }

    public static Response cachedFor(int seconds, Response.ResponseBuilder response) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(seconds);
        return response.cacheControl(cache).header("X-Content-Type-Options", "nosniff").build();
    }
}
