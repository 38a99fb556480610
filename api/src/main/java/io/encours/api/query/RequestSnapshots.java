package io.encours.api.query;

import io.encours.api.db.DatabaseRegistry;
import io.encours.api.db.ServedDatabase;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Pins the served database to the current HTTP request: the first call in a request takes a
 * reference on the served file, later calls in the same request get the same {@link Snapshot},
 * and the reference is given back when the request completes (after the response is written).
 */
public final class RequestSnapshots {

    private static final String ATTRIBUTE = RequestSnapshots.class.getName();

    private final DatabaseRegistry registry;

    public RequestSnapshots(DatabaseRegistry registry) {
        this.registry = registry;
    }

    /** This request's snapshot; 503 (NoPublishedRunException) before any run is published. */
    public Snapshot current() {
        RequestAttributes attributes = RequestContextHolder.currentRequestAttributes();
        Object existing = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (existing instanceof Snapshot snapshot && !snapshot.isReleased()) {
            return snapshot;
        }
        ServedDatabase database = registry.acquire();
        Snapshot snapshot = new Snapshot(database);
        attributes.setAttribute(ATTRIBUTE, snapshot, RequestAttributes.SCOPE_REQUEST);
        attributes.registerDestructionCallback(ATTRIBUTE, snapshot::release, RequestAttributes.SCOPE_REQUEST);
        return snapshot;
    }
}
