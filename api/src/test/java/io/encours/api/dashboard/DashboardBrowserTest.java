package io.encours.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.encours.api.dashboard.DashboardPage.Chart;
import io.encours.api.testing.SampleWarehouse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in a real browser (Debian's chromium, headless, 1366 × 900) over the API serving
 * the warehouse the pipeline publishes from the committed sample: each chart shows the API's
 * figures, the filters reach every call, each role sees its parts, nothing scrolls sideways.
 * Skipped without /usr/bin/chromedriver unless ENCOURS_REQUIRE_BROWSER is set (CI), then it
 * fails. With -Dencours.screenshots it also writes docs/screenshots/*.png.
 */
@ExtendWith(DashboardBrowserTest.BrowserRequired.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DashboardBrowserTest {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", "--window-size=1366,900");
    /** Every chart the filters feed. */
    private static final List<String> CHARTS = List.of("chart-dso", "chart-delays", "chart-aging", "chart-unpaid",
            "chart-forecast", "chart-backtest");
    /**
     * Kept in a field: java.util.logging holds loggers weakly, and a collected one would lose the
     * level that silences Selenium's warning about CDP versions (this test uses no CDP).
     */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static WebDriver driver;
    private static Path profile;

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        registry.add("encours.warehouse", () -> SampleWarehouse.root().toString());
    }

    /** What is missing to run the browser, or null. */
    static String missingBrowser() {
        return !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER + " is missing"
                : !Files.isExecutable(CHROMIUM) ? CHROMIUM + " is missing" : null;
    }

    /**
     * Without a browser each test is skipped (an assumption, with the reason in the report), or
     * fails when ENCOURS_REQUIRE_BROWSER is set (CI). Checked before the test instance exists, so
     * neither the Spring context nor the sample pipeline is started for nothing.
     */
    static final class BrowserRequired implements TestInstancePreConstructCallback {
        @Override
        public void preConstructTestInstance(TestInstanceFactoryContext factory, ExtensionContext context) {
            String missing = missingBrowser();
            if (missing == null) {
                return;
            }
            String message = "dashboard browser test: " + missing + " (apt-get install chromium chromium-driver)";
            if (System.getenv("ENCOURS_REQUIRE_BROWSER") != null) {
                fail(message + "; ENCOURS_REQUIRE_BROWSER is set, so this is a failure");
            }
            assumeTrue(false, message + "; skipped");
        }
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        if (missingBrowser() != null) {
            return;
        }
        SELENIUM_LOG.setLevel(Level.SEVERE);
        profile = Files.createTempDirectory("encours-chromium");
        // Driver and browser given explicitly: Selenium Manager then has nothing to look up or download.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> paths = Files.walk(profile)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @LocalServerPort
    int port;

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private DashboardPage page() {
        return new DashboardPage(driver, base());
    }

    /** The API's JSON for a URL the page used (relative to the page), as {@code user}. */
    private JsonNode api(String user, String source) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/" + source))
                .header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(source).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<Double> numbers(JsonNode array, String field) {
        List<JsonNode> values = new ArrayList<>();
        array.forEach(n -> values.add(n.get(field)));
        return DashboardPage.numbers(values);
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    private static void screenshot(DashboardPage page, String scrollTo, String name) {
        if (System.getProperty("encours.screenshots") != null) {
            page.screenshot(scrollTo, SampleWarehouse.home().resolve("docs/screenshots").resolve(name));
        }
    }

    @Test
    void theCfoSeesEveryChartWithTheApisFigures() throws Exception {
        DashboardPage page = page();
        page.signIn("cfo", "cfo");

        Chart dso = page.chart("chart-dso");
        String[] dsoSources = dso.source().split(" ");
        JsonNode standard = api("cfo", dsoSources[0]).get("points");
        JsonNode countback = api("cfo", dsoSources[1]).get("points");
        assertThat(dso.x()).isEqualTo(strings(standard, "period")).hasSizeGreaterThan(12);
        assertThat(dso.series("standard")).isEqualTo(numbers(standard, "dso"));
        assertThat(dso.series("bestPossible")).isEqualTo(numbers(standard, "bestPossibleDso"));
        assertThat(dso.series("countback")).isEqualTo(numbers(countback, "dso"));

        Chart delays = page.chart("chart-delays");
        String[] delaySources = delays.source().split(" ");
        JsonNode ours = api("cfo", delaySources[0]).get("points");
        JsonNode national = api("cfo", delaySources[1]).get("points");
        assertThat(delays.x()).isEqualTo(strings(ours, "period"));
        assertThat(delays.series("ours")).isEqualTo(numbers(ours, "averageDelayDays"));
        Set<Double> publishedNational = new HashSet<>(numbers(national, "national"));
        List<Double> drawnNational = delays.series().entrySet().stream().filter(e -> e.getKey().startsWith("national"))
                .flatMap(e -> e.getValue().stream()).filter(v -> v != null).toList();
        assertThat(drawnNational).isNotEmpty().allMatch(publishedNational::contains);

        Chart aging = page.chart("chart-aging");
        JsonNode agedRows = api("cfo", aging.source()).get("rows");
        assertThat(aging.source()).contains("groupBy=entity");
        assertThat(aging.x()).hasSize(4);
        for (String bucket : List.of("notDue", "days1to30", "days31to60", "days61to90", "days91to180", "over180")) {
            assertThat(aging.series(bucket)).as(bucket).isEqualTo(numbers(agedRows, bucket));
        }

        Chart unpaid = page.chart("chart-unpaid");
        JsonNode cohorts = api("cfo", unpaid.source()).get("points");
        assertThat(unpaid.x()).isEqualTo(strings(cohorts, "period"));
        for (int i = 0; i < cohorts.size(); i++) {
            boolean isFinal = cohorts.get(i).get("final").asBoolean();
            assertThat(unpaid.series(isFinal ? "final" : "provisional").get(i))
                    .isEqualTo(cohorts.get(i).get("unpaidRate").asDouble());
            assertThat(unpaid.series(isFinal ? "provisional" : "final").get(i)).isNull();
        }

        Chart forecast = page.chart("chart-forecast");
        JsonNode cash = api("cfo", forecast.source()).get("points");
        assertThat(forecast.source()).contains("granularity=week");
        assertThat(forecast.x()).isEqualTo(strings(cash, "periodStart"));
        for (String component : List.of("promised", "invoices", "low", "high")) {
            assertThat(forecast.series(component)).as(component).isEqualTo(numbers(cash, component));
        }

        Chart backtest = page.chart("chart-backtest");
        JsonNode accuracy = api("cfo", backtest.source());
        for (String figure : List.of("wape", "baselineWape", "coverage")) {
            assertThat(backtest.series(figure)).as(figure).isEqualTo(numbers(accuracy.get("horizons"), figure));
        }
        assertThat(page.text("backtest-summary")).contains(accuracy.get("cutoffs").asString() + " weekly cutoffs");

        // Tiles: the latest points as the API gives them; the cash tile is the API's cashAtStake.
        JsonNode lastDso = standard.get(standard.size() - 1);
        assertThat(page.tileNumber("tile-dso")).isCloseTo(lastDso.get("dso").asDouble(), within(0.005));
        JsonNode total = api("cfo", "api/v1/aged-balance").get("rows").get(0);
        assertThat(page.tileNumber("tile-ar")).isCloseTo(total.get("total").asDouble() / 1e6, within(0.005));
        assertThat(page.tileNumber("tile-overdue")).isCloseTo(total.get("overdue").asDouble() / 1e6, within(0.005));
        JsonNode quarter = api("cfo", "api/v1/benchmarks?metric=delay&granularity=quarter").get("points");
        JsonNode reference = null;
        for (JsonNode p : quarter) {
            if ("ALL".equals(p.get("scopeType").asString())
                    && (reference == null || !p.get("period").asString().equals(reference.get("period").asString()))) {
                reference = p;
            }
        }
        assertThat(reference).isNotNull();
        assertThat(page.tileNumber("tile-delay")).isCloseTo(reference.get("ours").asDouble(), within(0.005));
        assertThat(page.tileNumber("tile-cash")).isCloseTo(reference.get("cashAtStake").asDouble() / 1e3, within(0.05));

        // Tables: every row the API gives.
        JsonNode scenarios = api("cfo", page.source("table-scenarios"));
        assertThat(page.columnTexts("table-scenarios", 0)).hasSize(scenarios.get("rows").size())
                .allMatch(cell -> !cell.isBlank());
        JsonNode collectors = api("cfo", page.source("table-collectors"));
        assertThat(page.columnTexts("table-collectors", 0)).hasSize(collectors.get("rows").size());
        JsonNode worklist = api("cfo", page.source("table-worklist"));
        assertThat(page.columnTexts("table-worklist", 1).get(0))
                .contains(worklist.get("rows").get(0).get("debtorId").asString());

        assertThat(page.scrollsSideways()).as("horizontal scrolling at 1366 px").isFalse();
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/v3/api-docs"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("cfo:cfo".getBytes(
                                StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("\"/api/v1/me\"");
        screenshot(page, null, "dashboard-overview.png");
        screenshot(page, "forecast-card", "dashboard-forecast.png");
    }

    @Test
    void theFiltersReachEveryChartAndChangeTheFigures() throws Exception {
        DashboardPage page = page();
        page.signIn("cfo", "cfo");
        List<Double> groupDso = page.chart("chart-dso").series("standard");
        double groupAr = page.tileNumber("tile-ar");

        page.filter("f-segment", "SME");
        for (String chart : CHARTS) {
            assertThat(page.chart(chart).source()).as(chart).contains("segment=SME");
        }
        Chart sme = page.chart("chart-dso");
        assertThat(sme.series("standard"))
                .isEqualTo(numbers(api("cfo", sme.source().split(" ")[0]).get("points"), "dso"))
                .isNotEqualTo(groupDso);
        assertThat(page.tileNumber("tile-ar")).isLessThan(groupAr);

        page.filter("f-entity", "ENT-02");
        for (String chart : CHARTS) {
            assertThat(page.chart(chart).source()).as(chart).contains("entity=ENT-02").contains("segment=SME");
        }
        assertThat(page.source("table-worklist")).contains("entity=ENT-02").contains("segment=SME");
        Chart aging = page.chart("chart-aging");
        assertThat(aging.series("notDue"))
                .isEqualTo(numbers(api("cfo", aging.source()).get("rows"), "notDue")).hasSize(1);

        page.filter("f-from", "2024-07");
        assertThat(page.chart("chart-dso").x()).first().isEqualTo("2024-07");
        for (String chart : List.of("chart-dso", "chart-delays", "chart-unpaid")) {
            assertThat(page.chart(chart).source()).as(chart).contains("from=2024-07");
        }
        assertThat(page.source("table-scenarios")).contains("from=2024-07");
        page.filter("f-to", "2025-03");
        assertThat(page.chart("chart-dso").x()).last().isEqualTo("2025-03");
        assertThat(page.chart("chart-aging").source()).contains("asOf=2025-03");
        assertThat(page.source("table-collectors")).contains("month=2025-03");
        assertThat(page.scrollsSideways()).isFalse();
    }

    @Test
    void aCollectorLandsOnItsOwnWorklistOnly() throws Exception {
        DashboardPage page = page();
        page.signIn("collector", "collector");
        assertThat(page.displayed("worklist-card")).isTrue();
        for (String part : List.of("filters", "tiles", "chart-dso", "chart-forecast", "scenarios-card",
                "collectors-card")) {
            assertThat(page.displayed(part)).as(part).isFalse();
        }
        assertThat(page.chart("chart-dso")).as("no DSO chart is ever drawn").isNull();
        assertThat(page.displayed("worklist-collector")).as("no collector picker").isFalse();

        String source = page.source("table-worklist");
        assertThat(source).startsWith("api/v1/worklists/COL-001?");
        JsonNode own = api("collector", source).get("rows");
        List<String> shown = page.columnTexts("table-worklist", 1).stream()
                .map(cell -> cell.substring(cell.lastIndexOf('\n') + 1)).toList();
        assertThat(shown).isNotEmpty().isEqualTo(strings(own, "debtorId"));
        // Its rows are COL-001's, as the group CFO sees that worklist.
        Set<String> portfolio = new HashSet<>(strings(api("cfo", "api/v1/worklists/COL-001?size=1000").get("rows"),
                "debtorId"));
        assertThat(portfolio).containsAll(shown);
        assertThat(page.scrollsSideways()).isFalse();
        screenshot(page, null, "dashboard-collector-worklist.png");
    }

    @Test
    void eachRoleSeesItsPartsAndABadPasswordStaysOnTheForm() throws Exception {
        DashboardPage page = page();
        page.signIn("cfo", "not-the-password");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("login-error"), "Wrong user name or password"));
        assertThat(page.displayed("dashboard")).isFalse();

        page.signIn("entity-cfo", "entity-cfo");
        assertThat(page.options("f-entity")).containsExactly("", "ENT-01");
        assertThat(page.displayed("chart-dso")).isTrue();
        assertThat(page.displayed("worklist-card")).isTrue();
        assertThat(page.displayed("scenarios-card")).isFalse();
        assertThat(page.displayed("collectors-card")).isFalse();

        page.signIn("analyst", "analyst");
        assertThat(page.displayed("chart-dso")).isTrue();
        assertThat(page.displayed("scenarios-card")).isTrue();
        assertThat(page.displayed("collectors-card")).isTrue();
        assertThat(page.displayed("worklist-card")).isFalse();
        JsonNode names = api("cfo", "api/v1/me").get("collectors");
        String collectorsTable = page.text("table-collectors");
        for (JsonNode c : names) {
            assertThat(collectorsTable).doesNotContain(c.get("name").asString());
        }
        assertThat(page.scrollsSideways()).isFalse();
    }
}
