package io.encours.api;

import io.encours.api.config.EncoursProperties;
import io.encours.api.db.DatabaseRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** The one start line: where the API listens, its security mode and the served run. */
@Component
class StartupLog implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(EncoursApiApplication.class);

    private final EncoursProperties properties;
    private final DatabaseRegistry registry;

    StartupLog(EncoursProperties properties, DatabaseRegistry registry) {
        this.properties = properties;
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        LOG.info("Encours API on http://localhost:{} (security: {}; {}; OpenAPI UI /swagger-ui.html)",
                event.getWebServer().getPort(),
                properties.security().mode().name().toLowerCase(java.util.Locale.ROOT),
                registry.currentStamp().map(s -> "serving run " + s.runId() + ", snapshot " + s.snapshotDate())
                        .orElse("no run published yet in " + properties.warehouse()));
    }
}
