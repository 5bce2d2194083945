package com.coastline.media.api;

/** Topics and CloudEvents types that media-service publishes. */
public final class MediaTopics {

	/** Photo and document events; photo events are keyed by photo id, document events by document id. */
	public static final String EVENTS = "media.events";

	public static final String PHOTO_ADDED = "coastline.media.PhotoAdded.v1";

	public static final String PHOTO_SHARED = "coastline.media.PhotoShared.v1";

	public static final String PHOTO_UNSHARED = "coastline.media.PhotoUnshared.v1";

	public static final String PHOTO_DELETED = "coastline.media.PhotoDeleted.v1";

	public static final String DOCUMENT_SHARED = "coastline.media.DocumentShared.v1";

	public static final String DOCUMENT_UNSHARED = "coastline.media.DocumentUnshared.v1";

	public static final String DOCUMENT_DELETED = "coastline.media.DocumentDeleted.v1";

	private MediaTopics() {
	}
}
