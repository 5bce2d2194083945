package com.coastline.media.config;

import com.coastline.media.storage.LocalFileMediaStorage;
import com.coastline.media.storage.MediaStorage;
import com.coastline.media.storage.S3MediaStorage;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class StorageConfigurationTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, StorageConfiguration.class)
		.withPropertyValues("coastline.media.storage.local-root=${java.io.tmpdir}/media-config-test",
				"coastline.media.storage.s3.bucket=media", "coastline.media.storage.s3.region=eu-west-1",
				"coastline.media.photos.web-size=2048");

	@Test
	void theLocalFilesystemIsTheDefault() {
		this.contexts.run((context) -> {
			assertThat(context).hasSingleBean(MediaStorage.class);
			assertThat(context.getBean(MediaStorage.class)).isInstanceOf(LocalFileMediaStorage.class);
			assertThat(context).doesNotHaveBean(S3Client.class);
		});
	}

	@Test
	void s3IsChosenByConfigurationWithAnS3CompatibleEndpoint() {
		this.contexts
			.withPropertyValues("coastline.media.storage.type=s3", "coastline.media.storage.s3.endpoint=http://localhost:9000",
					"coastline.media.storage.s3.path-style-access=true", "aws.accessKeyId=test", "aws.secretAccessKey=test")
			.run((context) -> {
				assertThat(context).hasSingleBean(MediaStorage.class);
				assertThat(context.getBean(MediaStorage.class)).isInstanceOf(S3MediaStorage.class);
				assertThat(context.getBean(S3Client.class).serviceClientConfiguration().endpointOverride())
					.hasValueSatisfying((uri) -> assertThat(uri.toString()).isEqualTo("http://localhost:9000"));
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MediaProperties.class)
	static class Properties {
	}
}
