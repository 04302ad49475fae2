package io.quotegraph.baseline.corenlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreQuote;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.Pair;
import io.quotegraph.evaluation.ExtractionRun;
import io.quotegraph.evaluation.ProcessMemory;
import io.quotegraph.evaluation.RunStats;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The Stanford CoreNLP baseline: its quote annotator with quote attribution (Muzny et al. 2017) over the full
 * English pipeline, one thread, writing predictions in the JSONL that {@code ./quotegraph eval} reads (offsets in
 * code points) and the same {@code .stats.json} beside them. CoreNLP finds direct quotes only, so every
 * prediction is {@code direct}; it reports no cue.
 *
 * <p>A benchmark, never shipped: CoreNLP is GPL-3.0 and no other module depends on this one.
 */
public final class CoreNlpBaseline {

    static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,depparse,coref,quote";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CoreNlpBaseline() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CoreNlpBaseline IN.jsonl OUT.jsonl");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);

        long setupStart = System.nanoTime();
        StanfordCoreNLP pipeline = new StanfordCoreNLP(properties());
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        System.err.printf("corenlp: pipeline loaded in %.1f s%n", setupSeconds);

        // a stats file for no articles yet: it also loads the classes the end of the run needs, so that a run of
        // most of an hour does not lose its figures if the jars it came from are rebuilt in the meantime
        ExtractionRun.writeStats(output, new RunStats("corenlp " + ANNOTATORS, 0, 0, 0, 0, 0, 0, setupSeconds));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ProcessMemory.resetPeakHeap();
        long start = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        int articles = 0;
        long bytes = 0;
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
             BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode article = JSON.readTree(line);
                String id = article.path("id").asText();
                String text = article.path("text").asText("");
                writer.write(JSON.writeValueAsString(predict(pipeline, id, text)));
                writer.newLine();
                writer.flush();
                articles++;
                bytes += text.getBytes(StandardCharsets.UTF_8).length;
                System.err.printf("corenlp: %d articles, %.0f s%n", articles, (System.nanoTime() - start) / 1e9);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
        RunStats stats = new RunStats("corenlp " + ANNOTATORS, articles, bytes / 1e6, seconds, cpuSeconds,
                ProcessMemory.peakHeapMegabytes(), ProcessMemory.peakRssMegabytes(), setupSeconds);
        ExtractionRun.writeStats(output, stats);
        System.err.printf("corenlp: %d articles in %.0f s (%.2f articles/s per core), peak RSS %.0f MB%n",
                articles, seconds, stats.articlesPerCpuSecond(), stats.peakRssMegabytes());
    }

    static Properties properties() {
        Properties props = new Properties();
        props.setProperty("annotators", ANNOTATORS);
        props.setProperty("quote.attributeQuotes", "true");
        props.setProperty("threads", "1");
        return props;
    }

    static ObjectNode predict(StanfordCoreNLP pipeline, String id, String text) {
        ObjectNode json = JSON.createObjectNode().put("id", id);
        ArrayNode statements = json.putArray("statements");
        if (text.isBlank()) {
            return json;
        }
        CoreDocument doc = new CoreDocument(text);
        pipeline.annotate(doc);
        for (CoreQuote quote : doc.quotes()) {
            int begin = quote.quoteCharOffsets().first();
            int end = quote.quoteCharOffsets().second();
            ObjectNode s = statements.addObject();
            s.put("kind", "direct");
            s.set("content", span(text, begin, end));
            Optional<Pair<Integer, Integer>> mention = quote.speakerCharOffsets();
            s.set("speaker", mention.map(m -> span(text, m.first(), m.second())).orElse(JSON.nullNode()));
            s.put("speakerName", quote.canonicalSpeaker().or(quote::speaker).orElse(null));
            s.putNull("cue");
            s.put("confidence", 1.0);
        }
        return json;
    }

    /** CoreNLP counts offsets in UTF-16 units, the gold in code points. */
    private static JsonNode span(String text, int begin, int end) {
        return JSON.createObjectNode()
                .put("start", text.codePointCount(0, begin))
                .put("end", text.codePointCount(0, end))
                .put("text", text.substring(begin, end));
    }
}
