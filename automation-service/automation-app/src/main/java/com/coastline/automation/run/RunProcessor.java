package com.coastline.automation.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.coastline.automation.automation.Action;
import com.coastline.automation.automation.Automation;
import com.coastline.automation.automation.Automations;
import com.coastline.automation.directory.Directory;
import com.coastline.automation.link.PortalLinks;
import com.coastline.automation.run.RunClaims.Claim;
import com.coastline.automation.template.DynamicValues;
import com.coastline.automation.template.EmailTemplateEngine;
import com.coastline.automation.template.RenderedEmail;
import com.coastline.notification.api.EmailKind;
import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;
import com.coastline.platform.web.tenant.TenantScope;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Carries out due runs, outside any consumer transaction: claim a batch (leased, safe with several
 * replicas), gather the values the email needs (the project and its client from the directory, the
 * contractor's name), mint the client's portal link at identity-service when the email uses it, render the
 * email, and record the {@code SendEmail} command with the run's new state in one transaction (the outbox
 * publishes it after commit). The link travels only sealed for notification-service.
 * <p>
 * Anything that may pass (identity-service down or its circuit open, the project or contact not known here
 * yet) makes the run wait and try again with growing, jittered waits; after the last attempt it fails, and the
 * back office can retry it. A run is never lost: a processor that dies leaves it leased, and it is due again
 * when the lease runs out; minting again under the run's key revokes the earlier link, so one link stays valid,
 * and the claim's fence keeps a late request of an earlier claim from revoking the link a later claim sent.
 */
@Component
class RunProcessor {

	private static final Logger log = LoggerFactory.getLogger(RunProcessor.class);

	private final RunClaims claims;

	private final AutomationRuns runs;

	private final Automations automations;

	private final Directory directory;

	private final PortalLinks links;

	private final EmailTemplateEngine templates;

	private final SecretSealer sealer;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate reads;

	private final TransactionTemplate writes;

	private final RunProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	RunProcessor(RunClaims claims, AutomationRuns runs, Automations automations, Directory directory, PortalLinks links,
			EmailTemplateEngine templates, SecretSealer sealer, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, RunProperties properties, MeterRegistry meters, Clock clock) {
		this.claims = claims;
		this.runs = runs;
		this.automations = automations;
		this.directory = directory;
		this.links = links;
		this.templates = templates;
		this.sealer = sealer;
		this.events = events;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.writes = new TransactionTemplate(transactions);
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
	}

	/** Passes until one claims less than a full batch, so that a backlog drains without waiting for the interval. */
	@Scheduled(fixedDelayString = "${coastline.automation.runs.interval:1s}")
	void processDueRuns() {
		while (processDue().size() >= properties.batchSize()) {
			log.debug("A full batch of runs was due; another pass follows at once");
		}
	}

	/**
	 * One pass: claims the due runs and carries them out one by one.
	 * @return the ids of the runs this pass claimed
	 */
	List<UUID> processDue() {
		List<Claim> claimed = claims.claimDue(clock.instant(), properties.lease(), properties.batchSize());
		List<UUID> ids = new ArrayList<>(claimed.size());
		for (Claim claim : claimed) {
			ids.add(claim.runId());
			try {
				// The scope comes first: Hibernate fixes the session's tenant when the transaction opens it.
				TenantScope.runAs(claim.workspaceId(), () -> process(claim));
			}
			catch (RuntimeException ex) {
				// Left PROCESSING: due again when its lease runs out.
				log.error("Run {} could not be completed; it is retried after its lease", claim.runId(), ex);
			}
		}
		return ids;
	}

	private void process(Claim claim) {
		Outcome outcome;
		try {
			outcome = prepare(claim);
		}
		catch (RuntimeException ex) {
			outcome = new Outcome.Wait(describe(ex));
			if (!(ex instanceof CallNotPermittedException) && !(ex instanceof RestClientResponseException)
					&& !(ex instanceof ResourceAccessException) && !(ex instanceof OAuth2AuthorizationException)) {
				log.warn("Run {} attempt failed", claim.runId(), ex);
			}
		}
		Outcome result = outcome;
		writes.executeWithoutResult(status -> record(claim, result));
	}

	/** What one attempt came to. */
	private sealed interface Outcome {

		record Email(SendEmail command, UUID contactId, UUID linkId) implements Outcome {
		}

		record Wait(String reason) implements Outcome {
		}

		record Skip(String reason) implements Outcome {
		}
	}

	private record Work(AutomationRun run, Action action) {
	}

	private Outcome prepare(Claim claim) {
		Work work = reads.execute(status -> {
			AutomationRun run = runs.findById(claim.runId()).orElseThrow();
			Automation automation = automations.findById(run.automationId()).orElseThrow();
			return new Work(run, automation.emailAction());
		});
		AutomationRun run = work.run();
		UUID workspaceId = claim.workspaceId();
		Directory.Project project = directory.project(workspaceId, run.projectId()).orElse(null);
		if (project == null) {
			return new Outcome.Wait("The project is not known to automation-service yet.");
		}
		UUID contactId = run.contactId() != null ? run.contactId() : project.primaryContactId();
		if (contactId == null) {
			return new Outcome.Skip("The project has no primary contact.");
		}
		Directory.Contact contact = directory.contact(workspaceId, contactId).orElse(null);
		if (contact == null) {
			return new Outcome.Wait("The client's details are not known to automation-service yet.");
		}
		if (contact.archived()) {
			return new Outcome.Skip("The client is archived.");
		}
		if (contact.email() == null || contact.email().isBlank()) {
			return new Outcome.Skip("The client has no email address.");
		}
		String subject = work.action().subject();
		String body = work.action().body();
		Directory.Workspace workspace = directory.workspace(workspaceId).orElse(null);
		if (workspace == null) {
			return new Outcome.Wait("The workspace's name is not known to automation-service yet.");
		}
		DynamicValues values = RunValues.of(workspace, project, contact);
		UUID commandId = UUID.randomUUID();
		List<SendEmail.EncryptedSecret> secrets = List.of();
		UUID linkId = null;
		if (templates.usesPortalLink(subject, body)) {
			PortalLinks.Link link;
			try {
				link = links.issue(contact.id(), project.id(), run.linkIdempotencyKey(), claim.fence());
			}
			catch (HttpClientErrorException ex) {
				if (PortalLinks.superseded(ex)) {
					return new Outcome.Wait("A later claim of the run minted its link.");
				}
				if (ex.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
					return new Outcome.Skip("The client's portal access is closed (identity-service refused a link).");
				}
				throw ex;
			}
			linkId = link.id();
			secrets = List.of(sealer.seal(commandId, EmailTemplateEngine.PORTAL_LINK_SECRET, link.url()));
		}
		RenderedEmail email = templates.render(subject, body, values);
		SendEmail command = new SendEmail(commandId, run.emailIdempotencyKey(), workspaceId,
				new SendEmail.Recipient(contact.email(), contact.fullName()), EmailKind.AUTOMATION, email.subject(),
				email.text(), email.html(), secrets, new SendEmail.Correlation(run.id(), project.id(), contact.id()),
				clock.instant());
		return new Outcome.Email(command, contact.id(), linkId);
	}

	private void record(Claim claim, Outcome outcome) {
		AutomationRun run = runs.findById(claim.runId()).orElseThrow();
		Instant now = clock.instant();
		switch (outcome) {
			case Outcome.Email email -> {
				if (run.emailRequested(claim.lease(), email.contactId(), email.linkId(), now)) {
					events.publishEvent(email.command());
					count("email-requested");
				}
				else {
					log.info("Run {} was claimed again or finished meanwhile; its email is not requested", run.id());
				}
			}
			case Outcome.Skip skip -> {
				if (run.skipped(claim.lease(), skip.reason(), now)) {
					count("skipped");
					log.info("Run {} skipped: {}", run.id(), skip.reason());
				}
			}
			case Outcome.Wait wait -> {
				if (run.attempts() + 1 >= properties.maxAttempts()) {
					if (run.failed(claim.lease(), wait.reason(), now)) {
						count("failed");
						log.warn("Run {} failed after {} attempts: {}", run.id(), run.attempts(), wait.reason());
					}
				}
				else {
					Instant next = now.plus(properties.backoff(run.attempts() + 1, ThreadLocalRandom.current().nextDouble()));
					if (run.waitForRetry(claim.lease(), wait.reason(), next, now)) {
						count("waiting");
						log.info("Run {} attempt {} waits until {}: {}", run.id(), run.attempts(), next, wait.reason());
					}
				}
			}
		}
	}

	private static String describe(RuntimeException ex) {
		return switch (ex) {
			case CallNotPermittedException open -> "identity-service is unavailable (circuit open).";
			case RestClientResponseException response ->
				"identity-service answered " + response.getStatusCode().value() + " to the link request.";
			case ResourceAccessException unreachable -> "identity-service is unreachable.";
			case OAuth2AuthorizationException noToken ->
				"identity-service gave no token to ask for the link (unreachable or refusing this service).";
			default -> "Could not prepare the email: " + ex.getClass().getSimpleName();
		};
	}

	private void count(String outcome) {
		meters.counter("coastline.automation.runs.attempts", "outcome", outcome).increment();
	}
}
