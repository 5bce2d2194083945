package com.coastline.media.photo;

/** The stored objects of a photo and its displayed size. */
record StoredPhoto(String originalKey, long originalSize, String thumbnailKey, String webKey, String renditionType,
		int width, int height) {
}
