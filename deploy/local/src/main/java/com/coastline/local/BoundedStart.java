package com.coastline.local;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Starts processes at most so many at a time, in order, the next as soon as one is ready. A JVM's start is
 * CPU-bound (class loading, Spring's context, the JIT): seven started at once on two cores each took three times as
 * long as alone, and none was ready before the rest (docs/benchmarks.md, session 19).
 */
final class BoundedStart {

	private BoundedStart() {
	}

	/**
	 * Starts every process and waits until all are ready.
	 *
	 * @param processes in the order they start
	 * @param atOnce how many may be starting (started, not ready yet) at the same time
	 * @param start starts one, without waiting
	 * @param awaitReady waits until one is ready, or throws
	 * @throws RuntimeException the first failure of {@code awaitReady} (or {@code start}): the processes after it
	 * are not started, and the waiting for the others ends
	 */
	static <P> void start(List<P> processes, int atOnce, Consumer<P> start, Consumer<P> awaitReady) {
		if (atOnce < 1) {
			throw new IllegalArgumentException("At least one process starts at a time");
		}
		Semaphore slots = new Semaphore(atOnce);
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		try (ExecutorService waiting = Executors.newVirtualThreadPerTaskExecutor()) {
			for (P process : processes) {
				slots.acquireUninterruptibly();
				throwIfFailed(failure, waiting);
				try {
					start.accept(process);
				}
				catch (RuntimeException ex) {
					failure.compareAndSet(null, ex);
					throwIfFailed(failure, waiting);
				}
				waiting.execute(() -> {
					try {
						awaitReady.accept(process);
					}
					catch (RuntimeException ex) {
						failure.compareAndSet(null, ex);
					}
					finally {
						slots.release();
					}
				});
			}
			// Every slot back: each one ready, or a failure (the others' waiting is then cut short).
			while (!tryAcquire(slots, atOnce)) {
				throwIfFailed(failure, waiting);
			}
			throwIfFailed(failure, waiting);
		}
	}

	private static boolean tryAcquire(Semaphore slots, int permits) {
		try {
			return slots.tryAcquire(permits, 200, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the services started", ex);
		}
	}

	private static void throwIfFailed(AtomicReference<RuntimeException> failure, ExecutorService waiting) {
		RuntimeException first = failure.get();
		if (first != null) {
			waiting.shutdownNow();
			throw first;
		}
	}
}
