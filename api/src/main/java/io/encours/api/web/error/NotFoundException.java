package io.encours.api.web.error;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** 404: an unknown collector, debtor … named in the path or a parameter. */
public class NotFoundException extends ApiException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, detail, Map.of());
    }
}
