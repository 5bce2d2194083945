package com.coastline.automation.template;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.coastline.automation.automation.Trigger;
import com.coastline.platform.web.problem.ConflictException;
import com.coastline.platform.web.tenant.CurrentTenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's use cases on the email templates of the caller's workspace.
 * <p>
 * The {@link StarterTemplate starters} are copied into a workspace the first time it uses its library, in the
 * same transaction: a row in {@code email_template_library} records that the workspace has them (inserted
 * with {@code on conflict do nothing}, so two first requests at once copy them once), and keeps a deleted
 * starter from coming back.
 */
@Service
public class EmailTemplateLibrary {

	/** Recorded as the author of the starters' copies. */
	static final String STARTER_AUTHOR = "coastline";

	private final EmailTemplates templates;

	private final EmailTemplateEngine engine;

	private final JdbcClient jdbc;

	private final CurrentTenant currentTenant;

	private final Clock clock;

	EmailTemplateLibrary(EmailTemplates templates, EmailTemplateEngine engine, JdbcClient jdbc,
			CurrentTenant currentTenant, Clock clock) {
		this.templates = templates;
		this.engine = engine;
		this.jdbc = jdbc;
		this.currentTenant = currentTenant;
		this.clock = clock;
	}

	/** The workspace's templates, the starters first, then its own oldest first. */
	@Transactional
	public List<EmailTemplate> list() {
		seed();
		return templates.findAllByOrderByCreatedAtAscIdAsc();
	}

	@Transactional
	public EmailTemplate find(UUID id) {
		seed();
		return templates.findById(id).orElseThrow(() -> new EmailTemplateNotFoundException(id));
	}

	/**
	 * Adds a template.
	 * @throws com.coastline.automation.automation.InvalidAutomationException when subject or body use an
	 * unknown dynamic value or unsupported template syntax
	 */
	@Transactional
	public EmailTemplate create(String name, String subject, String body, Trigger suggestedTrigger) {
		seed();
		engine.check(subject, body);
		return templates.save(EmailTemplate.create(name, subject, body, suggestedTrigger, author(), clock));
	}

	/**
	 * Changes a template; automations that copied it keep their copy.
	 * @param expectedVersion the version the caller read, or null to overwrite whatever is there
	 */
	@Transactional
	public EmailTemplate change(UUID id, String name, String subject, String body, Trigger suggestedTrigger,
			Long expectedVersion) {
		EmailTemplate template = find(id);
		if (expectedVersion != null && expectedVersion != template.version()) {
			throw new ConflictException(
					"Email template " + id + " was changed by someone else; read it again and retry.");
		}
		engine.check(subject, body);
		template.change(name, subject, body, suggestedTrigger, author(), clock);
		return templates.saveAndFlush(template);
	}

	/** Deletes a template (a starter too: it does not come back); automations that copied it keep their copy. */
	@Transactional
	public void delete(UUID id) {
		templates.delete(find(id));
	}

	private void seed() {
		UUID workspace = currentTenant.requireWorkspace();
		int claimed = jdbc
			.sql("insert into email_template_library (workspace_id, seeded_at) values (?, now()) on conflict do nothing")
			.param(workspace)
			.update();
		if (claimed == 0) {
			return;
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		StarterTemplate[] starters = StarterTemplate.values();
		for (int i = 0; i < starters.length; i++) {
			// A microsecond apart (what PostgreSQL keeps), so that the library lists them in this order.
			templates.save(EmailTemplate.copyOf(starters[i], STARTER_AUTHOR, now.plus(i, ChronoUnit.MICROS)));
		}
	}

	private String author() {
		return currentTenant.get().subject();
	}
}
