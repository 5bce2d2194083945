package com.coastline.media.storage;

import java.util.stream.Stream;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/** The S3 adapter against S3Mock, an S3-compatible server started in this JVM (TOOLCHAIN.md). */
class S3MediaStorageTest extends MediaStorageContract {

	private static final String BUCKET = "coastline-media";

	@RegisterExtension
	static final S3MockExtension S3_MOCK = S3MockExtension.builder()
		.silent()
		.withSecureConnection(false)
		.withInitialBuckets(BUCKET)
		.withProperty("com.adobe.testing.s3mock.httpPort", "0")
		.withProperty("com.adobe.testing.s3mock.store.region", "us-east-1")
		.build();

	private static S3Client client;

	private static S3MediaStorage storage;

	@BeforeAll
	static void createStorage() {
		client = S3_MOCK.createS3ClientV2();
		storage = new S3MediaStorage(client, BUCKET, "test");
	}

	@AfterAll
	static void closeClient() {
		client.close();
	}

	@Override
	protected MediaStorage storage() {
		return storage;
	}

	@Test
	void onlyObjectsNamedByAKeyUnderThePrefixAreListed() {
		StoredObject stored = storage.store(new java.io.ByteArrayInputStream(new byte[] { 7 }), 1, "image/png");
		String otherEnvironment = StorageKeys.newKey();
		String nested = StorageKeys.newKey();
		client.putObject((put) -> put.bucket(BUCKET).key("other/" + otherEnvironment), RequestBody.fromString("x"));
		client.putObject((put) -> put.bucket(BUCKET).key("test/sub/" + nested), RequestBody.fromString("x"));
		client.putObject((put) -> put.bucket(BUCKET).key("test/notes.txt"), RequestBody.fromString("x"));

		try (Stream<StoredObjectInfo> listed = storage.list()) {
			assertThat(listed.map(StoredObjectInfo::key).toList()).contains(stored.key())
				.doesNotContain(otherEnvironment, nested, "notes.txt", "sub/" + nested)
				.allSatisfy((key) -> assertThat(key).matches("[0-9a-f]{32}"));
		}
	}

	@Test
	void objectsLiveUnderThePrefix() {
		StoredObject stored = storage.store(new java.io.ByteArrayInputStream(new byte[] { 7 }), 1, "image/png");

		assertThat(client.listObjectsV2((list) -> list.bucket(BUCKET).prefix("test/")).contents())
			.anySatisfy((object) -> assertThat(object.key()).isEqualTo("test/" + stored.key()));
	}
}
