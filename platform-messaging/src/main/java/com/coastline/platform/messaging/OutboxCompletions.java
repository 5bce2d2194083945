package com.coastline.platform.messaging;

import java.sql.Array;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * Spring Modulith's outbox table, with two writes per event taken off the path of every event.
 * <ul>
 * <li><b>No "processing" mark.</b> Spring Modulith 2 updates a publication to {@code PROCESSING} in a transaction
 * of its own when the Kafka send starts. Nothing of ours reads that status: a publication still incomplete after
 * a minute counts as failed and is sent again whether it says {@code PUBLISHED} or {@code PROCESSING} (both
 * stalenesses are a minute, see the defaults), so the publication keeps {@code PUBLISHED} until it completes.</li>
 * <li><b>Completions written together.</b> The broker's acknowledgement arrives on the Kafka producer's I/O thread,
 * where Spring Modulith marked the publication completed in a transaction of its own, holding up the producer's
 * next sends meanwhile. Completions are queued instead and one thread writes whatever is queued in one statement:
 * one at a time when events are rare, many per statement under load.</li>
 * </ul>
 * A completion is durable a moment after the acknowledgement, not at it. If the process dies in between, or the
 * database cannot be reached for longer than a publication's staleness, the publication is sent again (at least
 * once, as for any crash between send and mark): the consumers skip the duplicate by its id. While the database
 * cannot be reached the queue is kept and written again with a growing pause. Everything else goes to Spring
 * Modulith's repository as it is.
 */
final class OutboxCompletions implements EventPublicationRepository, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OutboxCompletions.class);

	private static final String TABLE = "event_publication";

	/** The ids and completion times of a batch, as two arrays of the same length. */
	private static final String COMPLETE = """
			update %s p set status = 'COMPLETED', completion_date = c.at
			from unnest(?::uuid[], ?::timestamptz[]) as c(id, at)
			where p.id = c.id""".formatted(TABLE);

	private static final int BATCH = 500;

	private static final Duration FIRST_PAUSE = Duration.ofMillis(200);

	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

	private static final Duration DRAIN_AT_STOP = Duration.ofSeconds(5);

	private final EventPublicationRepository delegate;

	private final JdbcOperations jdbc;

	private final BlockingQueue<Completion> queue = new LinkedBlockingQueue<>();

	private final Thread writer;

	private volatile boolean stopping;

	OutboxCompletions(EventPublicationRepository delegate, JdbcOperations jdbc, String applicationName) {
		this.delegate = delegate;
		this.jdbc = jdbc;
		this.writer = Thread.ofPlatform().daemon().name("outbox-completions-" + applicationName).unstarted(this::write);
		this.writer.start();
	}

	@Override
	public void markProcessing(UUID identifier) {
		// Deliberately nothing: see the class comment.
	}

	@Override
	public void markCompleted(UUID identifier, Instant completionDate) {
		if (stopping) {
			this.delegate.markCompleted(identifier, completionDate);
			return;
		}
		this.queue.add(new Completion(identifier, completionDate));
	}

	/** Completions queued and not yet written. */
	int pending() {
		return this.queue.size();
	}

	private void write() {
		List<Completion> batch = new ArrayList<>();
		Duration pause = FIRST_PAUSE;
		while (!stopping || !this.queue.isEmpty() || !batch.isEmpty()) {
			try {
				if (batch.isEmpty()) {
					Completion first = this.queue.poll(200, TimeUnit.MILLISECONDS);
					if (first == null) {
						continue;
					}
					batch.add(first);
				}
				this.queue.drainTo(batch, BATCH - batch.size());
				complete(batch);
				batch.clear();
				pause = FIRST_PAUSE;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (RuntimeException ex) {
				if (stopping) {
					log.warn("{} publications sent but not marked completed at shutdown: they will be sent again",
							batch.size() + this.queue.size());
					return;
				}
				log.warn("Could not mark {} publications completed, trying again in {}: {}", batch.size(), pause,
						ex.getMessage());
				if (!sleep(pause)) {
					break;
				}
				pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
			}
		}
	}

	private void complete(List<Completion> batch) {
		this.jdbc.execute((ConnectionCallback<Integer>) connection -> {
			UUID[] ids = new UUID[batch.size()];
			String[] times = new String[batch.size()];
			for (int i = 0; i < batch.size(); i++) {
				ids[i] = batch.get(i).id();
				times[i] = batch.get(i).at().toString();
			}
			Array idArray = connection.createArrayOf("uuid", ids);
			Array timeArray = connection.createArrayOf("timestamptz", times);
			try (var statement = connection.prepareStatement(COMPLETE)) {
				statement.setArray(1, idArray);
				statement.setArray(2, timeArray);
				return statement.executeUpdate();
			}
			finally {
				idArray.free();
				timeArray.free();
			}
		});
	}

	private static boolean sleep(Duration pause) {
		try {
			Thread.sleep(pause);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Writes what is queued (for a few seconds at most), then writes any later completion directly. */
	@Override
	public void destroy() throws InterruptedException {
		this.stopping = true;
		this.writer.join(DRAIN_AT_STOP);
		if (this.writer.isAlive()) {
			this.writer.interrupt();
		}
	}

	private record Completion(UUID id, Instant at) {
	}

	// Everything else is Spring Modulith's.

	@Override
	public TargetEventPublication create(TargetEventPublication publication) {
		return this.delegate.create(publication);
	}

	@Override
	public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
		this.delegate.markCompleted(event, identifier, completionDate);
	}

	@Override
	public void markFailed(UUID identifier) {
		this.delegate.markFailed(identifier);
	}

	@Override
	public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
		return this.delegate.markResubmitted(identifier, resubmissionDate);
	}

	@Override
	public List<TargetEventPublication> findIncompletePublications() {
		return this.delegate.findIncompletePublications();
	}

	@Override
	public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
		return this.delegate.findIncompletePublicationsPublishedBefore(instant);
	}

	@Override
	public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
			PublicationTargetIdentifier targetIdentifier) {
		return this.delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
	}

	@Override
	public List<TargetEventPublication> findCompletedPublications() {
		return this.delegate.findCompletedPublications();
	}

	@Override
	public void deletePublications(List<UUID> identifiers) {
		this.delegate.deletePublications(identifiers);
	}

	@Override
	public void deleteCompletedPublications() {
		this.delegate.deleteCompletedPublications();
	}

	@Override
	public void deleteCompletedPublicationsBefore(Instant instant) {
		this.delegate.deleteCompletedPublicationsBefore(instant);
	}

	@Override
	public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
		return this.delegate.findFailedPublications(criteria);
	}

	@Override
	public List<TargetEventPublication> findByStatus(Status status) {
		return this.delegate.findByStatus(status);
	}

	@Override
	public int countByStatus(Status status) {
		return this.delegate.countByStatus(status);
	}
}
