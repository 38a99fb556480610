package io.encours.api.web;

import io.encours.api.query.RequestSnapshots;
import io.encours.api.security.CallerScopeResolver;
import io.encours.api.web.error.NoPublishedRunException;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Registers the {@link ResponseCacheFilter} on {@code /api/v1/*}, after Spring Security (and
 * after the request context the run is pinned in). Not part of the {@code @WebMvcTest} slices:
 * they test the controllers themselves.
 */
@Configuration(proxyBeanMethods = false)
public class ResponseCacheConfig {
    /** Bytes of answers kept per run: a dashboard's and a few notebooks' distinct requests. */
    static final long MAX_BYTES_PER_RUN = 64L * 1024 * 1024;
    /** Larger answers (exports, whole lists) are rendered each time. */
    static final int MAX_ENTRY_BYTES = 1024 * 1024;

    @Bean
    FilterRegistrationBean<ResponseCacheFilter> responseCacheFilter(RequestSnapshots snapshots) {
        ResponseCacheFilter filter = new ResponseCacheFilter(request -> {
            try {
                return Optional.of(snapshots.current().stamp().runId());
            } catch (NoPublishedRunException e) {
                return Optional.empty(); // the controller answers its 503
            }
        }, request -> Optional.<Object>ofNullable(CallerScopeResolver.callerOf(
                SecurityContextHolder.getContext().getAuthentication())), MAX_BYTES_PER_RUN, MAX_ENTRY_BYTES);
        FilterRegistrationBean<ResponseCacheFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }
}
