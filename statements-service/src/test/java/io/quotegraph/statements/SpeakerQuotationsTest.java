package io.quotegraph.statements;

import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.statements.common.IdSets;
import io.quotegraph.statements.common.Mongo;
import io.quotegraph.statements.quotation.repository.QuotationRepository;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A speaker's quotations are listed in a paged id set, so a busy speaker's new quotation writes a bounded document
 * instead of the speaker's whole list; an older store's per-speaker list documents are copied in once.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class SpeakerQuotationsTest {

    @Inject
    Mongo mongo;
    @Inject
    QuotationRepository quotations;

    private static List<QuotationRepository.Members> quotationsOf(String speakerId, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new QuotationRepository.Members(speakerId + "/q" + i, speakerId,
                List.of(speakerId + "|a" + i + ":0"))).toList();
    }

    private static List<String> idsOf(List<QuotationRepository.Members> members) {
        return members.stream().map(QuotationRepository.Members::quotationId).toList();
    }

    @Test
    void aBusySpeakersListGrowsInPagesAndEmptiedQuotationsLeaveIt() {
        String speaker = "busy-" + Articles.unique();
        List<QuotationRepository.Members> all = quotationsOf(speaker, 0, 3 * IdSets.HEAD_CAPACITY);
        // one quotation per delivery, as a speaker's reports arrive
        all.forEach(m -> quotations.addMembers(List.of(m)));

        assertThat(quotations.quotationIdsOfSpeaker(speaker)).containsExactlyInAnyOrderElementsOf(idsOf(all));
        List<Document> documents = mongo.collection(IdSets.COLLECTION).find(Filters.regex("_id",
                "^" + Pattern.quote(IdSets.SPEAKER_QUOTATIONS + ":" + speaker) + "(#\\d+)?$")).into(new ArrayList<>());
        assertThat(documents).hasSizeGreaterThan(1).allSatisfy(d ->
                assertThat(d.getList("ids", String.class)).hasSizeLessThanOrEqualTo(IdSets.HEAD_CAPACITY));
        assertThat(mongo.collection(QuotationRepository.SPEAKERS).find(Filters.eq("_id", speaker)).first()).isNull();

        // a quotation whose last member leaves is deleted and unlisted; one that keeps a member stays
        QuotationRepository.Members emptied = all.get(5);
        QuotationRepository.Members kept = all.get(IdSets.HEAD_CAPACITY + 7);
        quotations.addMembers(List.of(new QuotationRepository.Members(kept.quotationId(), speaker,
                List.of(speaker + "|other:0"))));
        quotations.removeMembers(Map.of(emptied.quotationId(), emptied.statementIds(),
                kept.quotationId(), kept.statementIds()));
        List<String> left = new ArrayList<>(idsOf(all));
        left.remove(emptied.quotationId());
        assertThat(quotations.quotationIdsOfSpeaker(speaker)).containsExactlyInAnyOrderElementsOf(left);
        assertThat(quotations.findAll(List.of(emptied.quotationId(), kept.quotationId())))
                .extracting(q -> q.getString("_id")).containsExactly(kept.quotationId());
    }

    @Test
    void anOlderStoresSpeakerListsAreCopiedIntoTheSetsOnce() {
        String speaker = "older-" + Articles.unique();
        List<String> listed = List.of(speaker + "/q1", speaker + "/q2");
        mongo.collection(QuotationRepository.SPEAKERS).insertOne(new Document("_id", speaker)
                .append("quotationIds", listed));
        assertThat(quotations.quotationIdsOfSpeaker(speaker)).isEmpty();
        // a store that has not been filled yet: what an older version left behind
        mongo.collection(IdSets.COLLECTION).deleteOne(Filters.eq("_id", "filled:" + IdSets.SPEAKER_QUOTATIONS));

        quotations.fillSpeakerSets();

        assertThat(quotations.quotationIdsOfSpeaker(speaker)).containsExactlyInAnyOrderElementsOf(listed);
        // filled once: a list document written later (by an old instance) is not copied again
        String late = "late-" + Articles.unique();
        mongo.collection(QuotationRepository.SPEAKERS).insertOne(new Document("_id", late)
                .append("quotationIds", List.of(late + "/q1")));
        quotations.fillSpeakerSets();
        assertThat(quotations.quotationIdsOfSpeaker(late)).isEmpty();
    }
}
