package io.encours.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ResponseCacheFilterTest {
    private final AtomicReference<String> run = new AtomicReference<>("20250701T000000Z-aaaaaa");
    private final AtomicInteger rendered = new AtomicInteger();
    private final ResponseCacheFilter filter = new ResponseCacheFilter(
            request -> Optional.ofNullable(run.get()),
            request -> Optional.ofNullable(request.getHeader("X-Caller")), 1_000, 400);

    /**
     * The application behind the filter: renders "<run> <caller> <path> #<n>", or {@code len}
     * bytes when asked, with the status asked if any.
     */
    private final FilterChain application = (request, response) -> {
        int n = rendered.incrementAndGet();
        HttpServletResponse http = (HttpServletResponse) response;
        String status = request.getParameter("status");
        if (status != null) {
            http.setStatus(Integer.parseInt(status));
        }
        http.setContentType("application/json");
        http.setHeader("Encours-Run-Id", run.get());
        http.setHeader("X-Not-Kept", "x");
        String caller = ((jakarta.servlet.http.HttpServletRequest) request).getHeader("X-Caller");
        String length = request.getParameter("len");
        if (length != null) {
            http.getOutputStream().write(new byte[Integer.parseInt(length)]);
            return;
        }
        http.getOutputStream().write((run.get() + " " + caller + " "
                + ((jakarta.servlet.http.HttpServletRequest) request).getRequestURI() + " #" + n)
                .getBytes(StandardCharsets.UTF_8));
    };

    private MockHttpServletResponse get(String caller, String path, String query) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        if (query != null) {
            String[] parameter = query.split("=");
            request.setParameter(parameter[0], parameter[1]);
        }
        if (caller != null) {
            request.addHeader("X-Caller", caller);
        }
        request.addHeader("Accept", "application/json");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, application);
        return response;
    }

    @Test
    void aRepeatedRequestIsAnsweredFromTheCacheWithItsContentTypeAndApplicationHeaders() throws Exception {
        MockHttpServletResponse first = get("cfo", "/api/v1/dso", "window=90");
        MockHttpServletResponse second = get("cfo", "/api/v1/dso", "window=90");

        assertThat(rendered).hasValue(1);
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString())
                .isEqualTo("20250701T000000Z-aaaaaa cfo /api/v1/dso #1");
        assertThat(second.getContentType()).isEqualTo("application/json");
        assertThat(second.getHeader("Encours-Run-Id")).isEqualTo("20250701T000000Z-aaaaaa");
        assertThat(second.getHeader("X-Not-Kept")).isNull();
        assertThat(second.getContentLength()).isEqualTo(first.getContentAsByteArray().length);
    }

    @Test
    void anotherCallerQueryOrPathIsRenderedAgain() throws Exception {
        get("cfo", "/api/v1/dso", "window=90");
        assertThat(get("collector", "/api/v1/dso", "window=90").getContentAsString()).contains("collector").endsWith("#2");
        assertThat(get("cfo", "/api/v1/dso", "window=30").getContentAsString()).endsWith("#3");
        assertThat(get("cfo", "/api/v1/delays", "window=90").getContentAsString()).endsWith("#4");
        assertThat(get("cfo", "/api/v1/dso", "window=90").getContentAsString()).endsWith("#1");
        assertThat(rendered).hasValue(4);
    }

    @Test
    void aNewRunIsNeverAnsweredWithThePreviousRunsAnswer() throws Exception {
        get("cfo", "/api/v1/dso", null);
        run.set("20250708T000000Z-bbbbbb");

        assertThat(get("cfo", "/api/v1/dso", null).getContentAsString())
                .isEqualTo("20250708T000000Z-bbbbbb cfo /api/v1/dso #2");
        assertThat(get("cfo", "/api/v1/dso", null).getContentAsString()).endsWith("#2");
    }

    @Test
    void errorsAnonymousCallersAndRequestsBeforeAnyRunAreNotKept() throws Exception {
        assertThat(get("cfo", "/api/v1/dso", "status=400").getStatus()).isEqualTo(400);
        assertThat(get("cfo", "/api/v1/dso", "status=400").getStatus()).isEqualTo(400);
        get(null, "/api/v1/meta", null);
        get(null, "/api/v1/meta", null);
        run.set(null);
        get("cfo", "/api/v1/meta", null);
        get("cfo", "/api/v1/meta", null);

        assertThat(rendered).hasValue(6);
    }

    @Test
    void anAnswerOverTheEntryLimitOrTheRunsBudgetIsServedButNotKept() throws Exception {
        // 400 bytes per answer at most, 1,000 per run.
        assertThat(get("cfo", "/api/v1/export", "len=401").getContentAsByteArray()).hasSize(401);
        get("cfo", "/api/v1/export", "len=401");
        assertThat(rendered).hasValue(2);

        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < 5; i++) {
                assertThat(get("cfo", "/api/v1/p" + i, "len=300").getContentAsByteArray()).hasSize(300);
            }
        }
        // The first three fit (900 bytes); the fourth and fifth are rendered on both passes.
        assertThat(rendered).hasValue(2 + 5 + 2);
    }

    @Test
    void otherMethodsPassThrough() throws Exception {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/api/v1/dso");
        post.addHeader("X-Caller", "cfo");
        filter.doFilter(post, new MockHttpServletResponse(), application);
        filter.doFilter(post, new MockHttpServletResponse(), application);

        assertThat(rendered).hasValue(2);
    }
}
