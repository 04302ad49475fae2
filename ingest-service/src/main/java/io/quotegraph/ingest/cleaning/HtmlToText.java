package io.quotegraph.ingest.cleaning;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * HTML to plain text with jsoup: block elements become line breaks (one paragraph a line), {@code <br>} a line break,
 * scripts, styles, navigation, forms and other non-content elements are dropped. The result still needs
 * {@link TextCleaner}'s whitespace normalisation.
 */
public final class HtmlToText {

    /** Elements whose content is never article text. */
    private static final String DROPPED = "script, style, noscript, template, nav, aside, footer, form, button, select, "
            + "textarea, iframe, object, embed, svg, canvas, audio, video, map, [hidden], [aria-hidden=true]";

    private static final Set<String> BLOCKS = Set.of(
            "address", "article", "blockquote", "caption", "center", "dd", "details", "div", "dl", "dt", "fieldset",
            "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
            "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "body", "html");

    /**
     * Deepest element nesting kept: deeper elements are attached at this depth (their text is kept). Bounds the
     * parser's stack and this visitor's work on hostile input such as 100,000 nested {@code <div>}s; jsoup's default,
     * named so that it is part of the documented limits.
     */
    public static final int MAX_DEPTH = 512;

    private static final Set<String> CELLS = Set.of("td", "th");

    private HtmlToText() {
    }

    public static String convert(String html) {
        Document document = Jsoup.parse(html, Parser.htmlParser().setMaxDepth(MAX_DEPTH));
        document.select(DROPPED).remove();
        Element root = contentRoot(document);
        StringBuilder out = new StringBuilder(html.length() / 2);
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(insidePre(text) ? text.getWholeText() : text.text());
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(tag)) {
                        lineBreak(out);
                    } else if (CELLS.contains(tag)) {
                        out.append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (BLOCKS.contains(tag)) {
                        lineBreak(out);
                    } else if (CELLS.contains(tag)) {
                        out.append(' ');
                    }
                }
            }
        }, root);
        return out.toString();
    }

    /** The one {@code <article>} of the page if it has exactly one, else its {@code <main>}, else its body. */
    private static Element contentRoot(Document document) {
        Elements articles = document.body().select("article");
        if (articles.size() == 1) {
            return articles.first();
        }
        Elements main = document.body().select("main");
        if (main.size() == 1) {
            return main.first();
        }
        return document.body();
    }

    /** Ends the current line unless it is already ended: adjacent block boundaries make one line break. */
    private static void lineBreak(StringBuilder out) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        if (end > 0 && out.charAt(end - 1) != '\n') {
            out.append('\n');
        }
    }

    private static boolean insidePre(TextNode text) {
        for (Element parent = text.parent(); parent != null; parent = parent.parent()) {
            if (parent.normalName().equals("pre")) {
                return true;
            }
        }
        return false;
    }
}
