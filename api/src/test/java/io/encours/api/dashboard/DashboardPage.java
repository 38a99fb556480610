package io.encours.api.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard as the browser test sees it: sign in, wait for a load, read a chart or a tile. */
final class DashboardPage {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** What an ECharts instance displays, read back through getOption(). */
    record Chart(String source, List<String> x, Map<String, List<Double>> series) {
        List<Double> series(String id) {
            List<Double> data = series.get(id);
            if (data == null) {
                throw new AssertionError("no series " + id + " in " + series.keySet());
            }
            return data;
        }
    }

    private final WebDriver driver;
    private final String base;

    DashboardPage(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * A fresh page, then the login form. The tab's sessionStorage is emptied on the page already
     * there, so that the reload does not sign the previous user in again (and abort its requests).
     */
    void signIn(String user, String password) {
        if (driver.getCurrentUrl().startsWith(base)) {
            js("sessionStorage.clear()");
        }
        driver.get(base + "/");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
        String before = loaded();
        driver.findElement(By.id("login-user")).sendKeys(user);
        driver.findElement(By.id("login-password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        if (user.equals(password)) {
            awaitLoadAfter(before);
        }
    }

    /** The number of the last fully loaded refresh ("" before the first). */
    String loaded() {
        Object v = js("return document.body.dataset.loaded || ''");
        return v == null ? "" : v.toString();
    }

    void awaitLoadAfter(String before) {
        new WebDriverWait(driver, WAIT).until(d -> {
            String now = loaded();
            return !now.isEmpty() && !now.equals(before);
        });
    }

    /** Picks a filter value and waits until every part has reloaded. */
    void filter(String selectId, String value) {
        String before = loaded();
        new Select(driver.findElement(By.id(selectId))).selectByValue(value);
        awaitLoadAfter(before);
    }

    List<String> options(String selectId) {
        return new Select(driver.findElement(By.id(selectId))).getOptions().stream()
                .map(o -> o.getDomProperty("value")).toList();
    }

    Chart chart(String id) {
        Object raw = js("""
                const el = document.getElementById(arguments[0]);
                const c = window.echarts && echarts.getInstanceByDom(el);
                if (!c) return null;
                const o = c.getOption();
                return JSON.stringify({source: el.dataset.source || '',
                  x: o.xAxis && o.xAxis.length ? o.xAxis[0].data : [],
                  series: (o.series || []).map(s => ({id: s.id, data: s.data.map(v =>
                    v === '-' || v === undefined ? null : (v !== null && typeof v === 'object' ? v.value : v))}))});""", id);
        if (raw == null) {
            return null;
        }
        JsonNode node = JSON.readTree(raw.toString());
        List<String> x = new ArrayList<>();
        node.get("x").forEach(v -> x.add(v.asString()));
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (JsonNode s : node.get("series")) {
            series.put(s.get("id").asString(), numbers(s.get("data")));
        }
        return new Chart(node.get("source").asString(), x, series);
    }

    static List<Double> numbers(Iterable<JsonNode> values) {
        List<Double> out = new ArrayList<>();
        values.forEach(v -> out.add(v == null || v.isNull() ? null : v.asDouble()));
        return out;
    }

    String source(String id) {
        return driver.findElement(By.id(id)).getDomAttribute("data-source");
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** The number shown in a tile, as displayed ("€25.52 M" → 25.52). */
    double tileNumber(String tileId) {
        String value = driver.findElement(By.cssSelector("#" + tileId + " .value")).getText();
        return Double.parseDouble(value.replaceAll("[^0-9.\\-−]", "").replace('−', '-'));
    }

    boolean displayed(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    List<String> columnTexts(String tableBoxId, int column) {
        return driver.findElements(By.cssSelector("#" + tableBoxId + " > table > tbody > tr")).stream()
                .map(tr -> tr.findElements(By.xpath("./td")).get(column).getText()).toList();
    }

    boolean scrollsSideways() {
        return (Boolean) js("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    /** Scrolls {@code id} to the top of the window (null: the page's top) and saves the viewport as a PNG. */
    void screenshot(String id, Path file) {
        if (id == null) {
            js("window.scrollTo(0, 0)");
        } else {
            js("document.getElementById(arguments[0]).scrollIntoView()", id);
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
