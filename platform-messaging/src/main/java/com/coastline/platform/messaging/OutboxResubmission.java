package com.coastline.platform.messaging;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends again the publications whose delivery failed (broker down, timed out), so an outage heals
 * without a restart. Publications stuck in flight (the process died mid-send) are marked failed by
 * Modulith's staleness monitor first. One replica at a time (ShedLock); a publication sent twice is
 * harmless because consumers are idempotent on {@code ce_id}.
 */
class OutboxResubmission {

	private final IncompleteEventPublications publications;

	private final MessagingProperties.Outbox settings;

	OutboxResubmission(IncompleteEventPublications publications, MessagingProperties properties) {
		this.publications = publications;
		this.settings = properties.outbox();
	}

	@Scheduled(fixedDelayString = "${coastline.messaging.outbox.resubmit-interval:10s}")
	@SchedulerLock(name = "outbox-resubmission", lockAtMostFor = "PT5M")
	void resubmitFailedPublications() {
		publications.resubmitIncompletePublications(ResubmissionOptions.defaults()
			.withMinAge(settings.minAge())
			.withBatchSize(settings.batchSize()));
	}
}
