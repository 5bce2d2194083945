package com.coastline.automation.run;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.automation.automation.Trigger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records the runs a trigger event starts, in plain SQL with the workspace in every statement: this is the
 * consumer's per-event work, and Hibernate translates a query afresh every time while the tenant filter is on
 * (about half of the {@code project.events} consumer's CPU in the burst of session 25, JFR). The unique
 * constraint on (trigger event, automation) decides whether a run is new, in the same statement that inserts it.
 */
@Component
class RunStarts {

	private final JdbcTemplate jdbc;

	RunStarts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The workspace's enabled automations with this trigger, oldest first. */
	List<UUID> enabledAutomations(UUID workspaceId, Trigger trigger) {
		return jdbc.queryForList("""
				select id from automation
				 where workspace_id = ? and trigger_type = ? and enabled
				 order by created_at, id""", UUID.class, workspaceId, trigger.name());
	}

	/**
	 * Records a run of the automation for the event, due at once, unless the event already started one.
	 * @param contactId the recipient if the event names it, else null (the project's primary contact)
	 * @return whether the run is new
	 */
	boolean start(UUID workspaceId, UUID automationId, Trigger trigger, UUID triggerEventId, UUID projectId,
			UUID contactId, Instant now) {
		Timestamp at = Timestamp.from(now);
		return jdbc.update("""
				insert into automation_run (id, workspace_id, automation_id, trigger_type, trigger_event_id, project_id,
				                            contact_id, status, attempts, retries, next_attempt_at, started_at, updated_at,
				                            version)
				values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, 0)
				on conflict on constraint automation_run_once_per_trigger_event do nothing""", UUID.randomUUID(),
				workspaceId, automationId, trigger.name(), triggerEventId, projectId, contactId, RunStatus.PENDING.name(),
				at, at, at) == 1;
	}
}
