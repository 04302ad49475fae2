package io.quotegraph.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.quotegraph.ingest.article.service.NewArticle;
import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom (0.3, 1.0) feeds with ROME and turns their items into articles.
 * <p>
 * Hostile XML: ROME's {@link SyndFeedInput} refuses any DOCTYPE ({@code allowDoctypes} false, set explicitly here
 * although it is ROME's default), so no entity can be declared: neither an entity expansion bomb ("billion laughs")
 * nor an external entity (file or URL) is ever read. Such a feed is an invalid feed (400), and nothing is ingested.
 */
public final class FeedParser {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    /**
     * One item of a feed, as an article to ingest ({@code problem} says why not when it is null); {@code key}
     * identifies it across polls (guid or id, else link); {@code dated} is false when the item carries no date and its
     * publication time is the fetch time.
     */
    public record FeedItem(String key, NewArticle article, String problem, boolean dated) {
    }

    public record ParsedFeed(String title, String type, List<FeedItem> items) {
    }

    private FeedParser() {
    }

    /**
     * @param xml            the feed document
     * @param sourceOverride the source to give every item, else the feed's title
     * @param fetchedAt      the publication time of items that carry no date
     * @throws ProblemException (400) when the document is not a well-formed, safe RSS or Atom feed
     */
    public static ParsedFeed parse(byte[] xml, String sourceOverride, Instant fetchedAt) {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setXmlHealerOn(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(xml)));
        } catch (FeedException | IllegalArgumentException | IOException e) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "not a valid RSS or Atom feed: " + describe(e));
        }
        String source = sourceOverride != null && !sourceOverride.isBlank() ? sourceOverride.strip() : blankToNull(feed.getTitle());
        String language = feed.getLanguage() != null && LANGUAGE_TAG.matcher(feed.getLanguage().strip()).matches()
                ? feed.getLanguage().strip() : null;
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            items.add(item(entry, source, language, fetchedAt));
        }
        return new ParsedFeed(feed.getTitle(), feed.getFeedType(), items);
    }

    private static FeedItem item(SyndEntry entry, String source, String language, Instant fetchedAt) {
        String link = blankToNull(entry.getLink());
        if (link == null && entry.getUri() != null && entry.getUri().toLowerCase(Locale.ROOT).matches("https?://.*")) {
            link = entry.getUri().strip();
        }
        String key = blankToNull(entry.getUri()) != null ? entry.getUri().strip() : link;
        String html = body(entry);
        if (html == null) {
            return new FeedItem(key, null, "the item has neither content nor description", false);
        }
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        Instant publishedAt = (date != null ? date.toInstant() : fetchedAt).truncatedTo(ChronoUnit.MICROS);
        String title = blankToNull(entry.getTitle());
        return new FeedItem(key, new NewArticle(link, source, title == null ? null : abbreviate(title, 1000), null, html,
                publishedAt, language), null, date != null);
    }

    /** The full content (Atom content, RSS content:encoded) if any, else the description/summary. */
    private static String body(SyndEntry entry) {
        StringBuilder content = new StringBuilder();
        for (SyndContent part : entry.getContents()) {
            if (part.getValue() != null && !part.getValue().isBlank()) {
                content.append(content.isEmpty() ? "" : "\n").append(asHtml(part));
            }
        }
        if (!content.isEmpty()) {
            return content.toString();
        }
        SyndContent description = entry.getDescription();
        return description == null || description.getValue() == null || description.getValue().isBlank()
                ? null : asHtml(description);
    }

    /** Plain-text content is escaped so that the HTML cleaner keeps it as text. */
    private static String asHtml(SyndContent content) {
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        if (type.equals("text") || type.equals("text/plain")) {
            return "<p>" + content.getValue().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\n\n", "</p><p>") + "</p>";
        }
        return content.getValue();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return abbreviate(message.replaceAll("\\s+", " "), 300);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
