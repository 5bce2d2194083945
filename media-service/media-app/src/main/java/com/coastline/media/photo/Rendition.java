package com.coastline.media.photo;

/** The renditions of a photo that clients may download; the original is never one of them. */
public enum Rendition {

	/** Small, for galleries. */
	THUMBNAIL,

	/** Screen-sized, for viewing and downloading. */
	WEB
}
