package com.coastline.identity.api;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.coastline.platform.test.contract.ContractSchemas.assertAdditiveChangeOf;
import static com.coastline.platform.test.contract.ContractSchemas.assertConforms;
import static com.coastline.platform.test.contract.ContractSchemas.examples;
import static org.assertj.core.api.Assertions.assertThat;

class SignInContractTest {

	private static String schema(String type) {
		return "schemas/" + type + ".json";
	}

	@Test
	void linkIssuedMatchesItsSchemaWithAndWithoutAProject() {
		Instant now = Instant.now();
		assertConforms(new LinkIssued(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), "staff-1", now, now.plusSeconds(30 * 86400)), schema(IdentityTopics.LINK_ISSUED));
		assertConforms(new LinkIssued(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null,
				"automation-service", now, now.plusSeconds(30 * 86400)), schema(IdentityTopics.LINK_ISSUED));
		assertThat(examples(schema(IdentityTopics.LINK_ISSUED), LinkIssued.class)).extracting(LinkIssued::issuedBy)
			.containsOnly("automation-service");
	}

	@Test
	void linkRevokedMatchesItsSchema() {
		assertConforms(new LinkRevoked(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				"revoked", Instant.now()), schema(IdentityTopics.LINK_REVOKED));
		assertThat(examples(schema(IdentityTopics.LINK_REVOKED), LinkRevoked.class)).extracting(LinkRevoked::reason)
			.containsOnly("email-changed");
	}

	@Test
	void clientSignedInMatchesItsSchema() {
		assertConforms(new ClientSignedIn(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				"link", Instant.now()), schema(IdentityTopics.CLIENT_SIGNED_IN));
		assertThat(examples(schema(IdentityTopics.CLIENT_SIGNED_IN), ClientSignedIn.class))
			.extracting(ClientSignedIn::method)
			.containsOnly("link");
	}

	@ParameterizedTest
	@ValueSource(strings = { IdentityTopics.LINK_ISSUED, IdentityTopics.LINK_REVOKED, IdentityTopics.CLIENT_SIGNED_IN })
	void schemaChangesOnlyAdditively(String type) {
		assertAdditiveChangeOf("baseline/" + type + ".json", schema(type));
	}
}
