package io.encours.api;

import io.encours.api.config.EncoursProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * The Encours REST API: serves the published DuckDB database of {@code <warehouse>/db/CURRENT},
 * read-only. Accepts the launcher's arguments ({@code --warehouse DIR --port P --profile demo},
 * see {@link LauncherArgs}) as well as any Spring Boot {@code --key=value} property.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties(EncoursProperties.class)
public class EncoursApiApplication {

    public static void main(String[] args) {
        LauncherArgs parsed;
        try {
            parsed = LauncherArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("encours serve: " + e.getMessage());
            System.err.println(LauncherArgs.USAGE);
            System.exit(2);
            return;
        }
        if (parsed.help()) {
            System.out.println(LauncherArgs.USAGE);
            return;
        }
        SpringApplication app = new SpringApplication(EncoursApiApplication.class);
        app.run(parsed.springArgs());
    }
}
