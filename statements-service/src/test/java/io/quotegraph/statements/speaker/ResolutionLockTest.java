package io.quotegraph.statements.speaker;

import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.statements.MongoTestResource;
import io.quotegraph.statements.common.Mongo;
import io.quotegraph.statements.speaker.repository.ResolutionLockRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The block leases a delivery takes all at once: all or nothing, never two holders of one block. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class ResolutionLockTest {

    @Inject
    ResolutionLockRepository locks;
    @Inject
    Mongo mongo;

    private long held(List<String> keys) {
        return mongo.collection(ResolutionLockRepository.COLLECTION).countDocuments(Filters.in("_id", keys));
    }

    @Test
    void aSetOfBlocksIsTakenWholeOnlyOnceTheOtherHolderReleasesTheSharedBlock() throws Exception {
        String shared = "p:shared-" + UUID.randomUUID();
        List<String> first = List.of(shared, "p:a-" + UUID.randomUUID());
        List<String> second = List.of("p:b-" + UUID.randomUUID(), shared);
        String owner = locks.acquireAll(first);
        assertThat(held(first)).isEqualTo(2);

        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> locks.acquireAll(second));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        // all or nothing: while it waits for the shared block it holds none of its others, so a third delivery
        // can take one of them meanwhile (between the waiter's attempts; sampling the store instead would race them)
        String third = locks.acquireAll(List.of(second.get(0)));
        assertThat(waiting).isNotDone();
        locks.releaseAll(List.of(second.get(0)), third);

        locks.releaseAll(first, owner);
        String secondOwner = waiting.get(20, TimeUnit.SECONDS);
        assertThat(held(second)).isEqualTo(2);
        assertThat(held(List.of(first.get(1)))).isZero();
        locks.releaseAll(second, "someone else"); // only the holder releases
        assertThat(held(second)).isEqualTo(2);
        locks.releaseAll(second, secondOwner);
        assertThat(held(second)).isZero();
    }
}
