package io.encours.api.openapi;

import io.encours.api.config.EncoursProperties;
import io.encours.api.config.EncoursProperties.Mode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The generated OpenAPI document ({@code /v3/api-docs}, UI at {@code /swagger-ui.html}): API
 * description, the security scheme of the mode, and the problem+json error responses added to
 * every {@code /api/**} operation (a feature documents only its 200 and any specific error).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI encoursOpenApi(EncoursProperties properties) {
        boolean jwt = properties.security().mode() == Mode.JWT;
        String scheme = jwt ? "bearerAuth" : "basicAuth";
        SecurityScheme securityScheme = jwt
                ? new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                : new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic");
        return new OpenAPI()
                .info(new Info().title("Encours API").version("v1")
                        .description("""
                                Receivables analytics and cash forecasting, read-only, from the published run.
                                Every analytics response carries `snapshotDate` and `runId`; lists page with
                                `page` (from 0) and `size` (default 50, max 1000) and return `total`.
                                `Accept: text/csv` on a list or series returns the same rows as CSV.
                                Errors are `application/problem+json` (RFC 9457)."""))
                .components(new Components().addSecuritySchemes(scheme, securityScheme))
                .addSecurityItem(new SecurityRequirement().addList(scheme));
    }

    @Bean
    OpenApiCustomizer documentProblemResponses() {
        return openApi -> {
            // Added here, after springdoc has generated the model schemas (it would drop it otherwise).
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/")) {
                    return;
                }
                for (Operation operation : item.readOperations()) {
                    describeCsv(operation);
                    ApiResponses responses = operation.getResponses();
                    if (responses == null) {
                        responses = new ApiResponses();
                        operation.setResponses(responses);
                    }
                    for (Map.Entry<String, String> e : standardErrors().entrySet()) {
                        if (!responses.containsKey(e.getKey())) {
                            responses.addApiResponse(e.getKey(), problem(e.getValue()));
                        }
                    }
                }
            });
        };
    }

    /** The text/csv variant of a 200 is text, not the JSON envelope. */
    private static void describeCsv(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().get("200") == null) {
            return;
        }
        Content content = operation.getResponses().get("200").getContent();
        if (content != null && content.containsKey("text/csv")) {
            content.addMediaType("text/csv", new MediaType().schema(new StringSchema().description(
                    "The rows (rows, points, or the array the endpoint names) as RFC 4180 CSV: a header row "
                            + "with the JSON field names; arrays of values joined with |, objects as JSON; "
                            + "run id and snapshot date in the Encours-Run-Id and Encours-Snapshot-Date headers")));
        }
    }

    private static Map<String, String> standardErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "A parameter is malformed or out of range; `parameter` names it and `detail` says what is allowed");
        errors.put("401", "No or bad credentials");
        errors.put("403", "Outside the caller's scope (role, entities, own collector, debtor-level data)");
        errors.put("406", "The Accept header asks for a media type other than JSON or CSV");
        errors.put("500", "Internal error; `correlationId` is in the server log");
        errors.put("503", "Nothing published yet (run bin/encours pipeline), or the database is busy");
        return errors;
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("parameter 'from' must be a month YYYY-MM (e.g. 2025-06), got '2025-13'"))
                .addProperty("instance", new StringSchema().example("/api/v1/dso"))
                .addProperty("parameter", new StringSchema().description("400 only: the offending parameter"))
                .addProperty("correlationId", new StringSchema().description("500 only: find it in the server log"));
    }
}
