package com.coastline.media.file;

import java.util.Set;

/**
 * What a file is, judged from its content.
 *
 * @param mediaType the detected media type, e.g. {@code image/jpeg}
 */
public record FileType(String mediaType) {

	/** Photos media-service renders: what browsers show and pure-Java decoders read. */
	public static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png");

	/**
	 * HEIC/HEIF (iPhone photos) and AVIF: no well-kept pure-Java decoder reads them, so they are refused
	 * with a message that says how to send a JPEG instead.
	 */
	static final Set<String> HEIF_TYPES = Set.of("image/heic", "image/heif", "image/heic-sequence",
			"image/heif-sequence", "image/avif");

	/** Documents: PDF and the common office formats (Microsoft Office, OpenDocument). */
	public static final Set<String> DOCUMENT_TYPES = Set.of("application/pdf", "application/msword",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-powerpoint",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation",
			"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
			"application/vnd.oasis.opendocument.presentation");

	public boolean isPhoto() {
		return PHOTO_TYPES.contains(this.mediaType);
	}

	public boolean isHeif() {
		return HEIF_TYPES.contains(this.mediaType);
	}

	public boolean isDocument() {
		return DOCUMENT_TYPES.contains(this.mediaType);
	}
}
