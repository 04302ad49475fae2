package io.quotegraph.statements.speaker.service;

import io.quotegraph.extraction.entity.EntityNames;
import io.quotegraph.model.EntityType;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeysTest {

    @Test
    void peopleLoseHonorificsAndTitles() {
        assertThat(EntityNames.nameKey("President Ilham Aliyev", EntityType.PERSON)).isEqualTo("ilham aliyev");
        assertThat(EntityNames.nameKey("U.S. Secretary of State Antony Blinken", EntityType.PERSON)).isEqualTo("antony blinken");
        assertThat(EntityNames.nameKey("Mr. Miller", EntityType.PERSON)).isEqualTo("miller");
        assertThat(EntityNames.nameKey("Dr. José Núñez Jr.", null)).isEqualTo("jose nunez");
        assertThat(EntityNames.nameKey("President", EntityType.PERSON)).isEqualTo("president");
    }

    @Test
    void organisationsKeepTheirWords() {
        assertThat(EntityNames.nameKey("U.S. Department of State", EntityType.ORGANIZATION)).isEqualTo("us department of state");
        assertThat(EntityNames.organizationWords("the U.S. Department of State")).isEqualTo(EntityNames.organizationWords("US State Department"));
    }

    @Test
    void roleOnlyNames() {
        assertThat(EntityNames.isRoleOnly("the spokesman")).isTrue();
        assertThat(EntityNames.isRoleOnly("a State Department spokesman")).isTrue();
        assertThat(EntityNames.isRoleOnly("President")).isTrue();
        assertThat(EntityNames.isRoleOnly("Matthew Miller")).isFalse();
        assertThat(EntityNames.isRoleOnly("Government of Azerbaijan")).isFalse();
        assertThat(EntityNames.isRoleOnly("Azerbaijan")).isFalse();
    }

    @Test
    void organisationConflicts() {
        assertThat(NameKeys.organizationsConflict(Set.of("acme"), Set.of())).isFalse();
        assertThat(NameKeys.organizationsConflict(Set.of("department state"), Set.of("department state us"))).isFalse();
        assertThat(NameKeys.organizationsConflict(Set.of("acme widgets"), Set.of("club football northern"))).isTrue();
    }
}
