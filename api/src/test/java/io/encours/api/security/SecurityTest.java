package io.encours.api.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.config.DatabaseConfig;
import io.encours.api.meta.MetaController;
import io.encours.api.testing.Fixtures;
import io.encours.api.testing.ProbeController;
import io.encours.api.testing.TestWarehouse;
import io.encours.api.web.WebConfig;
import io.encours.api.web.error.ProblemHandler;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The demo users (demo profile, HTTP Basic, BCrypt hashes) against /meta and the scope rules,
 * over a fixture database whose smallest entity is ENT-01 and smallest collector COL-01.
 */
@WebMvcTest(controllers = {MetaController.class, ProbeController.class})
@Import({DatabaseConfig.class, SecurityConfig.class, WebConfig.class, ProblemHandler.class})
@ActiveProfiles("demo")
class SecurityTest {

    private static final TestWarehouse WAREHOUSE = TestWarehouse.at(Fixtures.tempDir("encours-security"));

    static {
        WAREHOUSE.publish("20250701T060000Z", LocalDate.of(2025, 6, 30));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("encours.warehouse", () -> WAREHOUSE.root().toString());
    }

    @Autowired
    MockMvc mvc;

    private ResultActions as(String user, String url) throws Exception {
        return mvc.perform(get(url).with(httpBasic(user, user)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cfo", "entity-cfo", "collector", "analyst"})
    void everyDemoRoleMayReadMeta(String user) throws Exception {
        as(user, "/api/v1/meta").andExpect(status().isOk()).andExpect(jsonPath("$.runId").value("20250701T060000Z"));
    }

    @Test
    void withoutCredentials401WithABasicChallenge() throws Exception {
        mvc.perform(get("/api/v1/meta"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"encours\", charset=\"UTF-8\""))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value("authentication required: send HTTP Basic credentials"));
        mvc.perform(get("/api/v1/meta").with(httpBasic("cfo", "wrong")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("authentication failed: bad credentials"));
        mvc.perform(get("/api/v1/meta").with(httpBasic("nobody", "nobody")))
                .andExpect(status().isUnauthorized());
        // Unknown paths too: nothing is told before authentication.
        mvc.perform(get("/api/v1/nothing")).andExpect(status().isUnauthorized());
    }

    @Test
    void demoScopesResolveToTheSmallestIdsOfTheServedDatabase() throws Exception {
        as("entity-cfo", "/api/v1/test/scope")
                .andExpect(jsonPath("$.role").value("ENTITY_CFO"))
                .andExpect(jsonPath("$.entities[0]").value("ENT-01"))
                .andExpect(jsonPath("$.entities.length()").value(1));
        as("collector", "/api/v1/test/scope")
                .andExpect(jsonPath("$.role").value("COLLECTOR"))
                .andExpect(jsonPath("$.collector").value("COL-01"));
        as("cfo", "/api/v1/test/scope").andExpect(jsonPath("$.role").value("GROUP_CFO"));
    }

    @Test
    void explicitOutOfScopeRequestsAre403() throws Exception {
        expect403(as("entity-cfo", "/api/v1/test/debtors?entity=ENT-02"),
                "entity ENT-02 is outside your scope (you may see: ENT-01)");
        expect403(as("entity-cfo", "/api/v1/test/debtors?entity=ENT-01&entity=ENT-03"),
                "entity ENT-03 is outside your scope (you may see: ENT-01)");
        expect403(as("entity-cfo", "/api/v1/test/debtors?debtor=D-002"), "debtor D-002 is outside your scope");
        expect403(as("collector", "/api/v1/test/collectors/COL-02"),
                "collector COL-02 is outside your scope (you are COL-01)");
        expect403(as("collector", "/api/v1/test/debtors?collector=COL-02"),
                "collector COL-02 is outside your scope (you are COL-01)");
        expect403(as("collector", "/api/v1/test/debtors?debtor=D-003"), "debtor D-003 is not in your portfolio");
        expect403(as("analyst", "/api/v1/test/debtors"),
                "debtor-level data is not available to the ANALYST role (aggregated metrics only)");
        expect403(as("analyst", "/api/v1/test/collectors/COL-01"),
                "debtor-level data is not available to the ANALYST role (aggregated metrics only)");
    }

    private static void expect403(ResultActions result, String detail) throws Exception {
        result.andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").value(detail));
    }

    @Test
    void listsNeverHoldRowsOutsideTheScope() throws Exception {
        as("cfo", "/api/v1/test/debtors").andExpect(jsonPath("$.total").value(3));
        as("entity-cfo", "/api/v1/test/debtors")
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.rows[0].entityId").value("ENT-01"))
                .andExpect(jsonPath("$.rows[1].entityId").value("ENT-01"));
        as("collector", "/api/v1/test/debtors")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.rows[0].debtorId").value("D-001"));
        as("collector", "/api/v1/test/collectors/COL-01").andExpect(status().isOk());
        as("entity-cfo", "/api/v1/test/debtors?debtor=D-003").andExpect(jsonPath("$.total").value(1));
    }
}
