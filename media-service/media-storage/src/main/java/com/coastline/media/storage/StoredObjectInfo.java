package com.coastline.media.storage;

import java.time.Instant;

/**
 * An object as a listing of the store shows it.
 *
 * @param key its key, chosen by the store
 * @param length its size in bytes
 * @param lastModified when it was written (objects are never rewritten, so: when it was stored)
 */
public record StoredObjectInfo(String key, long length, Instant lastModified) {
}
