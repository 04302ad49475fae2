package io.quotegraph.ingest.cleaning;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextCleanerTest {

    private final TextCleaner cleaner = new TextCleaner();

    private CleanedArticle text(String text) {
        return cleaner.clean(text, null, null);
    }

    @Nested
    class Whitespace {

        @Test
        void crlfAndLoneCrBecomeNewlines() {
            assertThat(TextCleaner.normaliseWhitespace("one\r\ntwo\rthree\nfour")).isEqualTo("one\ntwo\nthree\nfour");
        }

        @Test
        void runsOfSpacesAndTabsCollapseAndLinesAreTrimmed() {
            assertThat(TextCleaner.normaliseWhitespace("  The \t  minister   said.  \n\t  He left. "))
                    .isEqualTo("The minister said.\nHe left.");
        }

        @Test
        void nbspAndOtherUnicodeSpacesBecomeSpaces() {
            assertThat(TextCleaner.normaliseWhitespace("U.S.\u00A0Department\u202Fof\u2009State\u3000x"))
                    .isEqualTo("U.S. Department of State x");
        }

        @Test
        void controlAndZeroWidthCharactersAreRemovedButNewlinesKept() {
            assertThat(TextCleaner.normaliseWhitespace("\uFEFFbe\u0000gin\u0007\nse\u200Bcond\u00ADline\u001F"))
                    .isEqualTo("begin\nsecondline");
        }

        @Test
        void atMostOneBlankLineAndNoneAtTheEnds() {
            assertThat(TextCleaner.normaliseWhitespace("\n\n  \nfirst\n\n\n \n\t\nsecond\n\nthird\n\n\n"))
                    .isEqualTo("first\n\nsecond\n\nthird");
        }

        @Test
        void unicodeLineSeparatorsBecomeNewlines() {
            assertThat(TextCleaner.normaliseWhitespace("a\u2028b\u2029c\u0085d")).isEqualTo("a\nb\nc\nd");
        }

        @Test
        void curlyQuotesDashesAndAccentsAreKept() {
            String s = "“It’s – as ‘they’ say – «déjà vu»,” he said.";
            assertThat(TextCleaner.normaliseWhitespace(s)).isEqualTo(s);
        }

        @Test
        void decomposedCharactersAreComposed() {
            assertThat(TextCleaner.normaliseWhitespace("Aliyev visited Bern\u0065\u0301")).isEqualTo("Aliyev visited Bern\u00E9");
        }
    }

    @Nested
    class BracketDebris {

        @Test
        void strayClosingBracketBetweenWordsIsRemoved() {
            assertThat(TextCleaner.removeBracketDebris(
                    "an international observer mission in Karabakh, ] a State Department spokesman said Wednesday."))
                    .isEqualTo("an international observer mission in Karabakh, a State Department spokesman said Wednesday.");
            assertThat(TextCleaner.removeBracketDebris("the US welcomes ] comments by the government"))
                    .isEqualTo("the US welcomes comments by the government");
        }

        @Test
        void strayOpeningBracketAndBracketsAtLineEdgesAreRemoved() {
            assertThat(TextCleaner.removeBracketDebris("[ The talks [ resumed on Monday ]"))
                    .isEqualTo("The talks [ resumed on Monday ]");
            assertThat(TextCleaner.removeBracketDebris("] He said so.\nShe agreed. ["))
                    .isEqualTo("He said so.\nShe agreed.");
        }

        @Test
        void bracketGluedToPunctuationIsDebrisToo() {
            assertThat(TextCleaner.removeBracketDebris("in Karabakh,] a spokesman")).isEqualTo("in Karabakh, a spokesman");
        }

        @Test
        void realBracketedTextIsKept() {
            String s = "He said the deal was “dead [sic]” and cited a report [1] by the agency [AFP].";
            assertThat(TextCleaner.removeBracketDebris(s)).isEqualTo(s);
            assertThat(TextCleaner.removeBracketDebris("the secretary [Antony Blinken] said")).isEqualTo("the secretary [Antony Blinken] said");
        }

        @Test
        void emptyBracketsAreRemoved() {
            assertThat(TextCleaner.removeBracketDebris("He [ ] said [] it.")).isEqualTo("He said it.");
        }

        @Test
        void bracketInsideAWordIsLeftAlone() {
            assertThat(TextCleaner.removeBracketDebris("array]index stays")).isEqualTo("array]index stays");
        }
    }

    @Nested
    class Boilerplate {

        @Test
        void relatedNewsHeadingAndLinkListAreRemoved() {
            String text = """
                    Body paragraph one.
                    "We are concerned," he added.
                    Related news
                    - Blinken: Azerbaijan's military actions in Karabakh run counter to peace efforts
                    - U.S. 'alarmed' by situation in Nagorno-Karabakh""";
            assertThat(TextCleaner.removeTrailingBoilerplate(text))
                    .isEqualTo("Body paragraph one.\n\"We are concerned,\" he added.");
        }

        @Test
        void readMoreAndSeeAlsoVariantsWithoutBulletsAreRemoved() {
            assertThat(TextCleaner.removeTrailingBoilerplate(
                    "He said it.\n\nRead more:\nTalks collapse in Geneva\nMinister resigns after vote"))
                    .isEqualTo("He said it.");
            assertThat(TextCleaner.removeTrailingBoilerplate("He said it.\nSEE ALSO\n• One headline\n• Another one"))
                    .isEqualTo("He said it.");
            assertThat(TextCleaner.removeTrailingBoilerplate("He said it.\nRelated articles:"))
                    .isEqualTo("He said it.");
        }

        @Test
        void trailingReadMoreLinesAreRemoved() {
            assertThat(TextCleaner.removeTrailingBoilerplate("He said it.\nRead more: Talks collapse in Geneva"))
                    .isEqualTo("He said it.");
        }

        @Test
        void headingFollowedByRealParagraphsIsKept() {
            String text = "Intro.\nSee also\nThe minister said on Tuesday that the talks would resume next week in Vienna.";
            assertThat(TextCleaner.removeTrailingBoilerplate(text)).isEqualTo(text);
        }

        @Test
        void headingWordsInsideSentencesAreKept() {
            String text = "He said the reports were related.\nRead more about it in the report, he added.";
            assertThat(TextCleaner.removeTrailingBoilerplate(text)).isEqualTo(text);
        }

        @Test
        void theFirstLineIsNeverTakenForBoilerplate() {
            assertThat(TextCleaner.removeTrailingBoilerplate("Related news\nShort line")).isEqualTo("Related news\nShort line");
        }
    }

    @Nested
    class Headline {

        @Test
        void firstLineHeadlineBecomesTheTitleAndLeavesTheText() {
            CleanedArticle a = text("U.S. supports international monitoring in Nagorno-Karabakh\n"
                    + "The United States is concerned about the situation.\nSecond paragraph.");
            assertThat(a.title()).isEqualTo("U.S. supports international monitoring in Nagorno-Karabakh");
            assertThat(a.text()).isEqualTo("The United States is concerned about the situation.\nSecond paragraph.");
        }

        @Test
        void firstSentenceIsNotAHeadline() {
            String body = "The US will work with allies on a mission in Karabakh, a spokesman said Wednesday.\nMore text.";
            CleanedArticle a = text(body);
            assertThat(a.title()).isNull();
            assertThat(a.text()).isEqualTo(body);
        }

        @Test
        void givenTitleWinsAndARepeatedFirstLineIsDropped() {
            CleanedArticle a = cleaner.clean("Talks  resume in Vienna\nThe talks resumed.", null, "  Talks resume in Vienna ");
            assertThat(a.title()).isEqualTo("Talks resume in Vienna");
            assertThat(a.text()).isEqualTo("The talks resumed.");

            CleanedArticle b = cleaner.clean("Another headline here\nThe talks resumed.", null, "The real title");
            assertThat(b.title()).isEqualTo("The real title");
            assertThat(b.text()).isEqualTo("Another headline here\nThe talks resumed.");
        }

        @Test
        void singleLineIsBodyNotTitle() {
            CleanedArticle a = text("Short line without period");
            assertThat(a.title()).isNull();
            assertThat(a.text()).isEqualTo("Short line without period");
        }

        @Test
        void headlineRules() {
            assertThat(TextCleaner.looksLikeHeadline("Blinken urges Azerbaijan to cease hostilities")).isTrue();
            assertThat(TextCleaner.looksLikeHeadline("Will the ceasefire hold?")).isTrue();
            assertThat(TextCleaner.looksLikeHeadline("'Alarmed' by situation in Nagorno-Karabakh")).isTrue();
            assertThat(TextCleaner.looksLikeHeadline("He said so.")).isFalse();
            assertThat(TextCleaner.looksLikeHeadline("“We are concerned,” he said.”")).isFalse();
            assertThat(TextCleaner.looksLikeHeadline("Miller said:")).isFalse();
            assertThat(TextCleaner.looksLikeHeadline("By Jane Doe")).isFalse();
            assertThat(TextCleaner.looksLikeHeadline("2023-09-26")).isFalse();
            assertThat(TextCleaner.looksLikeHeadline("word ".repeat(31).strip())).isFalse();
            assertThat(TextCleaner.looksLikeHeadline("x".repeat(201))).isFalse();
        }
    }

    @Nested
    class Html {

        @Test
        void blocksBecomeLinesAndScriptsStylesNavAreDropped() {
            String html = """
                    <html><head><title>Site</title><style>p{color:red}</style></head><body>
                    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
                    <h1>Talks resume in Vienna</h1>
                    <p>The   talks <b>resumed</b> on&nbsp;Monday.<br>A second line.</p>
                    <script>var x = "He said: no";</script>
                    <div><p>“It’s a start,” the minister said.</p></div>
                    <ul><li>First point</li><li>Second point</li></ul>
                    <footer>© 2023 Example News</footer>
                    </body></html>""";
            CleanedArticle a = cleaner.clean(null, html, null);
            assertThat(a.title()).isEqualTo("Talks resume in Vienna");
            assertThat(a.text()).isEqualTo("""
                    The talks resumed on Monday.
                    A second line.
                    “It’s a start,” the minister said.
                    First point
                    Second point""");
        }

        @Test
        void entitiesAreDecodedAndInlineElementsDoNotSplitWords() {
            CleanedArticle a = cleaner.clean(null, "<p>Tom &amp; Jerry&#8217;s <i>long</i>-awaited re<span>turn</span>.</p>", null);
            assertThat(a.text()).isEqualTo("Tom & Jerry’s long-awaited return.");
        }

        @Test
        void theArticleElementIsPreferredWhenThereIsOne() {
            String html = "<body><div>Menu Login</div><article><p>Body one.</p><p>Body two.</p></article>"
                    + "<div>Cookie banner</div></body>";
            assertThat(cleaner.clean(null, html, null).text()).isEqualTo("Body one.\nBody two.");
        }

        @Test
        void htmlWithoutTextCleansToEmpty() {
            assertThat(cleaner.clean(null, "<div><script>x()</script><img src=a.png></div>", null).isEmpty()).isTrue();
        }
    }

    @Nested
    class WholeArticle {

        @Test
        void sampleArticleIsCleanedAsExpected() {
            String raw = "U.S. supports international monitoring in Nagorno-Karabakh\r\n"
                    + "The United States is concerned about the situation in Nagorno-Karabakh (Artsakh).\r\n"
                    + "\"We are concerned about the situation,\" U.S. Department of State spokesman Matthew Miller told a press briefing.\r\n"
                    + "The US will work with allies in Karabakh, ] a State Department spokesman said Wednesday.\r\n"
                    + "Related news\r\n"
                    + "- Blinken: Azerbaijan's military actions in Karabakh run counter to peace efforts\r\n"
                    + "- U.S. 'alarmed' by situation in Nagorno-Karabakh\r\n";
            CleanedArticle a = text(raw);
            assertThat(a.title()).isEqualTo("U.S. supports international monitoring in Nagorno-Karabakh");
            assertThat(a.text()).isEqualTo("""
                    The United States is concerned about the situation in Nagorno-Karabakh (Artsakh).
                    "We are concerned about the situation," U.S. Department of State spokesman Matthew Miller told a press briefing.
                    The US will work with allies in Karabakh, a State Department spokesman said Wednesday.""");
        }

        @Test
        void blankTextCleansToEmpty() {
            assertThat(text(" \u00A0\t\r\n \u200B ").isEmpty()).isTrue();
        }

        @Test
        void cleaningIsIdempotent() {
            String raw = "Headline here\n\n\nBody  one ] two.\n“Quote,” he said.\nSee also\n- Link";
            CleanedArticle once = text(raw);
            CleanedArticle twice = cleaner.clean(once.text(), null, once.title());
            assertThat(twice).isEqualTo(once);
        }
    }

    @Nested
    class Hash {

        @Test
        void hashIgnoresWhitespaceLayoutButNotWords() {
            assertThat(ContentHash.of("a b\nc")).isEqualTo(ContentHash.of("a  b c")).hasSize(64);
            assertThat(ContentHash.of("a b c")).isNotEqualTo(ContentHash.of("a b d"));
        }

        /**
         * Stored keys must stay comparable: SHA-256 hex of the text with each whitespace run one space, ends stripped
         * (the digests of "a b c" and of "Café “quoted” text", as {@code sha256sum} gives them), whatever the runs.
         */
        @Test
        void hashIsTheSha256OfTheTextWithWhitespaceRunsMadeOneSpace() {
            String abc = "0e9f64031fcb2bc708b531c2a20441580425d151a38503f38592a7dd36019d3b";
            assertThat(ContentHash.of("a b c")).isEqualTo(abc);
            assertThat(ContentHash.of(" \t a \r\n\n b\u000B\fc \n")).isEqualTo(abc);
            // NFC: "e" + combining acute is the é of the pinned text; NBSP is not \s, so it stays a different text
            assertThat(ContentHash.of("Cafe\u0301  \u201Cquoted\u201D\ntext"))
                    .isEqualTo("628f42927f6b0f01328127bd379c4e19d6e4cfda0beec2aa4764d5c87b2765ba");
            assertThat(ContentHash.of("a\u00A0b c")).isNotEqualTo(abc);
        }

        @Test
        void sameContentInTextAndHtmlHasTheSameHash() {
            CleanedArticle fromText = cleaner.clean("First paragraph.\nSecond paragraph.", null, null);
            CleanedArticle fromHtml = cleaner.clean(null, "<p>First paragraph.</p><p>Second   paragraph.</p>", null);
            assertThat(fromHtml.contentHash()).isEqualTo(fromText.contentHash());
        }
    }
}
