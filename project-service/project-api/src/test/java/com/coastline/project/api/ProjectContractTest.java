package com.coastline.project.api;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.coastline.platform.test.contract.ContractSchemas.assertAdditiveChangeOf;
import static com.coastline.platform.test.contract.ContractSchemas.assertConforms;
import static com.coastline.platform.test.contract.ContractSchemas.examples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectContractTest {

	private static final UUID WORKSPACE = UUID.randomUUID();

	@Test
	void projectApprovedMatchesItsSchema() {
		var contact = new ProjectApproved.PrimaryContact(UUID.randomUUID(), "Dana", "Reyes", "dana@example.com");
		assertConforms(new ProjectApproved(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), "Roof", null, contact,
				Instant.now(), 2), schema(ProjectTopics.PROJECT_APPROVED));
		assertThat(examples(schema(ProjectTopics.PROJECT_APPROVED), ProjectApproved.class))
			.allSatisfy(event -> assertThat(event.primaryContact().email()).contains("@"));
	}

	@Test
	void contactEventsMatchTheirSchemas() {
		assertConforms(new ContactUpserted(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), "Dana", "Reyes",
				"dana@example.com", "+1 303 555 0100", 1, Instant.now()), schema(ProjectTopics.CONTACT_UPSERTED));
		assertConforms(new ContactArchived(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), 2, Instant.now()),
				schema(ProjectTopics.CONTACT_ARCHIVED));
		assertThat(examples(schema(ProjectTopics.CONTACT_UPSERTED), ContactUpserted.class)).isNotEmpty();
		assertThat(examples(schema(ProjectTopics.CONTACT_ARCHIVED), ContactArchived.class)).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { ProjectTopics.CONTACT_UPSERTED, ProjectTopics.CONTACT_ARCHIVED, ProjectTopics.PROJECT_APPROVED })
	void schemasChangeOnlyAdditively(String type) {
		assertAdditiveChangeOf("baseline/" + type + ".json", schema(type));
	}

	@Test
	void removingAFieldIsCaughtAsABreakingChange() {
		assertThatThrownBy(() -> assertAdditiveChangeOf("baseline/" + ProjectTopics.PROJECT_APPROVED + ".json",
				"breaking/project-approved-without-name.json"))
			.hasMessageContaining("projectName: removed");
	}

	private static String schema(String type) {
		return "schemas/" + type + ".json";
	}
}
