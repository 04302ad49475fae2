package io.quotegraph.gateway.ui;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/** The explorer's static files: served, complete (every module and library it loads is there), and offline. */
@QuarkusTest
@WithTestResource(FakeBackends.class)
class ExplorerTest {

    private static final URI EXPLORER = URI.create("http://gateway" + ExplorerRoutes.EXPLORER_PATH);
    private static final Pattern IMPORT_MAP_ENTRY = Pattern.compile("\"([\\w-]+)\":\\s*\"([^\"]+)\"");
    private static final Pattern MODULE_IMPORT = Pattern.compile("(?:import|from)\\s+'([^']+)'");
    private static final Pattern PAGE_REFERENCE = Pattern.compile("(?:src|href)=\"([^\"#]+)\"");

    @Test
    void theHomePageAndTheBarePathRedirectToTheExplorer() {
        for (String path : new String[]{"/", "/explorer"}) {
            given().redirects().follow(false).get(path).then().statusCode(302)
                    .header("Location", endsWith(ExplorerRoutes.EXPLORER_PATH));
        }
    }

    @Test
    void theExplorerPageIsServed() {
        given().get(ExplorerRoutes.EXPLORER_PATH).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<script type=\"importmap\">"), containsString("js/main.js"));
    }

    @Test
    void everyModuleStylesheetAndLibraryThePageLoadsIsServedFromTheGateway() {
        String page = get(EXPLORER);
        Map<String, URI> importMap = new LinkedHashMap<>();
        Matcher entry = IMPORT_MAP_ENTRY.matcher(page.substring(page.indexOf("importmap")));
        while (entry.find()) {
            importMap.put(entry.group(1), EXPLORER.resolve(entry.group(2)));
        }
        assertThat(importMap).containsOnlyKeys("htm", "uplot");

        Set<URI> loaded = new LinkedHashSet<>(importMap.values());
        Deque<URI> modules = new ArrayDeque<>();
        Matcher reference = PAGE_REFERENCE.matcher(page);
        while (reference.find()) {
            URI uri = EXPLORER.resolve(reference.group(1));
            if (uri.getPath().startsWith("/graphql-ui")) {
                continue; // a link to GraphiQL, not something the page loads
            }
            loaded.add(uri);
            if (uri.getPath().endsWith(".js")) {
                modules.add(uri);
            }
        }
        while (!modules.isEmpty()) {
            URI module = modules.pop();
            String source = get(module);
            assertThat(source).as(module + " loads nothing from other hosts").doesNotContainPattern("(?:from|import)\\s+'https?:");
            Matcher imports = MODULE_IMPORT.matcher(source);
            while (imports.find()) {
                String specifier = imports.group(1);
                URI target = importMap.containsKey(specifier) ? importMap.get(specifier) : module.resolve(specifier);
                assertThat(specifier.startsWith(".") || importMap.containsKey(specifier))
                        .as(module + " imports '" + specifier + "', which the import map does not name").isTrue();
                if (loaded.add(target) && target.getPath().startsWith(ExplorerRoutes.EXPLORER_PATH)) {
                    modules.add(target);
                }
            }
        }
        assertThat(loaded).extracting(URI::getPath).contains("/explorer/js/views/search.js", "/explorer/js/live.js",
                "/explorer/explorer.css", "/webjars/uplot/dist/uPlot.min.css");
        for (URI uri : loaded) {
            get(uri);
        }
    }

    private static String get(URI uri) {
        return given().get(uri.getPath()).then().statusCode(200).extract().asString();
    }
}
