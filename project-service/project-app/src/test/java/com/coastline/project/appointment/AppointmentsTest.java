package com.coastline.project.appointment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.BackOffice;
import com.coastline.project.PortalClient;
import com.coastline.project.ProjectServiceTest;
import com.coastline.project.PublishedEvents;
import com.coastline.project.api.AppointmentChanged;
import com.coastline.project.api.AppointmentScheduled;
import com.coastline.project.api.ProjectTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertInvalidFields;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.project.BackOffice.json;
import static com.coastline.project.PublishedEvents.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

/** Visits of a project: scheduled, rescheduled, cancelled, completed; validated; published without notes. */
@ProjectServiceTest
class AppointmentsTest {

	private static final Instant START = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	BackOffice backOffice;

	PublishedEvents events;

	UUID dana;

	UUID project;

	@BeforeEach
	void givenAProject() {
		this.backOffice = new BackOffice(this.mvc, UUID.randomUUID());
		this.events = new PublishedEvents(this.bootstrapServers, this.jdbc);
		this.dana = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");
		this.project = this.backOffice.createProject("Roof replacement", null, this.dana);
	}

	@Test
	void schedulingAVisitPublishesAppointmentScheduledWithoutTheNotes() {
		// when
		MvcTestResult scheduled = schedule(START, START.plus(2, ChronoUnit.HOURS), "Sam Ortiz", "Gate code 4711");

		// then
		assertThat(scheduled).hasStatus(201).bodyJson().extractingPath("$.status").isEqualTo("SCHEDULED");
		UUID id = BackOffice.id(scheduled);
		assertThat(scheduled.getResponse().getHeader("Location")).endsWith("/api/appointments/" + id);
		assertThat(this.backOffice.get("/api/appointments/" + id)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.notes")
			.isEqualTo("Gate code 4711");
		ConsumerRecord<String, String> record = this.events.await(ProjectTopics.APPOINTMENT_SCHEDULED, id, 1).get(0);
		AppointmentScheduled event = assertConforms(record, AppointmentScheduled.class);
		assertThat(record.value()).doesNotContain("Gate code");
		assertThat(event.projectId()).isEqualTo(this.project);
		assertThat(event.workspaceId()).isEqualTo(this.backOffice.workspace());
		assertThat(event.startsAt()).isEqualTo(START);
		assertThat(event.endsAt()).isEqualTo(START.plus(2, ChronoUnit.HOURS));
		assertThat(event.timeZone()).isEqualTo("America/Denver");
		assertThat(event.assigneeName()).isEqualTo("Sam Ortiz");
		assertThat(event.version()).isEqualTo(1);
	}

	@Test
	void reschedulingMovesTheWindowAndPublishesAppointmentChanged() {
		// given
		UUID id = BackOffice.id(schedule(START, START.plus(2, ChronoUnit.HOURS), null, null));
		Instant later = START.plus(1, ChronoUnit.DAYS);

		// when
		MvcTestResult rescheduled = this.backOffice.post("/api/appointments/" + id + "/reschedule",
				json("startsAt", later, "endsAt", later.plus(3, ChronoUnit.HOURS)));
		MvcTestResult again = this.backOffice.post("/api/appointments/" + id + "/reschedule",
				json("startsAt", later, "endsAt", later.plus(4, ChronoUnit.HOURS), "timeZone", "Europe/Berlin"));

		// then
		assertThat(rescheduled).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("RESCHEDULED");
		assertThat(rescheduled).bodyJson().extractingPath("$.timeZone").isEqualTo("America/Denver");
		assertThat(again).hasStatusOk().bodyJson().extractingPath("$.version").isEqualTo(3);
		List<AppointmentChanged> changes = this.events.await(ProjectTopics.APPOINTMENT_CHANGED, id, 2)
			.stream()
			.map(record -> assertConforms(record, AppointmentChanged.class))
			// the outbox does not promise their order on the topic (consumers skip stale versions)
			.sorted(Comparator.comparingLong(AppointmentChanged::version))
			.toList();
		assertThat(changes).extracting(AppointmentChanged::version).containsExactly(2L, 3L);
		assertThat(changes.get(1).status()).isEqualTo("RESCHEDULED");
		assertThat(changes.get(1).startsAt()).isEqualTo(later);
		assertThat(changes.get(1).timeZone()).isEqualTo("Europe/Berlin");
	}

	@Test
	void changingOnlyTheNotesIsNotOnTheTimeline() {
		UUID id = BackOffice.id(schedule(START, START.plus(2, ChronoUnit.HOURS), "Sam Ortiz", null));

		MvcTestResult changed = this.backOffice.put("/api/appointments/" + id,
				json("assigneeName", "Sam Ortiz", "notes", "Dog in the yard"));

		assertThat(changed).hasStatusOk().bodyJson().extractingPath("$.notes").isEqualTo("Dog in the yard");
		assertThat(this.backOffice.get("/api/projects/" + this.project + "/timeline")).bodyJson()
			.extractingPath("$[*].kind")
			.asArray()
			.containsExactly("APPOINTMENT_SCHEDULED", "PROJECT_CREATED");
	}

	@ParameterizedTest(name = "{0} then {1}")
	@CsvSource({ "cancel, CANCELLED", "complete, COMPLETED" })
	void aCancelledOrCompletedVisitNoLongerChanges(String close, String closed) {
		// given
		UUID id = BackOffice.id(schedule(START, START.plus(2, ChronoUnit.HOURS), null, null));
		assertThat(this.backOffice.post("/api/appointments/" + id + "/" + close)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo(closed);

		// when
		List<MvcTestResult> changes = List.of(this.backOffice.post("/api/appointments/" + id + "/cancel"),
				this.backOffice.post("/api/appointments/" + id + "/complete"),
				this.backOffice.post("/api/appointments/" + id + "/reschedule",
						json("startsAt", START.plus(1, ChronoUnit.DAYS), "endsAt", START.plus(26, ChronoUnit.HOURS))),
				this.backOffice.put("/api/appointments/" + id, json("assigneeName", "Lee Park")));

		// then
		assertThat(changes).allSatisfy(change -> {
			assertProblem(change, ProblemType.CONFLICT);
			assertThat(change).bodyJson().extractingPath("$.currentState").isEqualTo(closed);
		});
		assertThat(this.backOffice.get("/api/appointments/" + id)).bodyJson().extractingPath("$.version").isEqualTo(2);
		assertThat(this.events.recorded(AppointmentChanged.class, id)).isEqualTo(1);
	}

	@Test
	void aClosedProjectGetsNoNewVisits() {
		assertThat(this.backOffice.post("/api/projects/" + this.project + "/cancel")).hasStatusOk();

		MvcTestResult scheduled = schedule(START, START.plus(2, ChronoUnit.HOURS), null, null);

		assertProblem(scheduled, ProblemType.CONFLICT);
		assertThat(scheduled).bodyJson().extractingPath("$.currentState").isEqualTo("CANCELLED");
		assertThat(this.backOffice.get("/api/projects/" + this.project + "/appointments")).bodyJson().isEqualTo("[]");
	}

	@Test
	void cancellingTheProjectCancelsItsOpenVisits() {
		// given
		UUID open = BackOffice.id(schedule(START, START.plus(2, ChronoUnit.HOURS), null, null));
		UUID done = BackOffice.id(schedule(START.plus(1, ChronoUnit.DAYS), START.plus(25, ChronoUnit.HOURS), null, null));
		assertThat(this.backOffice.post("/api/appointments/" + done + "/complete")).hasStatusOk();

		// when
		assertThat(this.backOffice.post("/api/projects/" + this.project + "/cancel")).hasStatusOk();

		// then
		assertThat(this.backOffice.get("/api/appointments/" + open)).bodyJson()
			.extractingPath("$.status")
			.isEqualTo("CANCELLED");
		assertThat(this.backOffice.get("/api/appointments/" + done)).bodyJson()
			.extractingPath("$.status")
			.isEqualTo("COMPLETED");
		assertThat(this.events.recorded(AppointmentChanged.class, open)).isEqualTo(1);
		assertThat(new PortalClient(this.mvc, this.backOffice.workspace(), this.dana)
			.get("/portal/projects/" + this.project + "/appointments")).bodyJson()
			.extractingPath("$.upcoming")
			.asArray()
			.isEmpty();
	}

	@Test
	void aWindowThatDoesNotEndAfterItStartsNamesEndsAt() {
		assertInvalidFields(schedule(START, START, null, null), "endsAt");
		assertInvalidFields(schedule(START, START.minusSeconds(60), null, null), "endsAt");
		assertInvalidFields(schedule(START, START.plus(32, ChronoUnit.DAYS), null, null), "endsAt");
		UUID id = BackOffice.id(schedule(START, START.plus(2, ChronoUnit.HOURS), null, null));
		assertInvalidFields(this.backOffice.post("/api/appointments/" + id + "/reschedule",
				json("startsAt", START, "endsAt", START.minusSeconds(1))), "endsAt");
	}

	@Test
	void aWindowNeedsBothInstantsAndATimeZone() {
		MvcTestResult scheduled = this.backOffice.post("/api/projects/" + this.project + "/appointments",
				json("assigneeName", "Sam\nOrtiz", "notes", "n".repeat(2001)));

		assertInvalidFields(scheduled, "startsAt", "endsAt", "timeZone", "assigneeName", "notes");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Mars/Olympus_Mons", "+02:00", "UTC+2", "america/denver", "EST5EDT ", "" })
	void aTimeZoneMustBeAnIanaRegion(String zone) {
		MvcTestResult scheduled = this.backOffice.post("/api/projects/" + this.project + "/appointments",
				json("startsAt", START, "endsAt", START.plus(1, ChronoUnit.HOURS), "timeZone", zone));

		assertInvalidFields(scheduled, "timeZone");
	}

	@Test
	void anInstantThatIsNoInstantIsABadRequest() {
		MvcTestResult scheduled = this.backOffice.post("/api/projects/" + this.project + "/appointments",
				json("startsAt", "tomorrow at nine", "endsAt", START, "timeZone", "America/Denver"));

		assertProblem(scheduled, ProblemType.BAD_REQUEST);
	}

	@Test
	void unknownProjectsAndAppointmentsAreNotFound() {
		UUID unknown = UUID.randomUUID();

		assertProblem(this.backOffice.post("/api/projects/" + unknown + "/appointments",
				json("startsAt", START, "endsAt", START.plus(1, ChronoUnit.HOURS), "timeZone", "America/Denver")),
				ProblemType.NOT_FOUND);
		assertProblem(this.backOffice.get("/api/projects/" + unknown + "/appointments"), ProblemType.NOT_FOUND);
		assertProblem(this.backOffice.get("/api/appointments/" + unknown), ProblemType.NOT_FOUND);
		assertProblem(this.backOffice.post("/api/appointments/" + unknown + "/cancel"), ProblemType.NOT_FOUND);
	}

	@Test
	void theClientSeesUpcomingAndPastVisitsWithoutNotes() throws Exception {
		// given
		Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		UUID upcoming = BackOffice.id(schedule(START, START.plus(2, ChronoUnit.HOURS), "Sam Ortiz", "Gate code 4711"));
		UUID over = BackOffice.id(schedule(yesterday, yesterday.plus(2, ChronoUnit.HOURS), null, "Secret"));
		UUID cancelled = BackOffice.id(schedule(START.plus(1, ChronoUnit.DAYS), START.plus(26, ChronoUnit.HOURS),
				null, null));
		assertThat(this.backOffice.post("/api/appointments/" + cancelled + "/cancel")).hasStatusOk();

		// when
		MvcTestResult visits = new PortalClient(this.mvc, this.backOffice.workspace(), this.dana)
			.get("/portal/projects/" + this.project + "/appointments");

		// then
		assertThat(visits).hasStatusOk()
			.bodyJson()
			.extractingPath("$.upcoming[*].id")
			.asArray()
			.containsExactly(upcoming.toString());
		assertThat(visits).bodyJson()
			.extractingPath("$.past[*].id")
			.asArray()
			.containsExactly(cancelled.toString(), over.toString());
		assertThat(visits).bodyJson().extractingPath("$.upcoming[0].assigneeName").isEqualTo("Sam Ortiz");
		assertThat(visits.getResponse().getContentAsString()).doesNotContain("notes", "Gate code", "Secret");
	}

	private MvcTestResult schedule(Instant startsAt, Instant endsAt, String assigneeName, String notes) {
		return this.backOffice.post("/api/projects/" + this.project + "/appointments", json("startsAt", startsAt,
				"endsAt", endsAt, "timeZone", "America/Denver", "assigneeName", assigneeName, "notes", notes));
	}
}
