package com.coastline.media.housekeeping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.coastline.media.config.MediaProperties;
import com.coastline.media.storage.MediaStorage;
import com.coastline.media.storage.StoredObjectInfo;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes stored objects that no photo or document names: left behind when the process died between storing
 * an upload's files and recording it, or when deleting a photo's or document's files failed after its row
 * was gone. Only objects older than {@code coastline.media.orphaned-files.grace-period} (1 hour) are
 * deleted, so the files of an upload still being recorded are never touched. Runs every
 * {@code coastline.media.orphaned-files.interval} on one replica at a time (ShedLock, lock {@value #LOCK});
 * two runs that overlap anyway delete nothing the other would keep.
 */
@Component
public class OrphanedFiles {

	static final String LOCK = "media-orphaned-files";

	/** Keys looked up in the database at once. */
	static final int BATCH_SIZE = 500;

	private static final Logger log = LoggerFactory.getLogger(OrphanedFiles.class);

	/** The keys among the given ones that a row names (across workspaces: this is system work). */
	private static final String REFERENCED = """
			select original_key from photo where original_key = any(?)
			union all select thumbnail_key from photo where thumbnail_key = any(?)
			union all select web_key from photo where web_key = any(?)
			union all select storage_key from document where storage_key = any(?)""";

	private final MediaStorage storage;

	private final JdbcTemplate jdbc;

	private final Duration gracePeriod;

	private final Clock clock;

	OrphanedFiles(MediaStorage storage, JdbcTemplate jdbc, MediaProperties properties, Clock clock) {
		this.storage = storage;
		this.jdbc = jdbc;
		this.gracePeriod = properties.orphanedFiles().gracePeriod();
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${coastline.media.orphaned-files.interval:PT1H}",
			initialDelayString = "${coastline.media.orphaned-files.initial-delay:PT10M}")
	@SchedulerLock(name = LOCK, lockAtMostFor = "PT2H")
	void deleteOnSchedule() {
		run();
	}

	/**
	 * Deletes now, whatever other replicas do, the objects older than the grace period that no row names.
	 * @return how many were deleted
	 */
	public int run() {
		Instant storedBefore = this.clock.instant().minus(this.gracePeriod);
		int deleted = 0;
		try (Stream<StoredObjectInfo> objects = this.storage.list()) {
			Iterator<StoredObjectInfo> candidates = objects
				.filter((object) -> object.lastModified().isBefore(storedBefore))
				.iterator();
			List<String> batch = new ArrayList<>(BATCH_SIZE);
			while (candidates.hasNext()) {
				batch.add(candidates.next().key());
				if (batch.size() == BATCH_SIZE || !candidates.hasNext()) {
					deleted += deleteUnreferenced(batch);
					batch.clear();
				}
			}
		}
		if (deleted > 0) {
			log.info("Deleted {} stored objects that no photo or document names (stored before {})", deleted,
					storedBefore);
		}
		return deleted;
	}

	private int deleteUnreferenced(List<String> keys) {
		Set<String> referenced = new HashSet<>(this.jdbc.query(REFERENCED, (statement) -> {
			for (int parameter = 1; parameter <= 4; parameter++) {
				statement.setArray(parameter, statement.getConnection().createArrayOf("varchar", keys.toArray()));
			}
		}, (row, number) -> row.getString(1)));
		int deleted = 0;
		for (String key : keys) {
			if (!referenced.contains(key)) {
				this.storage.delete(key);
				log.debug("Deleted orphaned stored object {}", key);
				deleted++;
			}
		}
		return deleted;
	}
}
