package io.encours.api.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.config.DatabaseConfig;
import io.encours.api.security.SecurityConfig;
import io.encours.api.web.WebConfig;
import io.encours.api.web.error.ProblemHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Base of the feature slice tests: every controller in one {@code @WebMvcTest} context (shared
 * by all subclasses: same configuration, so Spring's context cache starts it once), demo users,
 * over the {@link MetricWarehouse} fixture database (T = 2025-06-30).
 */
@WebMvcTest
@Import({DatabaseConfig.class, SecurityConfig.class, WebConfig.class, ProblemHandler.class})
@ActiveProfiles("demo")
public abstract class ApiSliceTest {

    public static final String CFO = "cfo";
    public static final String ENTITY_CFO = "entity-cfo";
    public static final String COLLECTOR = "collector";
    public static final String ANALYST = "analyst";

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        registry.add("encours.warehouse", () -> MetricWarehouse.shared().root().toString());
        registry.add("encours.database.poll-interval", () -> "1h");
    }

    @Autowired
    protected MockMvc mvc;

    /** GET as a demo user (password = user name). */
    protected ResultActions as(String user, String url) throws Exception {
        return mvc.perform(get(url).with(httpBasic(user, user)));
    }

    protected ResultActions csv(String user, String url) throws Exception {
        return mvc.perform(get(url).accept("text/csv").with(httpBasic(user, user)));
    }

    protected String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    /** 400 problem naming {@code parameter}; detail contains {@code detail}. */
    protected void expect400(String url, String parameter, String detail) throws Exception {
        as(CFO, url).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.parameter").value(parameter))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(detail)));
    }

    protected void expect403(String user, String url) throws Exception {
        as(user, url).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    protected void expect404(String user, String url) throws Exception {
        as(user, url).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }
}
