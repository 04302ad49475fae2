package io.quotegraph.ingest.cleaning;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns an article as submitted (plain text or HTML) into the text that is stored and that every statement offset
 * refers to. Steps, in order:
 * <ol>
 *   <li>HTML only: {@link HtmlToText} (blocks become lines; scripts, styles, navigation dropped);</li>
 *   <li>whitespace: Unicode NFC; {@code \r\n}, {@code \r} and Unicode line separators become {@code \n}; NBSP, tabs
 *       and other spaces become a plain space; zero-width characters, soft hyphens and control characters other than
 *       {@code \n} are removed; runs of spaces collapse to one; lines are trimmed; at most one blank line in a row;
 *       no blank lines at the start or end;</li>
 *   <li>scraping debris: a stray, unmatched {@code [} or {@code ]} that is not inside a word, and empty brackets, are
 *       removed ("in Karabakh, ] a State Department spokesman" → "in Karabakh, a State Department spokesman");
 *       real bracketed text such as "[sic]" stays;</li>
 *   <li>trailing boilerplate: a "Related news" / "Read more" / "See also" (and similar) heading near the end followed
 *       only by a list of links or headlines is removed with that list, as are trailing "Read more: …" lines;</li>
 *   <li>headline: if no title is given and the first line looks like a headline (at most 200 characters and 30 words,
 *       no terminal period, colon, semicolon or comma, not a byline, followed by body lines) it becomes the title and
 *       is removed from the text; if a title is given and the first line repeats it, that line is removed.</li>
 * </ol>
 * Quotes (straight and curly), dashes and all other characters are kept as they are. Thread-safe and stateless.
 */
public final class TextCleaner {

    static final int MAX_HEADLINE_CHARS = 200;
    static final int MAX_HEADLINE_WORDS = 30;
    static final int MAX_LIST_ITEM_CHARS = 200;

    private static final Pattern SPACES = Pattern.compile(" {2,}");
    private static final Pattern WORDS = Pattern.compile("\\s+");

    private static final Pattern BOILERPLATE_HEADING = Pattern.compile(
            "(?:related(?: news| articles?| stories| posts| content| coverage| reading| links| topics)?"
                    + "|read more|read also|also read|more to read|see also|further reading|more on this(?: topic| story)?"
                    + "|more from [\\p{L}\\p{N} .&'-]{1,40}|more stories|more news|latest news|most read|most popular"
                    + "|recommended(?: for you| articles| stories| reading)?|you (?:may|might) also like|don't miss"
                    + "|share this(?: article| story)?|tags)\\s*[:.]?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern READ_MORE_LINE = Pattern.compile(
            "(?:read more|read also|also read|see also|related|more)\\s*:\\s*\\S.{0,200}",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern BULLET = Pattern.compile("^[-–—•*·›»▪◦]\\s*\\S.*");

    private static final Pattern BYLINE = Pattern.compile(
            "(?:by|from|posted|published|updated|photo|image|credit)\\b.*", Pattern.CASE_INSENSITIVE);

    /**
     * @param text  the submitted plain text, or null if HTML is given
     * @param html  the submitted HTML, or null if text is given
     * @param title the submitted title, or null
     */
    public CleanedArticle clean(String text, String html, String title) {
        String plain = html != null ? HtmlToText.convert(html) : (text == null ? "" : text);
        String body = normaliseWhitespace(plain);
        body = removeBracketDebris(body);
        body = removeTrailingBoilerplate(body);

        String cleanTitle = title == null ? null : normaliseTitle(title);
        List<String> lines = new ArrayList<>(Arrays.asList(body.split("\n", -1)));
        if (hasBodyAfterFirstLine(lines)) {
            String first = lines.get(0);
            if (cleanTitle == null && looksLikeHeadline(first)) {
                cleanTitle = first;
                dropFirstLine(lines);
            } else if (cleanTitle != null && sameText(first, cleanTitle)) {
                dropFirstLine(lines);
            }
        }
        body = String.join("\n", lines);
        return new CleanedArticle(cleanTitle, body, ContentHash.of(body));
    }

    /** Whitespace and control-character normalisation; see the class comment. */
    public static String normaliseWhitespace(String input) {
        String s = Normalizer.normalize(input, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\r' -> {
                    out.append('\n');
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n', '\u2028', '\u2029', '\u0085' -> out.append('\n');
                case '\t', '\u000B', '\f' -> out.append(' ');
                // zero-width space, zero-width no-break space (BOM), word joiner, soft hyphen
                case '\u200B', '\uFEFF', '\u2060', '\u00AD' -> {
                }
                default -> {
                    if (Character.isSpaceChar(c)) {
                        out.append(' '); // NBSP, narrow NBSP, figure space, ideographic space, ...
                    } else if (Character.getType(c) != Character.CONTROL) {
                        out.append(c);
                    }
                }
            }
        }
        StringBuilder result = new StringBuilder(out.length());
        boolean pendingBlank = false;
        for (String rawLine : out.toString().split("\n", -1)) {
            String line = SPACES.matcher(rawLine).replaceAll(" ").strip();
            if (line.isEmpty()) {
                pendingBlank = result.length() > 0;
                continue;
            }
            if (result.length() > 0) {
                result.append(pendingBlank ? "\n\n" : "\n");
            }
            result.append(line);
            pendingBlank = false;
        }
        return result.toString();
    }

    /**
     * Removes unmatched square brackets that stand outside words (scraping debris such as "Karabakh, ] a") and empty
     * bracket pairs; keeps matched bracketed text ("[sic]", "[1]") and brackets inside words.
     */
    public static String removeBracketDebris(String text) {
        if (text.indexOf('[') < 0 && text.indexOf(']') < 0) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            lines[l] = removeBracketDebrisInLine(lines[l]);
        }
        return String.join("\n", lines);
    }

    private static String removeBracketDebrisInLine(String line) {
        if (line.indexOf('[') < 0 && line.indexOf(']') < 0) {
            return line;
        }
        boolean[] remove = new boolean[line.length()];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '[') {
                open.push(i);
            } else if (c == ']') {
                if (open.isEmpty()) {
                    remove[i] = isLoose(line, i);
                } else {
                    int start = open.pop();
                    if (line.substring(start + 1, i).isBlank()) {
                        remove[start] = true; // "[ ]" or "[]": nothing inside
                        remove[i] = true;
                    }
                }
            }
        }
        for (int start : open) {
            remove[start] = isLoose(line, start);
        }
        StringBuilder out = new StringBuilder(line.length());
        boolean changed = false;
        for (int i = 0; i < line.length(); i++) {
            if (remove[i]) {
                changed = true;
            } else {
                out.append(line.charAt(i));
            }
        }
        if (!changed) {
            return line;
        }
        return SPACES.matcher(out).replaceAll(" ").strip();
    }

    /** An unmatched bracket is debris unless it sits between two letters or digits ("foo]bar" is left alone). */
    private static boolean isLoose(String line, int i) {
        boolean wordBefore = i > 0 && Character.isLetterOrDigit(line.charAt(i - 1));
        boolean wordAfter = i + 1 < line.length() && Character.isLetterOrDigit(line.charAt(i + 1));
        return !(wordBefore && wordAfter);
    }

    /**
     * Removes a trailing "Related news" / "Read more" / "See also" (and similar) heading together with the list of
     * links or headlines after it, and trailing "Read more: …" lines. A heading is only taken as boilerplate when it is
     * not the first line and everything after it is list-like (bulleted, or short lines without a final period).
     */
    public static String removeTrailingBoilerplate(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        boolean changed = false;
        for (int i = 1; i < lines.size(); i++) {
            if (BOILERPLATE_HEADING.matcher(lines.get(i)).matches() && restIsList(lines, i + 1)) {
                lines.subList(i, lines.size()).clear();
                changed = true;
                break;
            }
        }
        while (lines.size() > 1 && (lines.get(lines.size() - 1).isEmpty()
                || READ_MORE_LINE.matcher(lines.get(lines.size() - 1)).matches())) {
            lines.remove(lines.size() - 1);
            changed = true;
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return changed ? String.join("\n", lines) : text;
    }

    private static boolean restIsList(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || BULLET.matcher(line).matches()) {
                continue;
            }
            boolean endsWithPeriod = line.endsWith(".") && !line.endsWith("...");
            if (line.length() > MAX_LIST_ITEM_CHARS || endsWithPeriod) {
                return false;
            }
        }
        return true;
    }

    /** A first line that is short, has no terminal period/colon/semicolon/comma and is not a byline. */
    public static boolean looksLikeHeadline(String line) {
        if (line.isEmpty() || line.length() > MAX_HEADLINE_CHARS
                || WORDS.split(line).length > MAX_HEADLINE_WORDS
                || line.codePoints().noneMatch(Character::isLetter)
                || BYLINE.matcher(line).matches() && line.split("\\s+").length <= 6) {
            return false;
        }
        String end = line;
        while (!end.isEmpty() && "\"'”’»)]".indexOf(end.charAt(end.length() - 1)) >= 0) {
            end = end.substring(0, end.length() - 1);
        }
        if (end.isEmpty()) {
            return false;
        }
        char last = end.charAt(end.length() - 1);
        return ".:;,…".indexOf(last) < 0;
    }

    private static boolean hasBodyAfterFirstLine(List<String> lines) {
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            return false;
        }
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static void dropFirstLine(List<String> lines) {
        lines.remove(0);
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
    }

    private static String normaliseTitle(String title) {
        String t = normaliseWhitespace(title).replace('\n', ' ');
        t = SPACES.matcher(t).replaceAll(" ").strip();
        return t.isEmpty() ? null : t;
    }

    private static boolean sameText(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
