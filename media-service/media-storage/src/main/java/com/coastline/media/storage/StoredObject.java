package com.coastline.media.storage;

/**
 * An object in the store.
 *
 * @param key its key, chosen by the store
 * @param length its size in bytes
 */
public record StoredObject(String key, long length) {
}
