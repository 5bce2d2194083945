package com.coastline.media.storage;

/** The store could not do what was asked (I/O failure, unreachable service, short stream). */
public class StorageException extends RuntimeException {

	public StorageException(String message) {
		super(message);
	}

	public StorageException(String message, Throwable cause) {
		super(message, cause);
	}
}
