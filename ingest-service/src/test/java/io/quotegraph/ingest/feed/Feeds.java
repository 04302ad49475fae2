package io.quotegraph.ingest.feed;

import io.quotegraph.ingest.support.Resources;

import java.util.List;

/** Feed documents for the tests. */
final class Feeds {

    private Feeds() {
    }

    record Item(String guid, String link, String title, String pubDate, String html) {
    }

    static Item item(String marker, int n, String pubDate) {
        return new Item("urn:test:" + marker + ":" + n, "https://feeds.example/" + marker + "/" + n,
                "Item " + n + " of " + marker, pubDate,
                "<p>\"We will review the harbour rules,\" the mayor said on Monday.</p><p>"
                        + Resources.randomParagraph(60) + "</p>");
    }

    static String rss(String title, List<Item> items) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>%s</title><link>https://feeds.example/</link><description>test</description>
                <language>en</language>
                """.formatted(title));
        for (Item item : items) {
            xml.append("<item><title>").append(item.title()).append("</title><link>").append(item.link())
                    .append("</link><guid isPermaLink=\"false\">").append(item.guid()).append("</guid>");
            if (item.pubDate() != null) {
                xml.append("<pubDate>").append(item.pubDate()).append("</pubDate>");
            }
            xml.append("<description>short summary</description><content:encoded><![CDATA[").append(item.html())
                    .append("]]></content:encoded></item>\n");
        }
        return xml.append("</channel></rss>").toString();
    }

    static String atom(String title, String id, String link, String updated, String html) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>%s</title><id>urn:test:feed</id><updated>%s</updated>
                  <entry>
                    <title>Atom entry</title><id>%s</id><link href="%s"/>
                    <published>%s</published><updated>%s</updated>
                    <content type="html"><![CDATA[%s]]></content>
                  </entry>
                </feed>""".formatted(title, updated, id, link, updated, updated, html);
    }

    static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <rss version="2.0"><channel><title>laughs</title><link>https://evil.example/</link><description>x</description>
            <item><title>bomb</title><link>https://evil.example/bomb</link><pubDate>Tue, 06 Feb 2024 08:00:00 GMT</pubDate>
            <description>&lol9; the spokesman said on Monday that nothing was wrong at all with this feed.</description></item>
            </channel></rss>""";

    /** An external entity that would read a local file into the item's description. */
    static String externalEntity(String fileUri) {
        return """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY secret SYSTEM "%s"> ]>
                <rss version="2.0"><channel><title>xxe</title><link>https://evil.example/</link><description>x</description>
                <item><title>leak</title><link>https://evil.example/leak</link><pubDate>Tue, 06 Feb 2024 08:00:00 GMT</pubDate>
                <description>The file says: &secret; and the spokesman said on Monday that it was all fine.</description></item>
                </channel></rss>""".formatted(fileUri);
    }
}
