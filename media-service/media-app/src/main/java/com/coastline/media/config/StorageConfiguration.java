package com.coastline.media.config;

import java.net.URI;
import java.nio.file.Path;

import com.coastline.media.storage.LocalFileMediaStorage;
import com.coastline.media.storage.MediaStorage;
import com.coastline.media.storage.S3MediaStorage;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The file store: the local filesystem unless {@code coastline.media.storage.type=s3}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean
	@ConditionalOnProperty(name = "coastline.media.storage.type", havingValue = "local", matchIfMissing = true)
	MediaStorage localMediaStorage(MediaProperties properties) {
		return new LocalFileMediaStorage(Path.of(properties.storage().localRoot()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "coastline.media.storage.type", havingValue = "s3")
	static class S3StorageConfiguration {

		/** Credentials from the SDK's default chain (environment, profile, container or instance role). */
		@Bean(destroyMethod = "close")
		S3Client mediaS3Client(MediaProperties properties) {
			MediaProperties.S3 s3 = properties.storage().s3();
			S3ClientBuilder builder = S3Client.builder()
				.region(Region.of(s3.region()))
				.forcePathStyle(s3.pathStyleAccess());
			if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
				builder.endpointOverride(URI.create(s3.endpoint()));
			}
			return builder.build();
		}

		@Bean
		MediaStorage s3MediaStorage(S3Client mediaS3Client, MediaProperties properties) {
			return new S3MediaStorage(mediaS3Client, properties.storage().s3().bucket(), properties.storage().s3().prefix());
		}
	}
}
