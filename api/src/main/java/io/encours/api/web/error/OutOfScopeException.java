package io.encours.api.web.error;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** 403: the caller asked explicitly for data outside its scope (never answered with empty rows). */
public class OutOfScopeException extends ApiException {

    public OutOfScopeException(String detail) {
        super(HttpStatus.FORBIDDEN, detail, Map.of());
    }
}
