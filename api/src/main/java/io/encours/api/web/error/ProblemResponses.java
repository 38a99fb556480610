package io.encours.api.web.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@code application/problem+json} body where Spring MVC's exception handling does
 * not apply (security filters, the /error page).
 */
public final class ProblemResponses {

    public static final String PROBLEM_JSON = "application/problem+json";

    private final JsonMapper mapper;

    public ProblemResponses(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
            Map<String, Object> extra) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> body = body(status, detail, request.getRequestURI());
        body.putAll(extra);
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), body);
    }

    public static Map<String, Object> body(HttpStatus status, String detail, String instance) {
        // As Spring's ProblemDetail: "type" left out when it is about:blank (RFC 9457 §3.1.1).
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        return body;
    }
}
