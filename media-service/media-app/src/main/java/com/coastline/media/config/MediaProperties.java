package com.coastline.media.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * media-service's settings.
 *
 * @param storage where file contents live
 * @param photos how photos are checked and rendered
 * @param orphanedFiles how stored objects that no photo or document names are cleaned up
 */
@Validated
@ConfigurationProperties("coastline.media")
public record MediaProperties(@Valid @NotNull Storage storage, @Valid @NotNull Photos photos,
		@DefaultValue @Valid @NotNull OrphanedFiles orphanedFiles) {

	public enum StorageType {

		/** Files under one directory: the local stack and single-node installs. */
		LOCAL,

		/** An S3-compatible service: production (several replicas share it). */
		S3
	}

	/**
	 * @param type local (default) or s3
	 * @param localRoot the directory of the local store
	 * @param s3 the bucket of the S3 store
	 */
	public record Storage(@DefaultValue("local") @NotNull StorageType type, @NotBlank String localRoot,
			@Valid @NotNull S3 s3) {
	}

	/**
	 * @param bucket the bucket (it must exist)
	 * @param prefix a prefix for every object name, so environments may share a bucket; may be empty
	 * @param region the region
	 * @param endpoint an S3-compatible service's address; empty for AWS
	 * @param pathStyleAccess path-style addressing, which most S3-compatible services need
	 */
	public record S3(@NotBlank String bucket, String prefix, @NotBlank String region, String endpoint,
			boolean pathStyleAccess) {
	}

	/**
	 * @param maxPixels photos with more pixels are refused (decoding memory grows with pixels, not bytes)
	 * @param thumbnailSize the thumbnail's longer edge, in pixels
	 * @param webSize the web rendition's longer edge, in pixels
	 * @param jpegQuality the quality of JPEG renditions, 0 to 1
	 */
	public record Photos(@DefaultValue("100000000") @Positive long maxPixels, @DefaultValue("400") @Positive int thumbnailSize,
			@DefaultValue("2048") @Positive int webSize,
			@DefaultValue("0.85") @DecimalMin("0.1") @DecimalMax("1.0") float jpegQuality) {
	}

	/**
	 * @param gracePeriod objects younger than this are never deleted, named by a row or not: an upload's files
	 * are stored before its row is written
	 * @param interval how often the cleanup runs (on one replica)
	 */
	public record OrphanedFiles(@DefaultValue("PT1H") @NotNull Duration gracePeriod,
			@DefaultValue("PT1H") @NotNull Duration interval) {

		public OrphanedFiles {
			if (gracePeriod != null && gracePeriod.compareTo(Duration.ofMinutes(10)) < 0) {
				throw new IllegalArgumentException("coastline.media.orphaned-files.grace-period must be at least 10"
						+ " minutes (an upload's files are stored before it is recorded)");
			}
		}
	}
}
