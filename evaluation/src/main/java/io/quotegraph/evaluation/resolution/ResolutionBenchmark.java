package io.quotegraph.evaluation.resolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.extraction.entity.EntityClusterer;
import io.quotegraph.extraction.entity.EntityNames;
import io.quotegraph.extraction.entity.Gazetteer;
import io.quotegraph.extraction.entity.ResolutionMention;
import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.Role;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The speaker-resolution benchmark: how well the speakers of many articles are grouped into people.
 * <p>
 * Items: gold speaker mentions that name a person, labelled with who it is (the labels of
 * {@value #LABELS}, built from the PolNeAR dev split without copying its text; and the statements of the sample
 * articles with their expected speakers). Each item is mapped to the speaker the extraction attributes its statement
 * to (the predicted statement whose speaker mention overlaps the gold one; for the samples, the statement containing
 * the expected fragment); the article speakers of all articles are then clustered across articles as
 * statements-service does ({@link EntityClusterer} with the bundled gazetteer), and the clusters are scored against the
 * labels, pairwise and B³. Items whose statement or speaker the extraction misses are reported as not covered.
 * Two baselines put the resolution in context: one cluster per exact display name, and one per surname.
 */
public final class ResolutionBenchmark {

    public static final String LABELS = "polnear-dev-speakers.tsv";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One labelled item: a gold speaker mention (or, for the samples, the speaker key already found) and who it is. */
    record Item(String articleId, int start, int end, String label, String speakerKey) {
    }

    /** The result of one system over the covered items. */
    public record SystemScores(String system, ClusterScores scores) {
    }

    public record Report(String corpus, int articles, int items, int covered, int clusters, List<SystemScores> systems) {
    }

    private final StatementExtractor extractor = new StatementExtractor();

    /**
     * @param corpus the PolNeAR JSONL (e.g. ../shared/eval/polnear-dev.jsonl)
     * @param seeds  the folder of the sample articles and expected.json (e.g. ../shared/seeds), or null
     */
    public Report run(Path corpus, Path seeds) throws IOException {
        List<Item> items = new ArrayList<>(readLabels());
        Map<String, Extraction> extractions = new LinkedHashMap<>();
        Map<String, List<Item>> byArticle = new HashMap<>();
        items.forEach(i -> byArticle.computeIfAbsent(i.articleId(), k -> new ArrayList<>()).add(i));
        try (BufferedReader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode article = JSON.readTree(line);
                String id = article.get("id").asText();
                extractions.put(id, extractor.extract(article.get("text").asText(), null));
            }
        }
        if (seeds != null) {
            items.addAll(seedItems(seeds, extractions));
        }
        List<String> gold = new ArrayList<>();
        List<String> mentionIds = new ArrayList<>();
        for (Item item : items) {
            Extraction x = extractions.get(item.articleId());
            String key = x == null ? null : item.speakerKey() != null ? item.speakerKey() : speakerKeyAt(x, item.start(), item.end());
            if (key != null) {
                gold.add(item.label());
                mentionIds.add(item.articleId() + "|" + key);
            }
        }
        Map<String, ResolutionMention> mentions = new LinkedHashMap<>();
        Map<String, ArticleSpeaker> speakers = new HashMap<>();
        extractions.forEach((articleId, x) -> {
            for (ArticleSpeaker s : x.speakers()) {
                String name = displayName(s);
                if (name == null) {
                    continue;
                }
                ResolutionMention m = new ResolutionMention(articleId + "|" + s.key(), name, s.type(),
                        s.roles().stream().map(Role::organization).filter(Objects::nonNull).toList(),
                        s.aliases().isEmpty() && EntityNames.isRoleOnly(name));
                mentions.put(m.id(), m);
                speakers.put(m.id(), s);
            }
        });
        List<String> coveredGold = new ArrayList<>();
        List<String> coveredMentions = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            if (mentions.containsKey(mentionIds.get(i))) {
                coveredGold.add(gold.get(i));
                coveredMentions.add(mentionIds.get(i));
            }
        }
        EntityClusterer clusterer = new EntityClusterer(Gazetteer.bundled());
        Map<String, String> clusterOf = new HashMap<>();
        List<EntityClusterer.Cluster> clusters = clusterer.cluster(mentions.values());
        for (EntityClusterer.Cluster c : clusters) {
            String clusterId = c.mentionIds().get(0);
            c.mentionIds().forEach(id -> clusterOf.put(id, clusterId));
        }
        List<SystemScores> systems = new ArrayList<>();
        systems.add(new SystemScores("entity resolution (statements-service)",
                ClusterScores.of(coveredGold, map(coveredMentions, clusterOf::get))));
        systems.add(new SystemScores("baseline: exact display name",
                ClusterScores.of(coveredGold, map(coveredMentions, id -> "n:" + mentions.get(id).name().toLowerCase(Locale.ROOT)))));
        systems.add(new SystemScores("baseline: surname",
                ClusterScores.of(coveredGold, map(coveredMentions, id -> {
                    List<String> tokens = EntityNames.nameTokens(mentions.get(id).name(), mentions.get(id).type());
                    return tokens.isEmpty() ? id : "s:" + tokens.get(tokens.size() - 1);
                }))));
        return new Report(corpus.toString(), extractions.size(), items.size(), coveredGold.size(), clusters.size(), systems);
    }

    public static void print(PrintStream out, Report report) {
        out.printf("resolution benchmark: %s (+ samples), %d articles%n", report.corpus(), report.articles());
        out.printf("items: %d labelled speaker mentions, %d covered (the extraction attributes their statement to a speaker), "
                + "%d clusters over all article speakers%n", report.items(), report.covered(), report.clusters());
        out.printf("%-42s %8s %8s %8s %8s %8s %8s%n", "system", "pair P", "pair R", "pair F1", "B3 P", "B3 R", "B3 F1");
        for (SystemScores s : report.systems()) {
            ClusterScores c = s.scores();
            out.printf(Locale.ROOT, "%-42s %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f%n", s.system(), c.pairwisePrecision(),
                    c.pairwiseRecall(), c.pairwiseF1(), c.b3Precision(), c.b3Recall(), c.b3F1());
        }
    }

    private static List<String> map(List<String> ids, Function<String, String> f) {
        return ids.stream().map(f).toList();
    }

    /** The key of the speaker of the predicted statement whose speaker mention overlaps [start, end) the most. */
    private static String speakerKeyAt(Extraction x, int start, int end) {
        String best = null;
        int bestOverlap = 0;
        for (ExtractedStatement s : x.statements()) {
            if (s.speakerMention() == null || s.speakerKey() == null) {
                continue;
            }
            int overlap = Math.min(end, s.speakerMention().end()) - Math.max(start, s.speakerMention().start());
            if (overlap > bestOverlap) {
                bestOverlap = overlap;
                best = s.speakerKey();
            }
        }
        return best;
    }

    /** The sample articles' statements with their expected speakers (a careful reader's labels). */
    private List<Item> seedItems(Path seeds, Map<String, Extraction> extractions) throws IOException {
        JsonNode expected = JSON.readTree(seeds.resolve("expected.json").toFile());
        List<Item> items = new ArrayList<>();
        for (JsonNode article : expected.get("articles")) {
            String file = article.get("file").asText();
            String text = Files.readString(seeds.resolve(file), StandardCharsets.UTF_8);
            String id = "sample:" + file;
            Extraction x = extractor.extract(text, Instant.parse(article.get("publishedAt").asText()));
            extractions.put(id, x);
            for (JsonNode statement : article.get("statements")) {
                String contains = statement.get("contains").asText();
                int at = text.indexOf(contains);
                for (ExtractedStatement s : x.statements()) {
                    if (at >= 0 && s.speakerKey() != null && s.content().start() <= at
                            && at + contains.length() <= s.content().end()) {
                        items.add(new Item(id, -1, -1, statement.get("speaker").asText(), s.speakerKey()));
                        break;
                    }
                }
            }
        }
        return items;
    }

    private static String displayName(ArticleSpeaker s) {
        if (s.name() != null && !EntityNames.words(s.name()).isEmpty()) {
            return s.name().strip();
        }
        return s.aliases().stream().filter(a -> a != null && !EntityNames.words(a).isEmpty()).findFirst()
                .map(String::strip).orElse(null);
    }

    static List<Item> readLabels() {
        try (InputStream in = ResolutionBenchmark.class.getResourceAsStream(LABELS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + LABELS);
            }
            List<Item> items = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                items.add(new Item(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3], null));
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
