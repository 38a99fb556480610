package io.encours.api.config;

import io.encours.api.db.DatabaseRegistry;
import io.encours.api.query.RequestSnapshots;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The served database: the registry that follows {@code db/CURRENT}, and per-request pinning. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {

    @Bean
    DatabaseRegistry databaseRegistry(EncoursProperties properties) {
        return new DatabaseRegistry(properties);
    }

    @Bean
    RequestSnapshots requestSnapshots(DatabaseRegistry registry) {
        return new RequestSnapshots(registry);
    }
}
