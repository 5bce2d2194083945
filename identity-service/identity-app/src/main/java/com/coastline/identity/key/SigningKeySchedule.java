package com.coastline.identity.key;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The key ring's periodic work: every replica reloads the keys (so that all replicas sign with and
 * publish the same keys); one replica at a time (ShedLock) rotates when due and deletes retired keys.
 */
@Component
class SigningKeySchedule {

	private final KeyRing keyRing;

	SigningKeySchedule(KeyRing keyRing) {
		this.keyRing = keyRing;
	}

	@Scheduled(fixedDelayString = "${coastline.identity.keys.reload-every:30s}",
			initialDelayString = "${coastline.identity.keys.reload-every:30s}")
	void reload() {
		this.keyRing.reload();
	}

	@Scheduled(fixedDelayString = "${coastline.identity.keys.check-every:5m}")
	@SchedulerLock(name = "signing-key-rotation", lockAtMostFor = "PT5M")
	void rotateWhenDue() {
		this.keyRing.rotateIfDue();
		this.keyRing.deleteRetired();
	}
}
