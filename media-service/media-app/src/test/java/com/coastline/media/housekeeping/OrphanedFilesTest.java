package com.coastline.media.housekeeping;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.coastline.media.storage.MediaStorage;
import com.coastline.media.support.MediaFixture;
import com.coastline.media.support.MediaFixture.Job;
import com.coastline.media.support.MediaServiceTest;
import com.coastline.media.support.MediaTestDirectories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Stored objects no row names are deleted once older than the grace period; everything else stays. */
@MediaServiceTest
class OrphanedFilesTest {

	@Autowired
	OrphanedFiles orphanedFiles;

	@Autowired
	MediaStorage storage;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Test
	void anOldObjectWithoutARowIsDeletedWhileRecordedAndFreshOnesStay() throws Exception {
		MediaFixture media = new MediaFixture(this.mvc, this.jdbc, this.environment);
		Job job = media.job();
		UUID photo = media.photo(job);
		UUID document = media.document(job);
		List<String> recorded = new ArrayList<>(this.jdbc.queryForObject(
				"select original_key, thumbnail_key, web_key from photo where id = ?",
				(row, number) -> List.of(row.getString(1), row.getString(2), row.getString(3)), photo));
		recorded.add(this.jdbc.queryForObject("select storage_key from document where id = ?", String.class, document));
		String orphan = store();
		String freshOrphan = store();
		Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
		for (String key : recorded) {
			storedAt(key, twoHoursAgo);
		}
		storedAt(orphan, twoHoursAgo);
		storedAt(freshOrphan, Instant.now().minus(Duration.ofMinutes(50)));

		int deleted = this.orphanedFiles.run();

		assertThat(deleted).isGreaterThanOrEqualTo(1);
		assertThat(this.storage.exists(orphan)).isFalse();
		assertThat(this.storage.exists(freshOrphan)).as("younger than the grace period").isTrue();
		assertThat(recorded).allSatisfy((key) -> assertThat(this.storage.exists(key)).as(key).isTrue());
		this.mvc.perform(get("/api/photos/{id}/original", photo).header("Authorization", MediaFixture.staff(job.workspace())))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/documents/{id}/file", document)
				.header("Authorization", MediaFixture.staff(job.workspace())))
			.andExpect(status().isOk());

		assertThat(this.orphanedFiles.run()).as("a second run finds nothing left").isZero();
	}

	private String store() {
		return this.storage.store(new ByteArrayInputStream(new byte[] { 1, 2, 3 }), 3, "image/jpeg").key();
	}

	/** Makes the object look stored at that time (the local store's file time is what its listing reports). */
	private static void storedAt(String key, Instant time) throws IOException {
		Files.setLastModifiedTime(MediaTestDirectories.STORAGE.resolve(key.substring(0, 2)).resolve(key),
				FileTime.from(time));
	}
}
