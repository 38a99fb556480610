package io.encours.api.web.error;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** 400: a request parameter is malformed or out of range. The problem names it ({@code parameter}). */
public class BadParameterException extends ApiException {

    private final String parameter;

    public BadParameterException(String parameter, String detail) {
        super(HttpStatus.BAD_REQUEST, detail, Map.of("parameter", parameter));
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
