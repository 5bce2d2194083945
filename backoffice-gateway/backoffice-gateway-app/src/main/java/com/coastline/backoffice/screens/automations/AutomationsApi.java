package com.coastline.backoffice.screens.automations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.backoffice.signin.StaffToken;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * automation-service's back-office API (automations, runs, templates, dynamic values, preview and test email) and
 * the project list of project-service (the projects to preview against), as the automation pages use them; every
 * call with the member's staff JWT (automation-service's README has the fields).
 */
@Component
class AutomationsApi {

	private final ServiceCalls automation;

	private final ServiceCalls project;

	AutomationsApi(RestClient.Builder builder, Environment environment) {
		this.automation = ServiceCalls.of("automation", builder, environment);
		this.project = ServiceCalls.of("project", builder, environment);
	}

	List<Automation> automations(StaffToken token) {
		return this.automation.call(token,
				(client) -> client.get().uri("/api/automations").retrieve().body(new ParameterizedTypeReference<>() {
				}));
	}

	Automation automation(StaffToken token, UUID id) {
		return this.automation.call(token,
				(client) -> client.get().uri("/api/automations/{id}", id).retrieve().body(Automation.class));
	}

	Automation create(StaffToken token, AutomationRequest request) {
		return this.automation.call(token,
				(client) -> client.post().uri("/api/automations").body(request).retrieve().body(Automation.class));
	}

	Automation change(StaffToken token, UUID id, AutomationRequest request) {
		return this.automation.call(token,
				(client) -> client.put().uri("/api/automations/{id}", id).body(request).retrieve().body(Automation.class));
	}

	List<Run> runs(StaffToken token, UUID automationId) {
		return this.automation.call(token, (client) -> client.get()
			.uri("/api/automations/{id}/runs", automationId)
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			}));
	}

	Run run(StaffToken token, UUID runId) {
		return this.automation.call(token,
				(client) -> client.get().uri("/api/automation-runs/{id}", runId).retrieve().body(Run.class));
	}

	Run retry(StaffToken token, UUID runId) {
		return this.automation.call(token,
				(client) -> client.post().uri("/api/automation-runs/{id}/retry", runId).retrieve().body(Run.class));
	}

	Preview preview(StaffToken token, UUID automationId, UUID projectId) {
		return this.automation.call(token, (client) -> client.post()
			.uri("/api/automations/{id}/preview", automationId)
			.body(new ProjectChoice(projectId))
			.retrieve()
			.body(Preview.class));
	}

	void sendTest(StaffToken token, UUID automationId, UUID projectId) {
		this.automation.call(token, (client) -> client.post()
			.uri("/api/automations/{id}/test", automationId)
			.body(new ProjectChoice(projectId))
			.retrieve()
			.toBodilessEntity());
	}

	List<Template> templates(StaffToken token) {
		return this.automation.call(token, (client) -> client.get()
			.uri("/api/email-templates")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			}));
	}

	List<DynamicValue> dynamicValues(StaffToken token) {
		return this.automation.call(token, (client) -> client.get()
			.uri("/api/dynamic-values")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			}));
	}

	List<Project> projects(StaffToken token) {
		return this.project.call(token,
				(client) -> client.get().uri("/api/projects").retrieve().body(new ParameterizedTypeReference<>() {
				}));
	}

	/** An automation as automation-service answers it. */
	record Automation(UUID id, String name, String trigger, boolean enabled, List<Action> actions, Instant updatedAt,
			Long version) {

		/** Its Send email action (an automation has at most one), or an empty one. */
		Action email() {
			return (this.actions == null) ? Action.EMPTY
					: this.actions.stream().filter((action) -> "SEND_EMAIL".equals(action.type())).findFirst()
						.orElse(Action.EMPTY);
		}
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
