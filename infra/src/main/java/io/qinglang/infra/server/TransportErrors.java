package io.qinglang.infra.server;

import io.helidon.http.DirectHandler;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.qinglang.infra.http.TransportProblems;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.lang.reflect.Method;

/**
 * Gives the web server {@link TransportProblems} for every refusal it makes before routing, just before it starts
 * (Helidon starts it at {@code PLATFORM_AFTER + 100}). Helidon MP 4 offers no public hook for direct handlers
 * (helidon-io/helidon#7939), so its extension's builder is reached by reflection; a Helidon without that builder
 * stops the start here rather than quietly answering text/plain again.
 */
@ApplicationScoped
class TransportErrors {

    void register(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) @Initialized(ApplicationScoped.class)
                  Object ignored, ServerCdiExtension server) {
        DirectHandler problems = new TransportProblems();
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, problems);
        }
        builderOf(server).directHandlers(handlers.build());
    }

    private static WebServerConfig.Builder builderOf(ServerCdiExtension server) {
        try {
            Method builder = ServerCdiExtension.class.getDeclaredMethod("serverBuilder");
            builder.setAccessible(true);
            return (WebServerConfig.Builder) builder.invoke(server);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot give Helidon's web server its problem+json direct handlers", e);
        }
    }
}
