package io.encours.api.web.error;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** 503: every database connection stayed busy for the whole borrow timeout. */
public class ServiceBusyException extends ApiException {

    public ServiceBusyException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "the database is busy: retry in a moment", Map.of());
        getHeaders().set("Retry-After", "1");
    }
}
