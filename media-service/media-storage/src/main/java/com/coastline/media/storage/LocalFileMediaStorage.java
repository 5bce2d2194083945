package com.coastline.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Objects as files under one root directory: {@code <root>/<first two hex digits>/<key>}. A file is
 * written under a temporary name in the same directory and moved into place, so a reader never sees
 * half a file and a failed write leaves nothing behind.
 */
public class LocalFileMediaStorage implements MediaStorage {

	private final Path root;

	public LocalFileMediaStorage(Path root) {
		try {
			this.root = Files.createDirectories(root).toRealPath();
		}
		catch (IOException ex) {
			throw new StorageException("Cannot use " + root + " as the media directory", ex);
		}
	}

	@Override
	public StoredObject store(InputStream content, long length, String contentType) {
		String key = StorageKeys.newKey();
		Path target = pathOf(key);
		Path temporary = null;
		try {
			Files.createDirectories(target.getParent());
			temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
			long copied;
			try (OutputStream out = Files.newOutputStream(temporary)) {
				copied = content.transferTo(out);
			}
			if (copied != length) {
				throw new StorageException("Expected " + length + " bytes, got " + copied);
			}
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target);
			}
			temporary = null;
			return new StoredObject(key, copied);
		}
		catch (IOException ex) {
			throw new StorageException("Could not store an object", ex);
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	@Override
	public InputStream open(String key) {
		try {
			return Files.newInputStream(existingPathOf(key));
		}
		catch (NoSuchFileException ex) {
			throw new ObjectNotFoundException(key);
		}
		catch (IOException ex) {
			throw new StorageException("Could not read " + StorageKeys.describe(key), ex);
		}
	}

	@Override
	public boolean exists(String key) {
		return StorageKeys.isValid(key) && Files.isRegularFile(pathOf(key));
	}

	@Override
	public void delete(String key) {
		if (!StorageKeys.isValid(key)) {
			return;
		}
		try {
			Files.deleteIfExists(pathOf(key));
		}
		catch (IOException ex) {
			throw new StorageException("Could not delete " + key, ex);
		}
	}

	@Override
	public Stream<StoredObjectInfo> list() {
		try {
			// <root>/<two hex digits>/<key>: the key's directory is its first two digits, nothing deeper.
			Stream<Path> files = Files.find(this.root, 2, (path, attributes) -> attributes.isRegularFile()
					&& isKeyInItsDirectory(path));
			return Listings.translating(files, UncheckedIOException.class, "Could not list the media directory")
				.map(this::describe)
				.filter(Objects::nonNull);
		}
		catch (IOException ex) {
			throw new StorageException("Could not list the media directory", ex);
		}
	}

	private boolean isKeyInItsDirectory(Path path) {
		String key = path.getFileName().toString();
		return StorageKeys.isValid(key) && path.equals(pathOf(key));
	}

	/** The file's description, or null when it was deleted since it was listed. */
	private StoredObjectInfo describe(Path path) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
			return new StoredObjectInfo(path.getFileName().toString(), attributes.size(),
					attributes.lastModifiedTime().toInstant());
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new StorageException("Could not read the attributes of " + path.getFileName(), ex);
		}
	}

	private Path existingPathOf(String key) throws NoSuchFileException {
		if (!StorageKeys.isValid(key)) {
			throw new ObjectNotFoundException(key);
		}
		return pathOf(key);
	}

	private Path pathOf(String key) {
		return this.root.resolve(key.substring(0, 2)).resolve(key);
	}

	private static void deleteQuietly(Path path) {
		if (path != null) {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ex) {
				// Best effort: a leftover temporary file is never served (it has no key), only wasted space.
			}
		}
	}
}
