package com.coastline.media.storage;

import java.io.InputStream;
import java.util.stream.Stream;

/**
 * Where media-service keeps file contents: originals and renditions, as opaque objects. The storage
 * chooses every key itself (random, 128 bits), so no caller-supplied name ever becomes a path or an
 * object name, and no key can be guessed from another. Contents stream in and out; nothing is held in
 * memory whole.
 */
public interface MediaStorage {

	/**
	 * Stores the content under a new random key.
	 * @param content the bytes, read to the end (not closed)
	 * @param length the exact number of bytes the stream holds
	 * @param contentType the media type to record with the object, where the store keeps one
	 * @return the new object
	 * @throws StorageException when the store fails or the stream does not hold {@code length} bytes
	 */
	StoredObject store(InputStream content, long length, String contentType);

	/**
	 * Opens an object for reading; the caller closes the stream.
	 * @throws ObjectNotFoundException when there is no such object (or the key is not one of ours)
	 */
	InputStream open(String key);

	/** Whether the object exists. */
	boolean exists(String key);

	/** Deletes the object; deleting a missing object does nothing. */
	void delete(String key);

	/**
	 * Every object of the store, in no particular order, read lazily (a large store is listed page by page).
	 * Only objects named by keys this store issues are listed: anything else in the directory or under the
	 * prefix (a half-written temporary file, another program's object) is not one of them. The caller closes
	 * the stream.
	 * @throws StorageException when the store cannot be listed (also while the stream is consumed)
	 */
	Stream<StoredObjectInfo> list();
}
