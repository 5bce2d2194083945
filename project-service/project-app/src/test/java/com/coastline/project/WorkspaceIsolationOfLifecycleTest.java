package com.coastline.project;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.coastline.platform.test.security.TestTokens;
import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.api.AppointmentChanged;
import com.coastline.project.api.ProjectUpserted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.project.BackOffice.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workspace B never reads or changes workspace A's projects, added contacts, timelines or appointments
 * through the lifecycle, contact, timeline and appointment endpoints: A's ids answer 404 and nothing changes.
 */
@ProjectServiceTest
class WorkspaceIsolationOfLifecycleTest {

	private static final Instant START = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	BackOffice workspaceA;

	BackOffice workspaceB;

	PublishedEvents events;

	UUID contactOfA;

	UUID projectOfA;

	UUID appointmentOfA;

	UUID contactOfB;

	@BeforeEach
	void givenAProjectWithAVisitInWorkspaceA() {
		this.workspaceA = new BackOffice(this.mvc, UUID.randomUUID());
		this.workspaceB = new BackOffice(this.mvc, UUID.randomUUID());
		this.events = new PublishedEvents(this.bootstrapServers, this.jdbc);
		this.contactOfA = this.workspaceA.createContact("Dana", "Reyes", "dana@example.com");
		this.projectOfA = this.workspaceA.createProject("Roof replacement", null, this.contactOfA);
		this.appointmentOfA = BackOffice.id(this.workspaceA.post("/api/projects/" + this.projectOfA + "/appointments",
				json("startsAt", START, "endsAt", START.plus(2, ChronoUnit.HOURS), "timeZone", "America/Denver",
						"notes", "Gate code 4711")));
		this.contactOfB = this.workspaceB.createContact("Mallory", "X", "mallory@example.com");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "PUT | /api/projects/{project} | {\"name\":\"Taken\"}",
			"POST | /api/projects/{project}/start-estimating | ", "POST | /api/projects/{project}/approve | ",
			"POST | /api/projects/{project}/start | ", "POST | /api/projects/{project}/complete | ",
			"POST | /api/projects/{project}/cancel | ",
			"PUT | /api/projects/{project}/primary-contact | {\"primaryContactId\":\"{contactB}\"}",
			"POST | /api/projects/{project}/contacts/{contactB} | ",
			"DELETE | /api/projects/{project}/contacts/{contactA} | ", "GET | /api/projects/{project}/timeline | ",
			"GET | /api/projects/{project}/appointments | ",
			"POST | /api/projects/{project}/appointments | {\"startsAt\":\"2030-01-01T10:00:00Z\",\"endsAt\":\"2030-01-01T11:00:00Z\",\"timeZone\":\"UTC\"}",
			"GET | /api/appointments/{appointment} | ", "PUT | /api/appointments/{appointment} | {\"notes\":\"mine\"}",
			"POST | /api/appointments/{appointment}/reschedule | {\"startsAt\":\"2030-01-01T10:00:00Z\",\"endsAt\":\"2030-01-01T11:00:00Z\"}",
			"POST | /api/appointments/{appointment}/cancel | ", "POST | /api/appointments/{appointment}/complete | " })
	void anotherWorkspaceGetsNotFoundAndChangesNothing(HttpMethod method, String path, String body) {
		String uri = path.replace("{project}", this.projectOfA.toString())
			.replace("{appointment}", this.appointmentOfA.toString())
			.replace("{contactA}", this.contactOfA.toString())
			.replace("{contactB}", this.contactOfB.toString());
		String json = (body != null) ? body.replace("{contactB}", this.contactOfB.toString()) : null;

		MvcTestResult called = call(this.workspaceB, method, uri, json);

		assertProblem(called, ProblemType.NOT_FOUND);
		MvcTestResult project = this.workspaceA.get("/api/projects/" + this.projectOfA);
		assertThat(project).bodyJson().extractingPath("$.version").isEqualTo(1);
		assertThat(project).bodyJson().extractingPath("$.name").isEqualTo("Roof replacement");
		assertThat(this.workspaceA.get("/api/appointments/" + this.appointmentOfA)).bodyJson()
			.extractingPath("$.version")
			.isEqualTo(1);
		assertThat(this.events.recorded(ProjectUpserted.class, this.projectOfA)).isEqualTo(1);
		assertThat(this.events.recorded(AppointmentChanged.class, this.appointmentOfA)).isZero();
	}

	@Test
	void aContactOfAnotherWorkspaceCannotBeAddedNorMadePrimary() {
		MvcTestResult added = this.workspaceA.post("/api/projects/" + this.projectOfA + "/contacts/" + this.contactOfB);
		MvcTestResult primary = this.workspaceA.put("/api/projects/" + this.projectOfA + "/primary-contact",
				json("primaryContactId", this.contactOfB));

		assertProblem(added, ProblemType.UNPROCESSABLE);
		assertProblem(primary, ProblemType.UNPROCESSABLE);
		assertProblem(new PortalClient(this.mvc, this.workspaceB.workspace(), this.contactOfB)
			.get("/portal/projects/" + this.projectOfA), ProblemType.NOT_FOUND);
	}

	@Test
	void anotherWorkspacesTimelineAndVisitsAreNeverListed() {
		assertThat(this.workspaceB.get("/api/projects")).bodyJson().isEqualTo("[]");
		assertThat(new PortalClient(this.mvc, this.workspaceB.workspace(), this.contactOfA).get("/portal/overview"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.projects")
			.asArray()
			.isEmpty();
	}

	private MvcTestResult call(BackOffice caller, HttpMethod method, String uri, String json) {
		var request = this.mvc.method(method)
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff(caller.workspace()).roles("owner").bearer());
		if (json != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return request.exchange();
	}
}
