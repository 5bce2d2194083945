package com.coastline.media.storage;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazily read listings whose failures, wherever they happen while the stream is read, surface as
 * {@link StorageException}, as {@link MediaStorage#list()} promises.
 */
final class Listings {

	private Listings() {
	}

	/**
	 * @param source the adapter's own stream; closed with the returned one
	 * @param failure the adapter's unchecked failure type (the SDK's, the filesystem's)
	 * @param message what could not be done
	 */
	static <T> Stream<T> translating(Stream<T> source, Class<? extends RuntimeException> failure, String message) {
		Iterator<T> iterator = source.iterator();
		Iterator<T> translated = new Iterator<>() {

			@Override
			public boolean hasNext() {
				try {
					return iterator.hasNext();
				}
				catch (RuntimeException ex) {
					throw translate(ex, failure, message);
				}
			}

			@Override
			public T next() {
				try {
					return iterator.next();
				}
				catch (RuntimeException ex) {
					throw translate(ex, failure, message);
				}
			}
		};
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(translated, Spliterator.NONNULL), false)
			.onClose(source::close);
	}

	private static RuntimeException translate(RuntimeException ex, Class<? extends RuntimeException> failure,
			String message) {
		return failure.isInstance(ex) ? new StorageException(message, ex) : ex;
	}
}
