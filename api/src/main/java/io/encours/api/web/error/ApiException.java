package io.encours.api.web.error;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error a feature raises on purpose; rendered as {@code application/problem+json} with its
 * status and detail (see {@link ProblemHandler}). Use the subclasses: {@link BadParameterException}
 * (400), {@link OutOfScopeException} (403), {@link NotFoundException} (404),
 * {@link NoPublishedRunException} and {@link ServiceBusyException} (503).
 */
public class ApiException extends ErrorResponseException {

    protected ApiException(HttpStatus status, String detail, Map<String, Object> properties) {
        super(status, problem(status, detail, properties), null);
    }

    private static ProblemDetail problem(HttpStatus status, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        properties.forEach(problem::setProperty);
        return problem;
    }

    @Override
    public String getMessage() {
        return getStatusCode().value() + ": " + getBody().getDetail();
    }
}
