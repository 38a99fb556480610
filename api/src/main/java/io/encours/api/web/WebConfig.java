package io.encours.api.web;

import io.encours.api.query.RequestSnapshots;
import io.encours.api.query.Snapshot;
import io.encours.api.security.CallerScope;
import io.encours.api.security.CallerScopeResolver;
import io.encours.api.web.params.EnumParamConverterFactory;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web plumbing every feature relies on: {@link Snapshot} and {@link CallerScope} as controller parameters, CSV rendering, and
 * case-insensitive enum parameters.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    static {
        // Resolved from the request, not parameters a client sends.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Snapshot.class, CallerScope.class)
                // Month parameters (from, to, month, asOf) are documented as YYYY-MM.
                .replaceWithSchema(java.time.YearMonth.class, new io.swagger.v3.oas.models.media.StringSchema()
                        .pattern("^\\d{4}-(0[1-9]|1[0-2])$").example("2025-06"));
    }

    private final JsonMapper mapper;
    private final RequestSnapshots snapshots;

    public WebConfig(JsonMapper mapper, RequestSnapshots snapshots) {
        this.mapper = mapper;
        this.snapshots = snapshots;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SnapshotResolver(snapshots));
        resolvers.add(new CallerScopeResolver(snapshots));
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new EnumParamConverterFactory());
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        // Last, so that JSON stays the default for Accept: */* or no Accept.
        builder.configureMessageConvertersList(list -> list.add(new CsvHttpMessageConverter(mapper)));
    }

    /** Resolves a controller's {@link Snapshot} parameter: this request's pinned database. */
    static final class SnapshotResolver implements HandlerMethodArgumentResolver {
        private final RequestSnapshots snapshots;

        SnapshotResolver(RequestSnapshots snapshots) {
            this.snapshots = snapshots;
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Snapshot.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
            return snapshots.current();
        }
    }
}
