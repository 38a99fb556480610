package io.encours.api.web;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Whole successful GET responses of the API, kept per published run and per caller, and served
 * again as bytes. A published run never changes, so an answer is valid for the life of its run:
 * the dashboard and the notebooks ask the same few series again and again, and a repeat then
 * skips the controller, the query and the JSON rendering (and the garbage they make, whose
 * collections were the tail of the latency under load).
 *
 * <p>It runs after Spring Security: authentication and the access rules apply to every request,
 * cached or not. The key holds everything an answer depends on: the run the request is pinned
 * to, the caller (name, role, entities, collector: two callers share an entry only when they are
 * the same caller), the path, the query string and the {@code Accept} header. Only 200 answers
 * are kept, with their content type and the application's own headers ({@link #KEPT_HEADERS},
 * {@code Encours-*}); errors are never cached. A run's entries are dropped when a newer run is
 * served. Bounded per run by bytes held ({@code maxBytes}); an answer over {@code maxEntryBytes}
 * (a large export) is not kept. Entries are never evicted: the set of distinct requests of a
 * run is small, and once the budget is spent, further answers are simply rendered each time.
 *
 * <p>The body is buffered until the controller returns, which suits the API's synchronous
 * controllers. An asynchronous one (none today) would need the filter to also run on the async
 * dispatch, as Spring's {@code ShallowEtagHeaderFilter} does.
 */
public final class ResponseCacheFilter extends OncePerRequestFilter {
    /** Headers replayed with a cached body, besides {@code Encours-*}. */
    static final List<String> KEPT_HEADERS = List.of("Content-Disposition", "Content-Language");

    private final Function<HttpServletRequest, Optional<String>> runOfRequest;
    private final Function<HttpServletRequest, Optional<Object>> callerOfRequest;
    private final long maxBytes;
    private final int maxEntryBytes;
    private volatile RunResponses current = new RunResponses("");

    /**
     * @param runOfRequest the run id this request is pinned to (empty: nothing is published,
     *     the request goes through uncached)
     * @param callerOfRequest the authenticated caller, a value with equals and hashCode (empty:
     *     anonymous, not cached)
     */
    public ResponseCacheFilter(Function<HttpServletRequest, Optional<String>> runOfRequest,
            Function<HttpServletRequest, Optional<Object>> callerOfRequest, long maxBytes, int maxEntryBytes) {
        this.runOfRequest = requireNonNull(runOfRequest, "runOfRequest");
        this.callerOfRequest = requireNonNull(callerOfRequest, "callerOfRequest");
        this.maxBytes = maxBytes;
        this.maxEntryBytes = maxEntryBytes;
    }

    private record Key(Object caller, String path, String query, String accept) {
    }

    private record Answer(String contentType, List<String[]> headers, byte[] body) {
    }

    /** The answers of one run. */
    private static final class RunResponses {
        final String runId;
        final Map<Key, Answer> answers = new ConcurrentHashMap<>();
        final AtomicLong bytes = new AtomicLong();

        RunResponses(String runId) {
            this.runId = runId;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Object> caller = callerOfRequest.apply(request);
        Optional<String> run = caller.isPresent() ? runOfRequest.apply(request) : Optional.empty();
        if (run.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RunResponses responses = responsesOf(run.get());
        Key key = new Key(caller.get(), request.getRequestURI(), request.getQueryString(), request.getHeader("Accept"));
        Answer cached = responses.answers.get(key);
        if (cached != null) {
            replay(cached, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorded);
            if (recorded.getStatus() == HttpServletResponse.SC_OK && !request.isAsyncStarted()) {
                keep(responses, key, recorded);
            }
        } finally {
            recorded.copyBodyToResponse();
        }
    }

    /**
     * The answers of {@code runId}. Another run replaces the current one (a newly published run,
     * or an older one served again): at a switch, requests still pinned to the previous run may
     * swap it back for a moment, which only costs entries, never serves one run for another.
     */
    private RunResponses responsesOf(String runId) {
        RunResponses responses = current;
        if (!responses.runId.equals(runId)) {
            responses = new RunResponses(runId);
            current = responses;
        }
        return responses;
    }

    private void keep(RunResponses responses, Key key, ContentCachingResponseWrapper recorded) {
        byte[] body = recorded.getContentAsByteArray();
        if (body.length > maxEntryBytes) {
            return;
        }
        if (responses.bytes.addAndGet(body.length) > maxBytes) {
            responses.bytes.addAndGet(-body.length);
            return;
        }
        List<String[]> headers = new ArrayList<>();
        for (String name : recorded.getHeaderNames()) {
            if (name.toLowerCase(Locale.ROOT).startsWith("encours-")
                    || KEPT_HEADERS.stream().anyMatch(name::equalsIgnoreCase)) {
                headers.add(new String[] {name, recorded.getHeader(name)});
            }
        }
        if (responses.answers.putIfAbsent(key, new Answer(recorded.getContentType(), headers, body)) != null) {
            responses.bytes.addAndGet(-body.length);
        }
    }

    private static void replay(Answer answer, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        for (String[] header : answer.headers()) {
            response.setHeader(header[0], header[1]);
        }
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }
}
