package io.encours.api.security;

import io.encours.api.query.RequestSnapshots;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a controller's {@link CallerScope} parameter from the authenticated caller; a
 * {@link Caller#SMALLEST} entity or collector is replaced by the smallest id of the database
 * this request is pinned to.
 */
public final class CallerScopeResolver implements HandlerMethodArgumentResolver {

    private final RequestSnapshots snapshots;

    public CallerScopeResolver(RequestSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CallerScope.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return current(snapshots);
    }

    /** The scope of the authenticated caller of this request. */
    public static CallerScope current(RequestSnapshots snapshots) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Caller caller = callerOf(authentication);
        if (caller == null || caller.role() == null) {
            throw new AccessDeniedException("no Encours role");
        }
        List<String> entities = new ArrayList<>();
        for (String entity : caller.entities()) {
            if (Caller.SMALLEST.equals(entity)) {
                snapshots.current().dimensions().smallestEntityId().ifPresent(entities::add);
            } else {
                entities.add(entity);
            }
        }
        String collector = caller.collectorId();
        if (Caller.SMALLEST.equals(collector)) {
            collector = snapshots.current().dimensions().smallestCollectorId().orElse("\u0000none");
        }
        return new CallerScope(caller.name(), caller.role(), entities, collector,
                () -> snapshots.current().dimensions());
    }

    /** The caller behind {@code authentication}, or null when it is none of ours. */
    public static Caller callerOf(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof EncoursUser user) {
            return user.caller();
        }
        if (principal instanceof Caller caller) {
            return caller;
        }
        return null;
    }
}
