package io.encours.api.web.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code /error} page (errors raised outside Spring MVC: the servlet container, filters)
 * as problem+json, replacing Boot's whitelabel/JSON error page. Never a stack trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("/error")
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.resolve(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? null : uri.toString();
        String detail;
        Map<String, Object> extra = Map.of();
        if (status.is5xxServerError()) {
            String correlationId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            LOG.error("internal error, correlation id {}, on {}", correlationId, path,
                    exception instanceof Throwable t ? t : null);
            detail = "internal error (correlation id " + correlationId + ")";
            extra = Map.of("correlationId", correlationId);
        } else if (status == HttpStatus.NOT_FOUND) {
            detail = "no such endpoint: " + path + " (see /v3/api-docs)";
        } else {
            detail = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        }
        Map<String, Object> body = ProblemResponses.body(status, detail, path);
        body.putAll(extra);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
