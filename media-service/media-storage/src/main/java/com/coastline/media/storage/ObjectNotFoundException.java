package com.coastline.media.storage;

/** No object with this key (or a string that is not a key this store issues). */
public class ObjectNotFoundException extends StorageException {

	public ObjectNotFoundException(String key) {
		super("No stored object " + StorageKeys.describe(key));
	}
}
