package io.encours.api.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.config.DatabaseConfig;
import io.encours.api.db.DatabaseRegistry;
import io.encours.api.security.SecurityConfig;
import io.encours.api.testing.Fixtures;
import io.encours.api.testing.ProbeController;
import io.encours.api.testing.TestWarehouse;
import io.encours.api.web.WebConfig;
import io.encours.api.web.error.ProblemHandler;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The meta feature in a web slice over a real fixture database: 503 before any run, the JSON
 * and CSV shapes, problem+json errors, and the shared parameter checks (via the test-only
 * {@link ProbeController}, written as a feature would be).
 */
@WebMvcTest(controllers = {MetaController.class, ProbeController.class})
@Import({DatabaseConfig.class, SecurityConfig.class, WebConfig.class, ProblemHandler.class})
@ActiveProfiles("demo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetaControllerTest {

    private static final TestWarehouse WAREHOUSE = TestWarehouse.at(Fixtures.tempDir("encours-meta"));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("encours.warehouse", () -> WAREHOUSE.root().toString());
        registry.add("encours.database.poll-interval", () -> "1h");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    DatabaseRegistry registry;

    private static boolean published;

    @BeforeEach
    void publishAfterTheFirstTest(org.junit.jupiter.api.TestInfo info) {
        if (!info.getTestMethod().orElseThrow().getName().equals("answers503BeforeAnyRun") && !published) {
            WAREHOUSE.publish("20250701T060000Z", LocalDate.of(2025, 6, 30));
            registry.refresh();
            published = true;
        }
    }

    private static MockHttpServletRequestBuilder asCfo(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic("cfo", "cfo"));
    }

    @Test
    @Order(1)
    void answers503BeforeAnyRun() throws Exception {
        mvc.perform(asCfo(get("/api/v1/meta")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.title").value("Service Unavailable"))
                .andExpect(jsonPath("$.detail").value("no published run yet in " + WAREHOUSE.root()
                        + ": run bin/encours pipeline"))
                .andExpect(jsonPath("$.instance").value("/api/v1/meta"));
        // CSV asked: the error is still problem+json.
        mvc.perform(asCfo(get("/api/v1/meta")).accept("text/csv"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    @Order(2)
    void servesTheRunAndItsIngestionCounts() throws Exception {
        mvc.perform(asCfo(get("/api/v1/meta")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.snapshotDate").value("2025-06-30"))
                .andExpect(jsonPath("$.runId").value("20250701T060000Z"))
                .andExpect(jsonPath("$.publishedAt").value("2025-07-01T06:12:40Z"))
                .andExpect(jsonPath("$.tables.length()").value(3))
                .andExpect(jsonPath("$.tables[1].table").value("invoices"))
                .andExpect(jsonPath("$.tables[1].read").value(120))
                .andExpect(jsonPath("$.tables[1].accepted").value(115))
                .andExpect(jsonPath("$.tables[1].rejected").value(5))
                .andExpect(jsonPath("$.tables[1].duplicatesCollapsed").value(2))
                .andExpect(jsonPath("$.rejects[0].table").value("invoices"))
                .andExpect(jsonPath("$.rejects[0].reason").value("due_date before issue_date, or missing"))
                .andExpect(jsonPath("$.rejects[0].count").value(3))
                .andExpect(jsonPath("$.rejects[1].count").value(2));
    }

    @Test
    @Order(3)
    void answersCsvOnAcceptTextCsv() throws Exception {
        String csv = mvc.perform(asCfo(get("/api/v1/meta")).accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(header().string("Encours-Run-Id", "20250701T060000Z"))
                .andExpect(header().string("Encours-Snapshot-Date", "2025-06-30"))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).isEqualTo("""
                table,read,accepted,rejected,duplicatesCollapsed\r
                debtors,30,30,0,0\r
                invoices,120,115,5,2\r
                payments,80,80,0,1\r
                """);
        // JSON stays the default for a browser-like or missing Accept.
        mvc.perform(asCfo(get("/api/v1/meta")).accept("*/*"))
                .andExpect(content().contentTypeCompatibleWith("application/json"));
    }

    @Test
    void listsAndSeriesHaveTheirEnvelopesAsJsonAndCsv() throws Exception {
        mvc.perform(asCfo(get("/api/v1/test/debtors?size=2&page=0")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.snapshotDate").value("2025-06-30"))
                .andExpect(jsonPath("$.runId").value("20250701T060000Z"))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[0].debtorId").value("D-001"));
        String csv = mvc.perform(asCfo(get("/api/v1/test/debtors?page=1&size=2")).accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Encours-Total", "3"))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).isEqualTo("debtorId,name,entityId,segment,collectorId\r\n"
                + "D-003,Ville de Nantes,ENT-01,PUBLIC,\r\n");

        mvc.perform(asCfo(get("/api/v1/test/series")))
                .andExpect(jsonPath("$.points[0].receivables").value(1234.01))
                .andExpect(jsonPath("$.points[0].dso").value(41.26))
                .andExpect(jsonPath("$.points[0].rate").value(0.1235))
                .andExpect(jsonPath("$.points[1].dso").value(org.hamcrest.Matchers.nullValue()));
        String series = mvc.perform(asCfo(get("/api/v1/test/series")).accept("text/csv"))
                .andReturn().getResponse().getContentAsString();
        assertThat(series).isEqualTo("period,receivables,dso,rate,reasons,byChannel\r\n"
                + "2025-05,1234.01,41.26,0.1235,late|disputed,\"{\"\"EMAIL\"\":3}\"\r\n"
                + "2025-06,10000000.00,,1.0000,,{}\r\n");
        assertThat(mvc.perform(asCfo(get("/api/v1/test/empty")).accept("text/csv"))
                .andReturn().getResponse().getContentAsString())
                .isEqualTo("period,receivables,dso,rate,reasons,byChannel\r\n");
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() throws Exception {
        expect400("/api/v1/test/debtors?from=2025-13", "from", "parameter 'from' must be a month YYYY-MM (e.g. 2025-06), got '2025-13'");
        expect400("/api/v1/test/debtors?from=june", "from", "parameter 'from' must be a month YYYY-MM (e.g. 2025-06), got 'june'");
        expect400("/api/v1/test/debtors?from=2025-06&to=2025-03", "from", "from (2025-06) is after to (2025-03): from must be on or before to");
        expect400("/api/v1/test/debtors?size=1001", "size", "size must be between 1 and 1000, got 1001");
        expect400("/api/v1/test/debtors?size=0", "size", "size must be between 1 and 1000, got 0");
        expect400("/api/v1/test/debtors?page=-1", "page", "page must be 0 or more (pages count from 0), got -1");
        expect400("/api/v1/test/debtors?page=x", "page", "parameter 'page' must be an integer, got 'x'");
        expect400("/api/v1/test/debtors?method=median", "method", "parameter 'method' must be one of standard|countback, got 'median'");
        expect400("/api/v1/test/debtors?segment=BIG", "segment", "parameter 'segment' must be one of KEY_ACCOUNT|SME|MICRO|PUBLIC, got 'BIG'");
        expect400("/api/v1/test/debtors?window=0", "window", "window must be between 1 and 365, got 0");
        expect400("/api/v1/test/debtors?collector=x*y", "collector", "collector must be an id (letters, digits, _ . : -, at most 64), got 'x*y'");
        // Enum values are case-insensitive.
        mvc.perform(asCfo(get("/api/v1/test/debtors?method=COUNTBACK&segment=micro&from=2025-01&to=2025-06")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
    }

    private void expect400(String url, String parameter, String detail) throws Exception {
        mvc.perform(asCfo(get(url)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.parameter").value(parameter))
                .andExpect(jsonPath("$.detail").value(detail));
    }

    @Test
    void otherErrorsAreProblemsToo() throws Exception {
        mvc.perform(asCfo(get("/api/v1/no-such-thing")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("no such endpoint: GET /api/v1/no-such-thing (see /v3/api-docs)"));
        mvc.perform(asCfo(post("/api/v1/meta")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "GET"))
                .andExpect(jsonPath("$.detail").value("method POST is not supported here; allowed: GET"));
        mvc.perform(asCfo(get("/api/v1/meta")).accept("application/xml"))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", startsWith("cannot answer in the requested media type")));
        mvc.perform(asCfo(get("/api/v1/test/collectors/COL-99")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("unknown collector COL-99"));
        mvc.perform(asCfo(get("/api/v1/test/debtors?debtor=D-999")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("unknown debtor D-999"));
        mvc.perform(asCfo(get("/api/v1/test/debtors?entity=ENT-99")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("unknown entity ENT-99"));
    }

    @Test
    void anUnexpectedFailureIsA500WithACorrelationIdAndNoDetailOfIt() throws Exception {
        String body = mvc.perform(asCfo(get("/api/v1/test/boom")))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", startsWith("internal error (correlation id ")))
                .andExpect(jsonPath("$.correlationId").isString())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("secret", "IllegalStateException", "at io.encours");
    }
}
