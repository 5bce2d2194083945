package com.coastline.automation.automation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;

import com.coastline.automation.AutomationServiceTest;
import com.coastline.automation.BackOffice;
import com.jayway.jsonpath.JsonPath;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.automation.BackOffice.body;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/automations} shows each automation's latest run, read in one query for the whole list. */
@AutomationServiceTest
class AutomationListLastRunTest {

	static final Instant EARLY = Instant.parse("2026-11-20T08:00:00Z");

	static final Instant MIDDLE = Instant.parse("2026-11-21T08:00:00Z");

	static final Instant LATE = Instant.parse("2026-11-22T08:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	final UUID workspace = UUID.randomUUID();

	BackOffice backOffice;

	@BeforeEach
	void setUp() {
		backOffice = new BackOffice(mvc, workspace);
	}

	@Test
	void listShowsEachAutomationsLatestRunAndNullWithoutRuns() {
		UUID welcome = backOffice.createAutomation("Welcome", true, "Approved", "Hi");
		UUID reminder = backOffice.createAutomation("Reminder", true, "Reminder", "Hi");
		UUID quiet = backOffice.createAutomation("Quiet", true, "Never", "Hi");
		run(workspace, welcome, "SENT", EARLY, EARLY.plusSeconds(5));
		UUID welcomeLatest = run(workspace, welcome, "FAILED", LATE, LATE.plusSeconds(9));
		run(workspace, welcome, "SENT", MIDDLE, MIDDLE.plusSeconds(5));
		run(workspace, reminder, "SENT", EARLY, EARLY.plusSeconds(5));
		UUID reminderLatest = run(workspace, reminder, "WAITING_FOR_RETRY", MIDDLE, null);

		Map<String, Object> lastRuns = lastRunsById(backOffice.get("/api/automations"));

		assertThat(lastRuns).containsOnlyKeys(welcome.toString(), reminder.toString(), quiet.toString());
		assertLastRun(lastRuns.get(welcome.toString()), welcomeLatest, "FAILED", LATE, LATE.plusSeconds(9));
		assertLastRun(lastRuns.get(reminder.toString()), reminderLatest, "WAITING_FOR_RETRY", MIDDLE, null);
		assertThat(lastRuns.get(quiet.toString())).isNull();
		assertThat(backOffice.get("/api/automations/" + welcome)).bodyJson()
			.hasPathSatisfying("$.lastRun.id", v -> assertThat(v).isEqualTo(welcomeLatest.toString()));
	}

	@Test
	void anotherWorkspacesRunsNeverAppear() {
		UUID welcome = backOffice.createAutomation("Welcome", true, "Approved", "Hi");
		UUID ours = run(workspace, welcome, "SENT", EARLY, EARLY.plusSeconds(5));
		UUID otherWorkspace = UUID.randomUUID();
		UUID theirs = new BackOffice(mvc, otherWorkspace).createAutomation("Theirs", true, "Approved", "Hi");
		run(otherWorkspace, theirs, "SENT", LATE, LATE.plusSeconds(5));
		// Even a (corrupt) row of another workspace naming our automation is not ours to see.
		run(otherWorkspace, welcome, "FAILED", LATE, LATE.plusSeconds(5));

		Map<String, Object> lastRuns = lastRunsById(backOffice.get("/api/automations"));

		assertThat(lastRuns).containsOnlyKeys(welcome.toString());
		assertLastRun(lastRuns.get(welcome.toString()), ours, "SENT", EARLY, EARLY.plusSeconds(5));
	}

	@Test
	void theLatestRunsOfAllAutomationsAreReadInOneQuery() {
		for (int i = 0; i < 4; i++) {
			UUID automation = backOffice.createAutomation("Automation " + i, true, "Subject", "Hi");
			run(workspace, automation, "SENT", EARLY, EARLY.plusSeconds(5));
			run(workspace, automation, "SENT", LATE, LATE.plusSeconds(5));
		}
		Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		statistics.setStatisticsEnabled(true);
		try {
			assertThat(lastRunsById(backOffice.get("/api/automations"))).hasSize(4)
				.allSatisfy((id, run) -> assertThat(run).isNotNull());

			long runQueries = List.of(statistics.getQueries())
				.stream()
				.filter(query -> query.contains("AutomationRun"))
				.mapToLong(query -> statistics.getQueryStatistics(query).getExecutionCount())
				.sum();
			assertThat(runQueries).isOne();
		}
		finally {
			statistics.setStatisticsEnabled(false);
			statistics.clear();
		}
	}

	private UUID run(UUID workspaceId, UUID automationId, String status, Instant startedAt, Instant finishedAt) {
		UUID id = UUID.randomUUID();
		// Straight into the table, in a state the run processor leaves alone (or not yet due).
		jdbc.update("""
				insert into automation_run (id, workspace_id, automation_id, trigger_type, trigger_event_id, project_id,
				    status, next_attempt_at, started_at, finished_at, updated_at, version)
				values (?, ?, ?, 'PROJECT_APPROVED', ?, ?, ?, ?, ?, ?, ?, 0)""", id, workspaceId, automationId,
				UUID.randomUUID(), UUID.randomUUID(), status, Timestamp.from(Instant.now().plusSeconds(3600)),
				Timestamp.from(startedAt), finishedAt == null ? null : Timestamp.from(finishedAt),
				Timestamp.from(startedAt));
		return id;
	}

	private static Map<String, Object> lastRunsById(MvcTestResult list) {
		assertThat(list).hasStatusOk();
		List<Map<String, Object>> automations = JsonPath.read(body(list), "$");
		Map<String, Object> lastRuns = new HashMap<>();
		automations.forEach(automation -> lastRuns.put((String) automation.get("id"), automation.get("lastRun")));
		assertThat(automations).allSatisfy(automation -> assertThat(automation).containsKey("lastRun"));
		return lastRuns;
	}

	@SuppressWarnings("unchecked")
	private static void assertLastRun(Object lastRun, UUID id, String status, Instant startedAt, Instant finishedAt) {
		Map<String, Object> run = (Map<String, Object>) lastRun;
		assertThat(run).containsOnlyKeys("id", "status", "startedAt", "finishedAt");
		assertThat(run.get("id")).isEqualTo(id.toString());
		assertThat(run.get("status")).isEqualTo(status);
		assertThat(Instant.parse((String) run.get("startedAt"))).isEqualTo(startedAt);
		assertThat(run.get("finishedAt") == null ? null : Instant.parse((String) run.get("finishedAt")))
			.isEqualTo(finishedAt);
	}
}
