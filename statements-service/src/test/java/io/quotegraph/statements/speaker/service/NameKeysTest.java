package io.quotegraph.statements.speaker.service;

import io.quotegraph.model.EntityType;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeysTest {

    @Test
    void peopleLoseHonorificsAndTitles() {
        assertThat(NameKeys.nameKey("President Ilham Aliyev", EntityType.PERSON)).isEqualTo("ilham aliyev");
        assertThat(NameKeys.nameKey("U.S. Secretary of State Antony Blinken", EntityType.PERSON)).isEqualTo("antony blinken");
        assertThat(NameKeys.nameKey("Mr. Miller", EntityType.PERSON)).isEqualTo("miller");
        assertThat(NameKeys.nameKey("Dr. José Núñez Jr.", null)).isEqualTo("jose nunez");
        assertThat(NameKeys.nameKey("President", EntityType.PERSON)).isEqualTo("president");
    }

    @Test
    void organisationsKeepTheirWords() {
        assertThat(NameKeys.nameKey("U.S. Department of State", EntityType.ORGANIZATION)).isEqualTo("us department of state");
        assertThat(NameKeys.organizationKey("the U.S. Department of State")).isEqualTo(NameKeys.organizationKey("US State Department"));
    }

    @Test
    void roleOnlyNames() {
        assertThat(NameKeys.isRoleOnly("the spokesman")).isTrue();
        assertThat(NameKeys.isRoleOnly("a State Department spokesman")).isTrue();
        assertThat(NameKeys.isRoleOnly("President")).isTrue();
        assertThat(NameKeys.isRoleOnly("Matthew Miller")).isFalse();
        assertThat(NameKeys.isRoleOnly("Government of Azerbaijan")).isFalse();
        assertThat(NameKeys.isRoleOnly("Azerbaijan")).isFalse();
    }

    @Test
    void organisationConflicts() {
        assertThat(NameKeys.organizationsConflict(Set.of("acme"), Set.of())).isFalse();
        assertThat(NameKeys.organizationsConflict(Set.of("department state"), Set.of("department state us"))).isFalse();
        assertThat(NameKeys.organizationsConflict(Set.of("acme widgets"), Set.of("club football northern"))).isTrue();
    }
}
