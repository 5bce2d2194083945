package com.coastline.media.document.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.media.document.Document;

/**
 * A document as the back office sees it.
 *
 * @param id the document
 * @param projectId its project
 * @param fileName the uploaded file's name (sanitised)
 * @param contentType its type, detected from its content
 * @param size its size in bytes
 * @param uploadedBy who uploaded it
 * @param uploadedAt when
 * @param shared whether the client can see it
 * @param visibilityChangedBy who last shared or unshared it
 * @param visibilityChangedAt when
 * @param fileUrl the file
 */
public record DocumentView(UUID id, UUID projectId, String fileName, String contentType, long size, String uploadedBy,
		Instant uploadedAt, boolean shared, String visibilityChangedBy, Instant visibilityChangedAt, String fileUrl) {

	static DocumentView of(Document document) {
		return new DocumentView(document.getId(), document.projectId(), document.fileName(), document.contentType(),
				document.size(), document.uploadedBy(), document.uploadedAt(), document.shared(),
				document.visibilityChangedBy(), document.visibilityChangedAt(),
				"/api/documents/" + document.getId() + "/file");
	}
}
