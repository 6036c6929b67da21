package io.qinglang.benchmarks;

import io.qinglang.infra.server.QinglangApplication;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's own JAX-RS application at {@code /floor}, only in the server the benchmark starts (added by
 * {@link SkippableTokenCheckExtension}; the platform's jar knows nothing of it): one resource that does no work, behind
 * every provider of the platform's API ({@link QinglangApplication#PROVIDERS}) and the same token check, so that a
 * request to it costs what any API request costs before its own work: the floor of {@link LookupScenario#floor}.
 */
@ApplicationPath("/floor")
@LoginConfig(authMethod = "MP-JWT", realmName = "qinglang")
public class FloorApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(QinglangApplication.PROVIDERS);
        classes.add(FloorResource.class);
        return classes;
    }

    @Override
    public Map<String, Object> getProperties() {
        return io.qinglang.infra.http.LocationFilter.APPLICATION_PROPERTIES;
    }
}
