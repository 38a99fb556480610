package io.encours.api.web.error;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 503: nothing has been published into the warehouse yet. */
public class NoPublishedRunException extends ApiException {

    public NoPublishedRunException(Path warehouse) {
        super(HttpStatus.SERVICE_UNAVAILABLE,
                "no published run yet in " + warehouse + ": run bin/encours pipeline", Map.of());
        getHeaders().set("Retry-After", "30");
    }
}
