package com.coastline.automation.run;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts a pass of the run processor as soon as new runs are committed, instead of at its next scheduled
 * pass, so that an email is requested within milliseconds of its trigger event. Up to {@code workers} passes run
 * at once ({@link RunProperties#workers()}), each on its own claims, so that a run waiting on identity-service's
 * answer does not hold up the runs committed after it. Wake-ups coalesce: while a pass is pending (not started
 * yet), further ones add nothing. The scheduled passes stay, for runs that are due later, for other replicas' runs
 * and for a wake-up lost with a crash.
 */
@Component
class RunWakeUp implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RunWakeUp.class);

	private final RunProcessor processor;

	private final AtomicBoolean pending = new AtomicBoolean();

	private final ExecutorService executor;

	RunWakeUp(@Lazy RunProcessor processor, RunProperties properties) {
		this.processor = processor;
		this.executor = Executors.newFixedThreadPool(properties.workers(),
				Thread.ofPlatform().name("run-wake-up-", 1).daemon().factory());
	}

	/** A pass after the current transaction commits (at once when there is none). */
	void afterCommit() {
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
		if (pending.compareAndSet(false, true)) {
			executor.execute(() -> {
				pending.set(false);
				try {
					processor.processDueRuns();
				}
				catch (RuntimeException ex) {
					log.warn("A woken pass of the run processor failed; the scheduled passes go on", ex);
				}
			});
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		executor.shutdown();
		executor.awaitTermination(10, TimeUnit.SECONDS);
	}
}
