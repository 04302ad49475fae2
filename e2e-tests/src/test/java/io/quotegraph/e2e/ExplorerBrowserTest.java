package io.quotegraph.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: the explorer in a real (headless) Chromium against the whole system with the sample articles: search by
 * words and by speaker, a speaker's page, an article's highlights, the event timeline, curation (an alias, a merge) and
 * live statements. Each flow saves target/screenshots/{flow}.png. Curation and the live flow change the data: they run last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerBrowserTest {

    @TempDir
    static Path data;
    @TempDir
    static Path browserProfile;

    private SampleSystem system;
    private HeadlessChromium browser;

    @BeforeAll
    void startSystemAndBrowser() {
        // the browser first: without Chromium there is no point starting the system
        browser = HeadlessChromium.start(browserProfile, Path.of("target", "screenshots"));
        system = SampleSystem.start(data, "https://example.org/e2e-explorer/");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void theGatewayHomePageOpensTheExplorer() {
        browser.open(system.gatewayUrl() + "/");
        browser.await(ExpectedConditions.urlContains("/explorer/"));
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-results .statement")));
        assertThat(browser.find("nav a[aria-current='page']").getText()).isEqualTo("Search");
        assertThat(browser.findAll("#search-results .statement")).isNotEmpty();
    }

    @Test
    @Order(2)
    void searchingByWordsShowsTheStatementsThatContainThemAll() {
        JsonNode wanted = system.expected().path("articles").get(0).path("statements").get(0);
        String words = wanted.path("contains").asText();
        openView("#/search");

        browser.find("#search-text").sendKeys(words);
        submitAndAwaitNewView("#search-text");

        List<String> shown = texts(browser.findAll("#search-results .statement-content"));
        assertThat(shown).anyMatch(text -> text.contains(words));
        for (String text : shown) {
            for (String word : words.toLowerCase(Locale.ROOT).split("\\W+")) {
                assertThat(text.toLowerCase(Locale.ROOT)).contains(word);
            }
        }
        int total = system.graphql("query($text: String) { statements(text: $text) { totalCount } }", Map.of("text", words))
                .path("statements").path("totalCount").asInt();
        assertThat(browser.find(".summary").getText()).isEqualTo(total + (total == 1 ? " statement" : " statements"));
        browser.screenshot("search-by-words");
    }

    @Test
    @Order(3)
    void searchingBySpeakerShowsOnlyTheirStatementsAndLeadsToTheirPage() {
        String speaker = mostQuotedExpectedSpeaker();
        openView("#/search");

        browser.find("#search-speaker").sendKeys(speaker);
        submitAndAwaitNewView("#search-speaker");

        List<WebElement> cards = browser.findAll("#search-results .statement");
        assertThat(cards).isNotEmpty();
        assertThat(texts(browser.findAll("#search-results .statement .speaker-link"))).hasSize(cards.size()).containsOnly(speaker);
        JsonNode found = speakerNamed(speaker);
        int total = found.path("statementCount").asInt();
        assertThat(browser.find(".summary").getText()).isEqualTo(total + " statements");
        browser.screenshot("search-by-speaker");

        WebElement results = browser.find("#search-results");
        cards.get(0).findElement(By.cssSelector(".speaker-link")).click();
        browser.await(ExpectedConditions.stalenessOf(results));
        browser.await(ExpectedConditions.textToBe(By.id("speaker-name"), speaker));
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/speaker/" + found.path("id").asText());
    }

    @Test
    @Order(4)
    void theSpeakerPageShowsAliasesRolesAffiliationsAndTheirStatementsOverTime() {
        String speaker = mostQuotedExpectedSpeaker();
        JsonNode api = speakerNamed(speaker);
        JsonNode expected = expectedEntity(speaker);
        openView("#/speaker/" + api.path("id").asText());

        browser.await(ExpectedConditions.textToBe(By.id("speaker-name"), speaker));
        assertThat(texts(browser.findAll("#speaker-aliases li"))).containsAll(strings(expected.path("aliases")));
        List<String> roleTitles = texts(browser.findAll("#speaker-roles tbody td:first-child"));
        for (JsonNode role : expected.path("roles")) {
            assertThat(roleTitles).contains(role.path("title").asText());
        }
        assertThat(texts(browser.findAll("#speaker-affiliations li"))).containsExactlyElementsOf(strings(api.path("affiliations")));
        // the chart is drawn (uPlot's canvas) and its data table adds up to the speaker's statements
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart .uplot canvas")));
        assertThat(browser.find(".chart").getAttribute("aria-label")).startsWith(api.path("statementCount").asInt() + " statements per day");
        int charted = textContents(browser.findAll(".chart-data tbody td:last-child")).stream()
                .mapToInt(count -> Integer.parseInt(count.trim())).sum();
        assertThat(charted).isEqualTo(api.path("statementCount").asInt());
        assertThat(browser.findAll("#speaker-statements .statement")).hasSize(Math.min(20, api.path("statementCount").asInt()));
        browser.screenshot("speaker");
    }

    @Test
    @Order(5)
    void theArticleViewHighlightsEveryStatementInItsSpeakersColour() {
        String articleId = system.articleIdByFile().values().iterator().next();
        JsonNode statements = system.graphql("""
                query($id: ID!) { article(id: $id) { title statements(first: 100) { edges { node {
                  id content { text } speaker { id name } } } } } }""", Map.of("id", articleId)).path("article");
        openView("#/articles");
        browser.find("#article-list a[href='#/article/" + articleId + "']").click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#article-text .hl.quote")));
        assertThat(browser.find("#article-title").getText()).isEqualTo(statements.path("title").asText());

        Map<String, Set<String>> coloursBySpeaker = new HashMap<>();
        for (WebElement mark : browser.findAll("#article-text .hl.quote")) {
            coloursBySpeaker.computeIfAbsent(mark.getAttribute("data-speaker"), k -> new HashSet<>())
                    .add(mark.getCssValue("border-bottom-color"));
        }
        Set<String> speakerNames = new TreeSet<>();
        for (JsonNode edge : statements.path("statements").path("edges")) {
            JsonNode node = edge.path("node");
            String marked = String.join("", textContents(browser.findAll(
                    "#article-text .hl[data-statement='" + node.path("id").asText() + "']")));
            assertThat(marked).as("the highlight of statement " + node.path("id").asText()).contains(node.path("content").path("text").asText());
            speakerNames.add(node.path("speaker").path("name").asText());
            assertThat(coloursBySpeaker).containsKey(node.path("speaker").path("id").asText());
        }
        // one colour per speaker, a different one for each
        assertThat(coloursBySpeaker.values()).allSatisfy(colours -> assertThat(colours).hasSize(1));
        assertThat(coloursBySpeaker.values().stream().map(colours -> colours.iterator().next()).distinct())
                .hasSize(coloursBySpeaker.size());
        assertThat(new TreeSet<>(texts(browser.findAll("#speaker-legend .speaker-link")))).isEqualTo(speakerNames);
        assertThat(browser.findAll("#statement-index li")).hasSize(statements.path("statements").path("edges").size());

        // choosing a statement in the index selects its highlight
        WebElement second = browser.findAll("#statement-index .statement-jump").get(1);
        second.click();
        assertThat(browser.find("#article-text .hl.selected").getAttribute("data-statement"))
                .isEqualTo(second.getAttribute("data-statement"));
        browser.screenshot("article");
    }

    @Test
    @Order(6)
    void theEventTimelineListsEventsInDateOrderWithTheirStatements() {
        JsonNode events = system.graphql("""
                { events(first: 100) { totalCount edges { node { id date participants { name } statements { totalCount } } } } }""",
                Map.of()).path("events");
        openView("#/events");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline .timeline-event")));

        List<WebElement> shown = browser.findAll("#timeline .timeline-event");
        assertThat(shown).hasSize(events.path("totalCount").asInt());
        List<String> dates = shown.stream().map(e -> e.findElement(By.cssSelector(".timeline-date time")).getAttribute("datetime"))
                .filter(date -> !date.isEmpty()).toList();
        assertThat(dates).isSortedAccordingTo(Comparator.naturalOrder());
        for (JsonNode edge : events.path("edges")) {
            JsonNode event = edge.path("node");
            WebElement item = browser.find("#timeline [data-event-id='" + event.path("id").asText() + "']");
            assertThat(item.findElements(By.cssSelector(".statement")))
                    .hasSize(Math.min(10, event.path("statements").path("totalCount").asInt()));
            for (JsonNode participant : event.path("participants")) {
                assertThat(item.getText()).contains(participant.path("name").asText());
            }
        }
        JsonNode briefing = system.expected().path("events").get(0);
        assertThat(browser.find("#timeline").getText()).contains(strings(briefing.path("participants")));
        browser.screenshot("events");
    }

    @Test
    @Order(7)
    void aCuratorAddsAnAliasAndSeesItOnTheSpeakerPage() {
        String speaker = mostQuotedExpectedSpeaker();
        String alias = "Spokesman " + speaker;
        openView("#/curation?search=" + speaker.split(" ")[speaker.split(" ").length - 1]);
        WebElement row = browser.await(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//table[@id='curation-speakers']//tr[.//a[@class='speaker-link' and text()='" + speaker + "']]")));
        row.findElement(By.linkText("Edit")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("new-alias"))).sendKeys(alias);
        browser.find("#curator").sendKeys("e2e curator");
        // curation needs a curator token (auth is on in the started system)
        browser.find("#token").sendKeys(curatorToken());
        WebElement form = browser.find("#add-alias-form");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        browser.await(ExpectedConditions.stalenessOf(form));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("curation-status"), "Added the alias"));
        assertThat(texts(browser.findAll("#curation-aliases li span"))).contains(alias);
        assertThat(strings(speakerNamed(speaker).path("aliases"))).contains(alias);
        browser.screenshot("curation-alias");

        browser.find(".curation-detail h2 .speaker-link").click();
        browser.await(ExpectedConditions.textToBe(By.id("speaker-name"), speaker));
        assertThat(texts(browser.findAll("#speaker-aliases li"))).contains(alias);
    }

    @Test
    @Order(8)
    void aCuratorMergesTwoSpeakersIntoOne() {
        List<String> pair = twoExpectedSpeakersWhereOneNameContainsTheOther();
        String target = pair.get(0);
        String source = pair.get(1);
        JsonNode targetBefore = speakerNamed(target);
        JsonNode sourceBefore = speakerNamed(source);
        openView("#/curation?search=" + target);
        browser.find("#curator").clear();
        browser.find("#curator").sendKeys("e2e curator");
        browser.find("#token").clear();
        browser.find("#token").sendKeys(curatorToken());

        for (String name : pair) {
            browser.find("#curation-speakers input[aria-label='Merge " + name + "']").click();
        }
        new Select(browser.await(ExpectedConditions.presenceOfElementLocated(By.id("merge-target")))).selectByVisibleText(target);
        browser.find("#merge-confirm").click();
        WebElement form = browser.find("#merge-form");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        browser.await(ExpectedConditions.stalenessOf(form));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("curation-status"), "Merged 1 speaker into " + target));

        JsonNode merged = speakerNamed(target);
        assertThat(merged.path("id").asText()).isEqualTo(targetBefore.path("id").asText());
        assertThat(merged.path("statementCount").asInt())
                .isEqualTo(targetBefore.path("statementCount").asInt() + sourceBefore.path("statementCount").asInt());
        assertThat(texts(browser.findAll("#curation-speakers .speaker-link"))).contains(target).doesNotContain(source);
        browser.screenshot("curation-merge");
    }

    @Test
    @Order(9)
    void newStatementsOfTheSearchedSpeakerAppearLiveAtTheTop() {
        String speaker = mostQuotedExpectedSpeaker();
        String otherSpeaker = "Ana Pereira";
        JsonNode api = speakerNamed(speaker);
        int before = api.path("statementCount").asInt();
        openView("#/search?speaker=" + api.path("id").asText() + "&speakerName=" + speaker.replace(' ', '+'));
        browser.await(ExpectedConditions.attributeToBe(By.cssSelector(".live-status"), "data-state", "live"));
        assertThat(browser.find(".summary").getText()).isEqualTo(before + " statements");

        String quote = "The talks in Granada must go ahead without preconditions";
        system.ingest(Map.of(
                "text", "\"" + quote + ",\" " + speaker + " said on Thursday. \"Armenia will not give up its sovereignty,\" "
                        + otherSpeaker + " said.",
                "publishedAt", "2023-09-28T12:00:00Z", "source", "e2e", "url", "https://example.org/e2e-explorer/live"));

        WebElement fresh = browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-results .statement.fresh")));
        assertThat(browser.findAll("#search-results .statement").get(0)).isEqualTo(fresh);
        assertThat(fresh.findElement(By.cssSelector(".statement-content")).getText()).contains(quote);
        assertThat(fresh.findElement(By.cssSelector(".speaker-link")).getText()).isEqualTo(speaker);
        browser.await(ExpectedConditions.textToBe(By.cssSelector(".summary"), (before + 1) + " statements"));
        browser.screenshot("live");
        // the other speaker's statement of the same article is not this search's
        assertThat(texts(browser.findAll("#search-results .statement .speaker-link"))).containsOnly(speaker);
    }

    /** Navigates to a view and waits until it has rendered. */
    private void openView(String hash) {
        browser.open(system.gatewayUrl() + "/explorer/" + hash);
        browser.await(driver -> !browser.findAll("main#view > h1, main#view > .breadcrumbs").isEmpty()
                && browser.findAll("main#view[aria-busy]").isEmpty());
    }

    /** Submits the field's form and waits for the view it leads to. */
    private void submitAndAwaitNewView(String fieldCss) {
        WebElement field = browser.find(fieldCss);
        field.submit();
        browser.await(ExpectedConditions.stalenessOf(field));
        browser.await(driver -> browser.findAll("main#view[aria-busy]").isEmpty()
                && !browser.find(".summary").getText().isEmpty());
    }

    private String mostQuotedExpectedSpeaker() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JsonNode article : system.expected().path("articles")) {
            article.path("statements").forEach(s -> counts.merge(s.path("speaker").asText(), 1, Integer::sum));
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private List<String> twoExpectedSpeakersWhereOneNameContainsTheOther() {
        Set<String> speakers = new TreeSet<>();
        system.expected().path("articles").forEach(a -> a.path("statements").forEach(s -> speakers.add(s.path("speaker").asText())));
        for (String shorter : speakers) {
            for (String longer : speakers) {
                if (!shorter.equals(longer) && longer.contains(shorter)) {
                    return List.of(shorter, longer);
                }
            }
        }
        throw new IllegalStateException("the samples have no two speakers to merge: " + speakers);
    }

    private JsonNode speakerNamed(String name) {
        JsonNode edges = system.graphql("""
                query($search: String) { speakers(search: $search, first: 100) { edges { node {
                  id name aliases affiliations statementCount } } } }""", Map.of("search", name)).path("speakers").path("edges");
        return StreamSupport.stream(edges.spliterator(), false).map(edge -> edge.path("node"))
                .filter(node -> node.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no speaker named " + name));
    }

    private JsonNode expectedEntity(String name) {
        return StreamSupport.stream(system.expected().path("entities").spliterator(), false)
                .filter(entity -> entity.path("canonical").asText().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> texts(List<WebElement> elements) {
        List<String> texts = new ArrayList<>();
        elements.forEach(element -> texts.add(element.getText()));
        return texts;
    }

    /** The texts as they are in the DOM (getText normalises white space). */
    private static List<String> textContents(List<WebElement> elements) {
        List<String> texts = new ArrayList<>();
        elements.forEach(element -> texts.add(element.getAttribute("textContent")));
        return texts;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(node -> strings.add(node.asText()));
        return strings;
    }

    private static String curatorToken() {
        return io.quotegraph.devstack.DevTokens.bearer("e2e curator", java.util.List.of("curator"),
                java.time.Duration.ofHours(1)).substring("Bearer ".length());
    }
}
