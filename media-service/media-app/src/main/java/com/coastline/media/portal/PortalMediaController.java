package com.coastline.media.portal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.media.document.Document;
import com.coastline.media.document.DocumentManagement;
import com.coastline.media.file.FileResponses;
import com.coastline.media.photo.Photo;
import com.coastline.media.photo.PhotoManagement;
import com.coastline.media.photo.PhotoManagement.PhotoFile;
import com.coastline.media.photo.Rendition;
import com.coastline.platform.web.tenant.CurrentTenant;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a client sees in the portal (client tokens only; platform-web enforces it on {@code /portal/**}):
 * the photos on the portal and the shared documents of the projects their contact may see. Every request,
 * downloads included, checks visibility again; anything not visible answers 404 (never told apart from a
 * missing id). The originals are never reachable here.
 */
@RestController
@RequestMapping(path = "/portal", produces = MediaType.APPLICATION_JSON_VALUE)
class PortalMediaController {

	private final PhotoManagement photos;

	private final DocumentManagement documents;

	private final CurrentTenant tenant;

	PortalMediaController(PhotoManagement photos, DocumentManagement documents, CurrentTenant tenant) {
		this.photos = photos;
		this.documents = documents;
		this.tenant = tenant;
	}

	@GetMapping("/projects/{projectId}/photos")
	List<PortalPhoto> gallery(@PathVariable UUID projectId) {
		return this.photos.portalGallery(projectId, contact()).stream().map(PortalPhoto::of).toList();
	}

	@GetMapping("/projects/{projectId}/documents")
	List<PortalDocument> documents(@PathVariable UUID projectId) {
		return this.documents.portalDocuments(projectId, contact()).stream().map(PortalDocument::of).toList();
	}

	@GetMapping(path = "/photos/{photoId}/thumbnail", produces = MediaType.ALL_VALUE)
	ResponseEntity<Resource> thumbnail(@PathVariable UUID photoId) {
		return send(this.photos.portalRendition(photoId, Rendition.THUMBNAIL, contact()));
	}

	@GetMapping(path = "/photos/{photoId}/web", produces = MediaType.ALL_VALUE)
	ResponseEntity<Resource> web(@PathVariable UUID photoId) {
		return send(this.photos.portalRendition(photoId, Rendition.WEB, contact()));
	}

	@GetMapping(path = "/documents/{documentId}/file", produces = MediaType.ALL_VALUE)
	ResponseEntity<Resource> document(@PathVariable UUID documentId) {
		Document document = this.documents.portalDocument(documentId, contact());
		DocumentManagement.ClientFile file = this.documents.openForClient(document);
		return FileResponses.attachment(file.content(), document.contentType(), document.fileName(), file.length());
	}

	private ResponseEntity<Resource> send(PhotoFile file) {
		return FileResponses.inline(this.photos.open(file), file.mediaType(), file.fileName());
	}

	private UUID contact() {
		return this.tenant.get().contactId();
	}

	/**
	 * A photo in the portal gallery.
	 *
	 * @param id the photo
	 * @param projectId its project
	 * @param width upright width of the photo
	 * @param height upright height
	 * @param addedAt when it was added to the portal
	 * @param thumbnailUrl the thumbnail (metadata removed)
	 * @param webUrl the web rendition (metadata removed)
	 */
	record PortalPhoto(UUID id, UUID projectId, int width, int height, Instant addedAt, String thumbnailUrl,
			String webUrl) {

		static PortalPhoto of(Photo photo) {
			String base = "/portal/photos/" + photo.getId();
			return new PortalPhoto(photo.getId(), photo.projectId(), photo.width(), photo.height(),
					photo.visibilityChangedAt(), base + "/thumbnail", base + "/web");
		}
	}

	/**
	 * A shared document.
	 *
	 * @param id the document
	 * @param projectId its project
	 * @param fileName its name
	 * @param contentType its type
	 * @param size its size in bytes
	 * @param sharedAt when it was shared
	 * @param fileUrl the file
	 */
	record PortalDocument(UUID id, UUID projectId, String fileName, String contentType, long size, Instant sharedAt,
			String fileUrl) {

		static PortalDocument of(Document document) {
			return new PortalDocument(document.getId(), document.projectId(), document.fileName(),
					document.contentType(), document.size(), document.visibilityChangedAt(),
					"/portal/documents/" + document.getId() + "/file");
		}
	}
}
