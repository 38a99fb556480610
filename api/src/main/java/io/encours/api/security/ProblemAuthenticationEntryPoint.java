package io.encours.api.security;

import io.encours.api.web.error.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as problem+json, with the challenge of the mode (Basic realm, or Bearer). A script's request
 * ({@code X-Requested-With: XMLHttpRequest}, as the dashboard sends) gets no Basic challenge, so
 * that the browser shows the page's own login form rather than its native pop-up; Spring
 * Security's default Basic entry point makes the same exception.
 */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final String XML_HTTP_REQUEST = "XMLHttpRequest";

    private final ProblemResponses problems;
    private final boolean bearer;
    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();

    public ProblemAuthenticationEntryPoint(ProblemResponses problems, boolean bearer) {
        this.problems = problems;
        this.bearer = bearer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String detail;
        if (bearer) {
            bearerChallenge.commence(request, response, e);
            detail = e instanceof InsufficientAuthenticationException
                    ? "authentication required: send a bearer token (Authorization: Bearer …)"
                    : "invalid bearer token";
        } else {
            if (!XML_HTTP_REQUEST.equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"encours\", charset=\"UTF-8\"");
            }
            detail = e instanceof InsufficientAuthenticationException
                    ? "authentication required: send HTTP Basic credentials"
                    : "authentication failed: bad credentials";
        }
        problems.write(request, response, HttpStatus.UNAUTHORIZED, detail, Map.of());
    }
}
