package com.coastline.project.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.coastline.platform.test.contract.ContractSchemas.assertAdditiveChangeOf;
import static com.coastline.platform.test.contract.ContractSchemas.assertConforms;
import static com.coastline.platform.test.contract.ContractSchemas.examples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The project lifecycle and appointment events match their committed schemas, which change only additively. */
class ProjectLifecycleContractTest {

	private static final UUID WORKSPACE = UUID.randomUUID();

	@Test
	void projectUpsertedMatchesItsSchema() {
		assertConforms(new ProjectUpserted(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), "Roof", null, "LEAD",
				UUID.randomUUID(), List.of(), 1, Instant.now()), schema(ProjectTopics.PROJECT_UPSERTED));
		assertConforms(new ProjectUpserted(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), "Roof", "12 Pine St",
				"IN_PROGRESS", UUID.randomUUID(), List.of(UUID.randomUUID(), UUID.randomUUID()), 7, Instant.now()),
				schema(ProjectTopics.PROJECT_UPSERTED));
		assertThat(examples(schema(ProjectTopics.PROJECT_UPSERTED), ProjectUpserted.class))
			.allSatisfy(event -> assertThat(event.addedContactIds()).doesNotContain(event.primaryContactId()));
	}

	@Test
	void aStatusOutsideTheLifecycleBreaksTheSchema() {
		assertThatThrownBy(() -> assertConforms(new ProjectUpserted(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(),
				"Roof", null, "SCHEDULED", UUID.randomUUID(), List.of(), 1, Instant.now()),
				schema(ProjectTopics.PROJECT_UPSERTED)))
			.isInstanceOf(AssertionError.class);
	}

	@Test
	void appointmentEventsMatchTheirSchemas() {
		Instant start = Instant.parse("2026-12-01T16:00:00Z");
		assertConforms(new AppointmentScheduled(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(),
				start, start.plusSeconds(7200), "America/Denver", null, 1, Instant.now()),
				schema(ProjectTopics.APPOINTMENT_SCHEDULED));
		assertConforms(new AppointmentChanged(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(), start,
				start.plusSeconds(7200), "Europe/Berlin", "Sam Ortiz", "CANCELLED", 3, Instant.now()),
				schema(ProjectTopics.APPOINTMENT_CHANGED));
		assertThat(examples(schema(ProjectTopics.APPOINTMENT_SCHEDULED), AppointmentScheduled.class))
			.allSatisfy(event -> assertThat(event.endsAt()).isAfter(event.startsAt()));
		assertThat(examples(schema(ProjectTopics.APPOINTMENT_CHANGED), AppointmentChanged.class))
			.allSatisfy(event -> assertThat(event.endsAt()).isAfter(event.startsAt()));
	}

	@ParameterizedTest
	@ValueSource(strings = { ProjectTopics.PROJECT_UPSERTED, ProjectTopics.APPOINTMENT_SCHEDULED,
			ProjectTopics.APPOINTMENT_CHANGED })
	void schemasChangeOnlyAdditively(String type) {
		assertAdditiveChangeOf("baseline/" + type + ".json", schema(type));
	}

	private static String schema(String type) {
		return "schemas/" + type + ".json";
	}
}
