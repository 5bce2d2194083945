package com.coastline.media.storage;

import java.io.InputStream;
import java.util.stream.Stream;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in one bucket of an S3-compatible service, under an optional prefix (several environments may
 * share a bucket). Uploads stream with their known length; the SDK retries transient failures.
 */
public class S3MediaStorage implements MediaStorage {

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	public S3MediaStorage(S3Client s3, String bucket, String prefix) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = (prefix == null || prefix.isEmpty() || prefix.endsWith("/")) ? (prefix == null ? "" : prefix)
				: prefix + "/";
	}

	@Override
	public StoredObject store(InputStream content, long length, String contentType) {
		String key = StorageKeys.newKey();
		try {
			this.s3.putObject((put) -> put.bucket(this.bucket).key(objectName(key)).contentType(contentType)
				.contentLength(length), RequestBody.fromInputStream(content, length));
			return new StoredObject(key, length);
		}
		// The SDK reports a stream shorter than announced as an IllegalStateException; nothing is stored then.
		catch (SdkException | IllegalStateException ex) {
			throw new StorageException("Could not store an object", ex);
		}
	}

	@Override
	public InputStream open(String key) {
		if (!StorageKeys.isValid(key)) {
			throw new ObjectNotFoundException(key);
		}
		try {
			return this.s3.getObject((get) -> get.bucket(this.bucket).key(objectName(key)));
		}
		catch (NoSuchKeyException ex) {
			throw new ObjectNotFoundException(key);
		}
		catch (SdkException ex) {
			throw new StorageException("Could not read " + key, ex);
		}
	}

	@Override
	public boolean exists(String key) {
		if (!StorageKeys.isValid(key)) {
			return false;
		}
		try {
			this.s3.headObject((head) -> head.bucket(this.bucket).key(objectName(key)));
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw new StorageException("Could not look up " + key, ex);
		}
		catch (SdkException ex) {
			throw new StorageException("Could not look up " + key, ex);
		}
	}

	@Override
	public void delete(String key) {
		if (!StorageKeys.isValid(key)) {
			return;
		}
		try {
			this.s3.deleteObject((delete) -> delete.bucket(this.bucket).key(objectName(key)));
		}
		catch (SdkException ex) {
			throw new StorageException("Could not delete " + key, ex);
		}
	}

	/** Lists the objects under the prefix page by page (ListObjectsV2, up to 1000 a page) as the stream is read. */
	@Override
	public Stream<StoredObjectInfo> list() {
		try {
			Stream<S3Object> objects = this.s3
				.listObjectsV2Paginator((list) -> list.bucket(this.bucket).prefix(this.prefix))
				.contents()
				.stream();
			return Listings.translating(objects, SdkException.class, "Could not list the bucket")
				.filter((object) -> StorageKeys.isValid(object.key().substring(this.prefix.length())))
				.map((object) -> new StoredObjectInfo(object.key().substring(this.prefix.length()), object.size(),
						object.lastModified()));
		}
		catch (SdkException ex) {
			throw new StorageException("Could not list the bucket", ex);
		}
	}

	private String objectName(String key) {
		return this.prefix + key;
	}
}
