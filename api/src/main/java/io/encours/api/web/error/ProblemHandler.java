package io.encours.api.web.error;

import io.encours.api.web.params.Params;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of a controller as {@code application/problem+json} (RFC 9457): Spring MVC's own
 * exceptions with details that name the parameter and what is allowed (400), unknown paths
 * (404), wrong methods (405), unacceptable media types (406); the features' {@link ApiException}s
 * with their status; anything else a 500 "internal error" whose correlation id is logged with
 * the stack trace (never sent).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p
                : ex instanceof org.springframework.web.ErrorResponse e ? e.updateAndGetBody(getMessageSource(), request.getLocale())
                : ProblemDetail.forStatus(status);
        String parameter = null;
        String detail = null;
        if (ex instanceof MissingServletRequestParameterException m) {
            parameter = m.getParameterName();
            detail = "parameter '" + parameter + "' is required";
        } else if (ex instanceof TypeMismatchException t) {
            parameter = t instanceof MethodArgumentTypeMismatchException m ? m.getName() : t.getPropertyName();
            detail = "parameter '" + parameter + "' " + expected(t) + ", got '" + shorten(t.getValue()) + "'";
        } else if (ex instanceof HandlerMethodValidationException v) {
            List<String> messages = new ArrayList<>();
            for (var result : v.getParameterValidationResults()) {
                String name = parameterName(result.getMethodParameter());
                parameter = parameter == null ? name : parameter;
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    messages.add("parameter '" + name + "' " + error.getDefaultMessage());
                }
            }
            detail = messages.isEmpty() ? "invalid parameters" : String.join("; ", messages);
        } else if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            detail = "no such endpoint: " + describe(request) + " (see /v3/api-docs)";
        } else if (ex instanceof HttpRequestMethodNotSupportedException m) {
            detail = "method " + m.getMethod() + " is not supported here"
                    + (m.getSupportedHttpMethods() == null ? "" : "; allowed: "
                    + m.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", ")));
        } else if (ex instanceof HttpMediaTypeNotAcceptableException m) {
            detail = "cannot answer in the requested media type (Accept); this endpoint answers "
                    + (m.getSupportedMediaTypes().isEmpty() ? "application/json"
                    : m.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", ")));
        }
        if (detail != null) {
            problem.setDetail(detail);
        }
        if (parameter != null) {
            problem.setProperty("parameter", parameter);
        }
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        return problem(HttpStatus.FORBIDDEN, "access denied: " + ex.getMessage(), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        return problem(HttpStatus.UNAUTHORIZED, "authentication required", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> internal(Exception ex, WebRequest request) {
        String correlationId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        LOG.error("internal error, correlation id {}, on {}", correlationId, describe(request), ex);
        ResponseEntity<Object> response = problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal error (correlation id " + correlationId + ")", request);
        ((ProblemDetail) response.getBody()).setProperty("correlationId", correlationId);
        return response;
    }

    private ResponseEntity<Object> problem(HttpStatus status, String detail, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(java.net.URI.create(servlet.getRequest().getRequestURI()));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** What a typed parameter accepts, for a 400 detail. */
    static String expected(TypeMismatchException t) {
        Class<?> type = t.getRequiredType();
        if (t instanceof MethodArgumentTypeMismatchException m && type != null && Collection.class.isAssignableFrom(type)) {
            MethodParameter nested = m.getParameter().nested();
            type = nested.getNestedParameterType();
        }
        if (type == null) {
            return "has an invalid value";
        }
        if (type.isEnum()) {
            @SuppressWarnings("unchecked")
            Class<? extends Enum<?>> e = (Class<? extends Enum<?>>) type;
            return "must be one of " + Params.allowed(e);
        }
        if (type == YearMonth.class) {
            return "must be a month YYYY-MM (e.g. 2025-06)";
        }
        if (type == LocalDate.class) {
            return "must be a date YYYY-MM-DD";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        return "has an invalid value";
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        if (annotation != null && !annotation.name().isEmpty()) {
            return annotation.name();
        }
        return parameter.getParameterName();
    }

    private static String shorten(Object value) {
        String s = value instanceof Object[] a && a.length == 1 ? String.valueOf(a[0]) : String.valueOf(value);
        s = s.replaceAll("[\\p{Cntrl}]", "?");
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static String describe(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest r = servlet.getRequest();
            return r.getMethod() + " " + r.getRequestURI();
        }
        return request.getDescription(false);
    }
}
