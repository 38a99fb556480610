package io.encours.api.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the API, bound from {@code encours.*} (see application.yml for the
 * environment variables each one reads, and README.md).
 *
 * @param warehouse the warehouse folder; the served database is {@code <warehouse>/db/CURRENT}
 * @param port the HTTP port ({@code server.port} follows it)
 */
@ConfigurationProperties("encours")
@Validated
public record EncoursProperties(
        @NotNull(message = "no warehouse: set ENCOURS_WAREHOUSE or pass --warehouse DIR") Path warehouse,
        @DefaultValue("8080") @Min(1) @Max(65535) int port,
        @Valid @DefaultValue Database database,
        @Valid @DefaultValue Security security,
        @Valid @DefaultValue OpenApi openapi) {

    /** An empty setting (e.g. {@code ${ENCOURS_USERS_FILE:}} unset) binds to an empty path: none. */
    static Path blankToNull(Path path) {
        return path == null || path.toString().isBlank() ? null : path;
    }

    /** The folder holding the published database files and the CURRENT pointer. */
    public Path databaseFolder() {
        return warehouse.resolve("db");
    }

    /**
     * The served database.
     *
     * @param pollInterval how often the CURRENT pointer is checked
     * @param poolSize connections per open database file (DuckDB connections on one instance)
     * @param borrowTimeout how long a request waits for a free connection before a 503
     * @param threads DuckDB worker threads per database file
     * @param memoryLimit DuckDB memory limit per database file (DuckDB syntax, e.g. 512MB)
     */
    public record Database(
            @DefaultValue("1s") @NotNull Duration pollInterval,
            @DefaultValue("4") @Min(1) @Max(64) int poolSize,
            @DefaultValue("10s") @NotNull Duration borrowTimeout,
            @DefaultValue("2") @Min(1) @Max(64) int threads,
            @DefaultValue("512MB") @NotBlank String memoryLimit) {
    }

    /** How callers authenticate. */
    public enum Mode { DEMO, BASIC, JWT }

    /**
     * @param mode demo (built-in demo users), basic (users file) or jwt (OAuth2 resource server)
     * @param usersFile the users file of basic mode (YAML or .properties, BCrypt hashes)
     * @param credentialsCacheTtl how long a successful HTTP Basic check is remembered (an HMAC
     *     of user and password, never the password), sparing BCrypt on every request; 0 = off
     */
    public record Security(
            @DefaultValue("basic") @NotNull Mode mode,
            Path usersFile,
            @DefaultValue("5m") @NotNull Duration credentialsCacheTtl,
            @Valid @DefaultValue Jwt jwt) {

        public Security {
            usersFile = blankToNull(usersFile);
        }
    }

    /**
     * JWT mode: where the signing keys come from (one of the three) and which claims carry
     * the caller's role and scope.
     *
     * @param issuerUri OpenID issuer; keys discovered from it (and the {@code iss} claim checked)
     * @param jwkSetUri JWK set URL (with or without issuerUri)
     * @param publicKeyLocation an RSA public key (PEM, X.509) file, for simple set-ups
     * @param audience if set, the {@code aud} claim must contain it
     * @param rolesClaim claim holding the role (string or list): GROUP_CFO, ENTITY_CFO,
     *     COLLECTOR, ANALYST (an optional ROLE_ prefix and the case are ignored)
     * @param entitiesClaim claim holding the ENTITY_CFO's entity ids (list or comma-separated)
     * @param collectorClaim claim holding the COLLECTOR's collector id
     * @param nameClaim claim naming the user (falls back to {@code sub})
     */
    public record Jwt(
            String issuerUri,
            String jwkSetUri,
            Path publicKeyLocation,
            String audience,
            @DefaultValue("roles") @NotBlank String rolesClaim,
            @DefaultValue("entities") @NotBlank String entitiesClaim,
            @DefaultValue("collector_id") @NotBlank String collectorClaim,
            @DefaultValue("preferred_username") @NotBlank String nameClaim) {

        public Jwt {
            publicKeyLocation = blankToNull(publicKeyLocation);
        }
    }

    /**
     * @param publicDocs serve /v3/api-docs and the Swagger UI without authentication (the
     *     contract only, never data); useful in jwt mode where a browser cannot send a token
     */
    public record OpenApi(@DefaultValue("false") boolean publicDocs) {
    }
}
