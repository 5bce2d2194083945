package com.coastline.identity.api;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static com.coastline.platform.test.contract.ContractSchemas.assertAdditiveChangeOf;
import static com.coastline.platform.test.contract.ContractSchemas.assertConforms;
import static com.coastline.platform.test.contract.ContractSchemas.examples;
import static org.assertj.core.api.Assertions.assertThat;

class StaffContractTest {

	private static final String SCHEMA = "schemas/" + StaffInvited.TYPE + ".json";

	@Test
	void staffInvitedMatchesItsSchema() {
		assertConforms(new StaffInvited(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "STAFF",
				UUID.randomUUID().toString(), Instant.now()), SCHEMA);
		assertThat(examples(SCHEMA, StaffInvited.class)).extracting(StaffInvited::role).containsOnly("STAFF");
	}

	@Test
	void staffInvitedSchemaChangesOnlyAdditively() {
		assertAdditiveChangeOf("baseline/" + StaffInvited.TYPE + ".json", SCHEMA);
	}
}
