package io.quotegraph.ingest.cleaning;

/**
 * The result of cleaning one article.
 *
 * @param title       the given title (whitespace-normalised), or the headline taken from the first line; null if none
 * @param text        the cleaned body text: the text every statement offset refers to; never null, may be empty
 * @param contentHash SHA-256 (lower-case hex) of the normalised cleaned text, the key of content deduplication
 */
public record CleanedArticle(String title, String text, String contentHash) {

    public boolean isEmpty() {
        return text.isBlank();
    }
}
