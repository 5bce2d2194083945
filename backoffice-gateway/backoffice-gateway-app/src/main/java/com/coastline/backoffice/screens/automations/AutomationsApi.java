package com.coastline.backoffice.screens.automations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.backoffice.screens.Service;
import com.coastline.backoffice.screens.ServiceCalls;
import com.coastline.backoffice.signin.StaffToken;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * automation-service's back-office API (automations, runs, templates, dynamic values, preview and test email) and
 * the project list of project-service (the projects to preview against), as the automation pages use them; every
 * call with the member's staff JWT through {@link ServiceCalls} (automation-service's README has the fields).
 */
@Component
class AutomationsApi {

	private final ServiceCalls calls;

	AutomationsApi(ServiceCalls calls) {
		this.calls = calls;
	}

	List<Automation> automations(StaffToken token) {
		return this.calls.list(token, Service.AUTOMATION, new ParameterizedTypeReference<>() {
		}, "/api/automations");
	}

	Automation automation(StaffToken token, UUID id) {
		return this.calls.get(token, Service.AUTOMATION, Automation.class, "/api/automations/{id}", id);
	}

	Automation create(StaffToken token, AutomationRequest request) {
		return this.calls.send(token, Service.AUTOMATION, HttpMethod.POST, request, Automation.class,
				"/api/automations");
	}

	Automation change(StaffToken token, UUID id, AutomationRequest request) {
		return this.calls.send(token, Service.AUTOMATION, HttpMethod.PUT, request, Automation.class,
				"/api/automations/{id}", id);
	}

	List<Run> runs(StaffToken token, UUID automationId) {
		return this.calls.list(token, Service.AUTOMATION, new ParameterizedTypeReference<>() {
		}, "/api/automations/{id}/runs", automationId);
	}

	Run run(StaffToken token, UUID runId) {
		return this.calls.get(token, Service.AUTOMATION, Run.class, "/api/automation-runs/{id}", runId);
	}

	Run retry(StaffToken token, UUID runId) {
		return this.calls.send(token, Service.AUTOMATION, HttpMethod.POST, null, Run.class,
				"/api/automation-runs/{id}/retry", runId);
	}

	Preview preview(StaffToken token, UUID automationId, UUID projectId) {
		return this.calls.send(token, Service.AUTOMATION, HttpMethod.POST, new ProjectChoice(projectId), Preview.class,
				"/api/automations/{id}/preview", automationId);
	}

	void sendTest(StaffToken token, UUID automationId, UUID projectId) {
		this.calls.send(token, Service.AUTOMATION, HttpMethod.POST, new ProjectChoice(projectId), Void.class,
				"/api/automations/{id}/test", automationId);
	}

	List<Template> templates(StaffToken token) {
		return this.calls.list(token, Service.AUTOMATION, new ParameterizedTypeReference<>() {
		}, "/api/email-templates");
	}

	List<DynamicValue> dynamicValues(StaffToken token) {
		return this.calls.list(token, Service.AUTOMATION, new ParameterizedTypeReference<>() {
		}, "/api/dynamic-values");
	}

	List<Project> projects(StaffToken token) {
		return this.calls.list(token, Service.PROJECT, new ParameterizedTypeReference<>() {
		}, "/api/projects");
	}

	/**
	 * An automation as automation-service answers it.
	 * @param lastRun its latest run (in the list, and when read alone), or null when it has none
	 */
	record Automation(UUID id, String name, String trigger, boolean enabled, List<Action> actions, Instant updatedAt,
			Long version, LastRun lastRun) {

		/** Its Send email action (an automation has at most one), or an empty one. */
		Action email() {
			return (this.actions == null) ? Action.EMPTY
					: this.actions.stream().filter((action) -> "SEND_EMAIL".equals(action.type())).findFirst()
						.orElse(Action.EMPTY);
		}
	}

	/** An automation's latest run, in short, as the list of automations carries it. */
	record LastRun(UUID id, String status, Instant startedAt, Instant finishedAt) {
	}

	/** An action: for {@code SEND_EMAIL}, the subject and body, and the template they were copied from. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Action(String type, String subject, String body, UUID templateId) {

		static final Action EMPTY = new Action("SEND_EMAIL", null, null, null);
	}

	/** The body of {@code POST /api/automations} ({@code trigger} set) and {@code PUT} ({@code version} set). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AutomationRequest(String name, String trigger, Boolean enabled, List<Action> actions, Long version) {
	}

	/** One run of an automation. */
	record Run(UUID id, UUID automationId, String trigger, UUID projectId, UUID contactId, String status, int attempts,
			Instant nextAttemptAt, String lastError, int retries, Instant startedAt, Instant finishedAt,
			String failureReason) {

		/** automation-service retries {@code FAILED} and {@code SKIPPED} runs. */
		public boolean retriable() {
			return "FAILED".equals(this.status) || "SKIPPED".equals(this.status);
		}

		/** What came of it, in words: the failure or skip reason, else the last error. */
		public String outcome() {
			if (this.failureReason != null && !this.failureReason.isBlank()) {
				return this.failureReason;
			}
			return (this.lastError != null) ? this.lastError : "";
		}
	}

	/** A template of the workspace's library. */
	record Template(UUID id, String name, String subject, String body, String suggestedTrigger) {
	}

	/** One value of the dynamic-value catalog: {@code token} is what goes into the text. */
	record DynamicValue(String name, String token, String label, String description) {
	}

	/** A project, for the preview's picker. */
	record Project(UUID id, String name, String address, String status) {
	}

	/** The email as a project's client would get it. */
	record Preview(String recipientEmail, String recipientName, String subject, String text) {
	}

	record ProjectChoice(UUID projectId) {
	}
}
