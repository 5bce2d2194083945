package com.coastline.platform.messaging;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes completed publications once they are older than the outbox's {@code completed-retention}. Spring
 * Modulith marks a publication completed and keeps it; without this the outbox table and its indexes grew with
 * every event a service ever published.
 */
class OutboxPurge {

	private final CompletedEventPublications publications;

	private final MessagingProperties.Outbox settings;

	OutboxPurge(CompletedEventPublications publications, MessagingProperties properties) {
		this.publications = publications;
		this.settings = properties.outbox();
	}

	@Scheduled(fixedDelayString = "${coastline.messaging.outbox.purge-interval:1h}")
	@SchedulerLock(name = "outbox-purge", lockAtMostFor = "PT10M")
	void purgeOnSchedule() {
		purgeCompleted();
	}

	/** Deletes the publications completed longer ago than the retention; incomplete ones always stay. */
	void purgeCompleted() {
		publications.deletePublicationsOlderThan(settings.completedRetention());
	}
}
