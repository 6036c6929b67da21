package io.qinglang.infra.metrics;

import io.helidon.config.Config;
import io.helidon.metrics.api.MetricsFactory;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;

/**
 * Serves the Prometheus metrics at {@code /metrics} on the operator's socket {@value #SOCKET} alone (port
 * {@code qinglang.admin.port}, default 9090), never on the public port with the portal and the API; {@code /health}
 * stays on the public port, where the probes and the reverse proxy look for it.
 *
 * <p>Helidon's observe feature puts every observer on the same sockets, so the metrics observer is kept out of it
 * ({@code server.features.observe.observers-discover-services=false}) and given an observe feature of its own on the
 * admin socket. MicroProfile Metrics is not used: its extension adds the observer to the shared feature. Before each
 * request there, the figures only the database knows are brought up to date ({@link PlatformFigures}), so a scrape
 * never waits on the database while the meters are written out.
 */
public class MetricsEndpoint implements Extension {

    /** The name of the operator's listener, as {@code server.sockets} configures it. */
    public static final String SOCKET = "admin";

    void serve(@Observes @Initialized(ApplicationScoped.class) Object ignored, ServerCdiExtension server) {
        Config metrics = ((Config) ConfigProvider.getConfig()).get("metrics");
        // the one global registry, made from the application's configuration before anything records into it
        MetricsFactory factory = MetricsFactory.getInstance(metrics);
        MetricsObserver observer = MetricsObserver.builder().config(metrics).endpoint("/metrics")
                .metricsConfig(factory.metricsConfig()).meterRegistry(factory.globalRegistry(factory.metricsConfig()))
                .build();
        PlatformFigures figures = CDI.current().select(PlatformFigures.class).get();
        // a routing of its own keeps the applications off this socket (Helidon would otherwise copy them onto it)
        server.serverNamedRoutingBuilder(SOCKET).addFilter((chain, request, response) -> {
            figures.refreshIfStale();
            chain.proceed();
        });
        server.addFeature(ObserveFeature.builder().name("admin-observe").sockets(List.of(SOCKET))
                .observersDiscoverServices(false).addObserver(observer).build());
    }
}
