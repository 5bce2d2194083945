package com.coastline.identity.api;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static com.coastline.platform.test.contract.ContractSchemas.assertAdditiveChangeOf;
import static com.coastline.platform.test.contract.ContractSchemas.assertConforms;
import static com.coastline.platform.test.contract.ContractSchemas.examples;
import static org.assertj.core.api.Assertions.assertThat;

class IdentityContractTest {

	private static final String SCHEMA = "schemas/" + IdentityTopics.WORKSPACE_CREATED + ".json";

	@Test
	void workspaceCreatedMatchesItsSchema() {
		assertConforms(new WorkspaceCreated(UUID.randomUUID(), UUID.randomUUID(), "Summit Roofing", "America/Denver",
				"USD", Instant.now(), 1), SCHEMA);
		assertThat(examples(SCHEMA, WorkspaceCreated.class)).extracting(WorkspaceCreated::currency).containsOnly("USD");
	}

	@Test
	void schemaChangesOnlyAdditively() {
		assertAdditiveChangeOf("baseline/" + IdentityTopics.WORKSPACE_CREATED + ".json", SCHEMA);
	}
}
