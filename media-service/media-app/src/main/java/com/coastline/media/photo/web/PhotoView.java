package com.coastline.media.photo.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.media.photo.Photo;

/**
 * A photo as the back office sees it.
 *
 * @param id the photo
 * @param projectId its project
 * @param fileName the uploaded file's name (sanitised; display only)
 * @param contentType the original's type, detected from its content
 * @param size the original's size in bytes
 * @param width upright width in pixels
 * @param height upright height in pixels
 * @param uploadedBy who uploaded it
 * @param uploadedAt when
 * @param onPortal whether it is on the customer portal
 * @param visibilityChangedBy who last added it to or removed it from the portal
 * @param visibilityChangedAt when
 * @param thumbnailUrl the thumbnail
 * @param webUrl the web rendition
 * @param originalUrl the original, as uploaded (back office only)
 */
public record PhotoView(UUID id, UUID projectId, String fileName, String contentType, long size, int width, int height,
		String uploadedBy, Instant uploadedAt, boolean onPortal, String visibilityChangedBy, Instant visibilityChangedAt,
		String thumbnailUrl, String webUrl, String originalUrl) {

	static PhotoView of(Photo photo) {
		String base = "/api/photos/" + photo.getId();
		return new PhotoView(photo.getId(), photo.projectId(), photo.fileName(), photo.contentType(),
				photo.originalSize(), photo.width(), photo.height(), photo.uploadedBy(), photo.uploadedAt(),
				photo.onPortal(), photo.visibilityChangedBy(), photo.visibilityChangedAt(), base + "/thumbnail",
				base + "/web", base + "/original");
	}
}
