package com.coastline.project.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.coastline.platform.test.contract.ContractSchemas.assertAdditiveChangeOf;
import static com.coastline.platform.test.contract.ContractSchemas.assertConforms;
import static com.coastline.platform.test.contract.ContractSchemas.examples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EstimateContractTest {

	private static final UUID WORKSPACE = UUID.randomUUID();

	private static final String HASH = "a".repeat(64);

	@Test
	void estimateSentMatchesItsSchemaWithAndWithoutAValidUntilDate() {
		assertConforms(new EstimateSent(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), 1, "Roof", "USD", 1_284_150, LocalDate.of(2026, 12, 31), Instant.now()),
				schema(ProjectTopics.ESTIMATE_SENT));
		assertConforms(new EstimateSent(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), 3, "Roof", "JPY", 0, null, Instant.now()), schema(ProjectTopics.ESTIMATE_SENT));
		assertThat(examples(schema(ProjectTopics.ESTIMATE_SENT), EstimateSent.class))
			.allSatisfy(event -> assertThat(event.validUntil()).isNotNull());
	}

	@Test
	void estimateApprovedMatchesItsSchema() {
		assertConforms(new EstimateApproved(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(), 2,
				"Roof", "EUR", 99, UUID.randomUUID(), "Dana Reyes", Instant.now(), HASH),
				schema(ProjectTopics.ESTIMATE_APPROVED));
		assertThat(examples(schema(ProjectTopics.ESTIMATE_APPROVED), EstimateApproved.class))
			.allSatisfy(event -> assertThat(event.contentSha256()).hasSize(64));
	}

	@Test
	void anApprovalWithoutAProperHashDoesNotMatch() {
		EstimateApproved upperCaseHash = new EstimateApproved(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(),
				UUID.randomUUID(), 2, "Roof", "EUR", 99, UUID.randomUUID(), "Dana Reyes", Instant.now(), "A".repeat(64));

		assertThatThrownBy(() -> assertConforms(upperCaseHash, schema(ProjectTopics.ESTIMATE_APPROVED)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("contentSha256");
	}

	@Test
	void clientAnswersMatchTheirSchemas() {
		assertConforms(new EstimateDeclined(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(), 1,
				UUID.randomUUID(), null, Instant.now()), schema(ProjectTopics.ESTIMATE_DECLINED));
		assertConforms(new EstimateDeclined(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(), 1,
				UUID.randomUUID(), "Too expensive", Instant.now()), schema(ProjectTopics.ESTIMATE_DECLINED));
		assertConforms(new EstimateChangesRequested(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(),
				1, UUID.randomUUID(), "Cedar instead, please", Instant.now()),
				schema(ProjectTopics.ESTIMATE_CHANGES_REQUESTED));
		assertConforms(new EstimateViewed(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(), 2,
				UUID.randomUUID(), Instant.now()), schema(ProjectTopics.ESTIMATE_VIEWED));
		assertThat(examples(schema(ProjectTopics.ESTIMATE_VIEWED), EstimateViewed.class)).isNotEmpty();
		assertThat(examples(schema(ProjectTopics.ESTIMATE_DECLINED), EstimateDeclined.class)).isNotEmpty();
		assertThat(examples(schema(ProjectTopics.ESTIMATE_CHANGES_REQUESTED), EstimateChangesRequested.class))
			.allSatisfy(event -> assertThat(event.message()).isNotBlank());
	}

	@ParameterizedTest
	@ValueSource(strings = { ProjectTopics.ESTIMATE_SENT, ProjectTopics.ESTIMATE_APPROVED,
			ProjectTopics.ESTIMATE_DECLINED, ProjectTopics.ESTIMATE_CHANGES_REQUESTED, ProjectTopics.ESTIMATE_VIEWED })
	void estimateSchemasChangeOnlyAdditively(String type) {
		assertAdditiveChangeOf("baseline/" + type + ".json", schema(type));
	}

	@Test
	void droppingTheHashFromTheApprovalIsCaughtAsABreakingChange() {
		assertThatThrownBy(() -> assertAdditiveChangeOf("baseline/" + ProjectTopics.ESTIMATE_APPROVED + ".json",
				"breaking/estimate-approved-without-hash.json"))
			.hasMessageContaining("contentSha256: removed");
	}

	private static String schema(String type) {
		return "schemas/" + type + ".json";
	}
}
