package com.coastline.notification.delivery;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.coastline.notification.config.NotificationProperties;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The threads that send: {@code senders} workers, each running {@link EmailSender#sendDue} passes as a
 * replica of its own would (its own claims and leases). A worker starts its next pass at once while passes
 * come back full, and otherwise waits for {@code send-interval} or until a newly committed delivery wakes
 * it ({@link #afterCommit}), so an email leaves within milliseconds of its command and a backlog drains
 * without pauses.
 * <p>
 * Each worker has at most one email between the SMTP server's acceptance and the recording of the outcome,
 * so a process killed at the worst moment sends at most {@code senders} emails twice, each at most once
 * more (with the same {@code Message-ID}). {@code senders = 1} gives the strictest bound, one duplicate per
 * crash; {@code 0} starts no worker (tests that drive {@link EmailSender} themselves).
 * <p>
 * On shutdown the workers finish the email in hand and record it before the process stops (SmartLifecycle
 * stops them before the data source and Kafka).
 */
@Component
public class SenderWorkers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SenderWorkers.class);

	private final EmailSender sender;

	private final NotificationProperties properties;

	private final Object signal = new Object();

	private final List<Thread> workers = new ArrayList<>();

	/** Counts wake-ups, so that one arriving during a pass is not lost. Guarded by {@link #signal}. */
	private long wakeUps;

	private volatile boolean running;

	SenderWorkers(EmailSender sender, NotificationProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	/** Wakes the workers after the current transaction commits (at once when there is none). */
	public void afterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			wake();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				wake();
			}
		});
	}

	private void wake() {
		synchronized (signal) {
			wakeUps++;
			signal.notifyAll();
		}
	}

	@Override
	public synchronized void start() {
		running = true;
		for (int i = 1; i <= properties.senders(); i++) {
			workers.add(Thread.ofPlatform().name("email-sender-" + i).daemon().start(this::work));
		}
	}

	private void work() {
		while (running) {
			long seen;
			synchronized (signal) {
				seen = wakeUps;
			}
			int claimed;
			try {
				claimed = sender.sendDue().size();
			}
			catch (RuntimeException ex) {
				log.error("A pass of the email sender failed; the next one follows after the send interval", ex);
				claimed = 0;
			}
			if (claimed < properties.batchSize()) {
				idle(seen);
			}
		}
	}

	private void idle(long seen) {
		synchronized (signal) {
			if (wakeUps != seen || !running) {
				return;
			}
			try {
				signal.wait(Math.max(1, properties.sendInterval().toMillis()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				running = false;
			}
		}
	}

	@Override
	public synchronized void stop() {
		running = false;
		wake();
		for (Thread worker : workers) {
			try {
				worker.join(properties.lease().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		workers.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
