package com.coastline.portal.api;

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

class PortalContractTest {

	private static final UUID WORKSPACE = UUID.randomUUID();

	@Test
	void activationEventsMatchTheirSchemas() {
		assertConforms(new PortalActivated(UUID.randomUUID(), WORKSPACE, "harbor-builders", "staff-1", Instant.now(), 2),
				schema(PortalTopics.PORTAL_ACTIVATED));
		assertConforms(new PortalDeactivated(UUID.randomUUID(), WORKSPACE, "harbor-builders", "staff-1", Instant.now(),
				3), schema(PortalTopics.PORTAL_DEACTIVATED));
		assertThat(examples(schema(PortalTopics.PORTAL_ACTIVATED), PortalActivated.class)).extracting(PortalActivated::slug)
			.containsOnly("harbor-builders");
		assertThat(examples(schema(PortalTopics.PORTAL_DEACTIVATED), PortalDeactivated.class)).isNotEmpty();
	}

	@Test
	void profileChangesMatchTheirSchema() {
		assertConforms(new PortalProfileChanged(UUID.randomUUID(), WORKSPACE, "harbor-builders", "Harbor Builders",
				"#0b5cad", "+1 303 555 0100", "office@harbor.example", "1 Dock St", "http://localhost:8080/logo", true,
				4, Instant.now()), schema(PortalTopics.PORTAL_PROFILE_CHANGED));
		assertConforms(new PortalProfileChanged(UUID.randomUUID(), WORKSPACE, "harbor-builders", "Harbor Builders",
				"#0b5cad", null, null, null, null, false, 1, Instant.now()), schema(PortalTopics.PORTAL_PROFILE_CHANGED));
		assertThat(examples(schema(PortalTopics.PORTAL_PROFILE_CHANGED), PortalProfileChanged.class))
			.extracting(PortalProfileChanged::accentColor)
			.containsOnly("#0b5cad");
	}

	@Test
	void anUpperCaseSlugOrAColourNameBreaksTheSchema() {
		assertThatThrownBy(() -> assertConforms(new PortalProfileChanged(UUID.randomUUID(), WORKSPACE, "Harbor",
				"Harbor Builders", "#0b5cad", null, null, null, null, true, 1, Instant.now()),
				schema(PortalTopics.PORTAL_PROFILE_CHANGED)))
			.isInstanceOf(AssertionError.class);
		assertThatThrownBy(() -> assertConforms(new PortalProfileChanged(UUID.randomUUID(), WORKSPACE, "harbor",
				"Harbor Builders", "navy", null, null, null, null, true, 1, Instant.now()),
				schema(PortalTopics.PORTAL_PROFILE_CHANGED)))
			.isInstanceOf(AssertionError.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { PortalTopics.PORTAL_ACTIVATED, PortalTopics.PORTAL_DEACTIVATED,
			PortalTopics.PORTAL_PROFILE_CHANGED })
	void schemasChangeOnlyAdditively(String type) {
		assertAdditiveChangeOf("baseline/" + type + ".json", schema(type));
	}

	private static String schema(String type) {
		return "schemas/" + type + ".json";
	}
}
