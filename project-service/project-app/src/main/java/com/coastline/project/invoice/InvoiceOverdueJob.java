package com.coastline.project.invoice;

import java.sql.Date;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.coastline.platform.web.tenant.TenantScope;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds open invoices whose due date has passed and publishes {@code InvoiceOverdue} for each, once.
 * Runs every {@code coastline.invoices.overdue-check-interval} on one replica at a time (ShedLock, lock
 * {@value #LOCK}); "once" does not rest on that lock alone: each invoice is noted overdue under its row
 * lock ({@link InvoiceManagement#markOverdue}), so two runs that overlap anyway (a lock that expired, a
 * manual run) publish one event per invoice.
 */
@Component
public class InvoiceOverdueJob {

	static final String LOCK = "invoice-overdue";

	static final int BATCH_SIZE = 200;

	private static final Logger log = LoggerFactory.getLogger(InvoiceOverdueJob.class);

	private final JdbcTemplate jdbc;

	private final InvoiceManagement invoices;

	private final Clock clock;

	InvoiceOverdueJob(JdbcTemplate jdbc, InvoiceManagement invoices, Clock clock) {
		this.jdbc = jdbc;
		this.invoices = invoices;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${coastline.invoices.overdue-check-interval:PT15M}",
			initialDelayString = "${coastline.invoices.overdue-check-initial-delay:PT1M}")
	@SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
	void checkOnSchedule() {
		run();
	}

	/** Checks now, whatever other replicas do; how many invoices this run noted overdue. */
	public int run() {
		Date lastPassedDueDate = Date.valueOf(Invoice.lastPassedDueDate(this.clock.instant()));
		int noted = 0;
		List<Candidate> candidates;
		UUID after = new UUID(0, 0);
		do {
			// Across workspaces (system work): each invoice is then handled in its own workspace's scope.
			candidates = this.jdbc.query("""
					select id, workspace_id from invoice
					where status = 'OPEN' and overdue_at is null and due_date <= ? and id > ?
					order by id limit ?""",
					(row, number) -> new Candidate(row.getObject(1, UUID.class), row.getObject(2, UUID.class)),
					lastPassedDueDate, after, BATCH_SIZE);
			for (Candidate candidate : candidates) {
				if (TenantScope.runAs(candidate.workspaceId(), () -> this.invoices.markOverdue(candidate.id()))) {
					noted++;
				}
				after = candidate.id();
			}
		}
		while (candidates.size() == BATCH_SIZE);
		if (noted > 0) {
			log.info("Noted {} invoices overdue", noted);
		}
		return noted;
	}

	private record Candidate(UUID id, UUID workspaceId) {
	}
}
