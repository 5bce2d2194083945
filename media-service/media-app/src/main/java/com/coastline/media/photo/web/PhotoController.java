package com.coastline.media.photo.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.coastline.media.file.FileResponses;
import com.coastline.media.photo.PhotoManagement;
import com.coastline.media.photo.PhotoManagement.PhotoFile;
import com.coastline.media.photo.Rendition;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Back-office photo API (staff and admin clients; platform-web enforces it on {@code /api/**}). Every id
 * is looked up within the token's workspace: another workspace's ids answer 404.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class PhotoController {

	private final PhotoManagement photos;

	PhotoController(PhotoManagement photos) {
		this.photos = photos;
	}

	/** Uploads a JPEG or PNG photo (multipart part {@code file}); it starts private. */
	@PostMapping(path = "/projects/{projectId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<PhotoView> upload(@PathVariable UUID projectId, @RequestPart("file") MultipartFile file) {
		PhotoView view = PhotoView.of(this.photos.upload(projectId, file));
		return ResponseEntity.created(URI.create("/api/photos/" + view.id())).body(view);
	}

	@GetMapping("/projects/{projectId}/photos")
	List<PhotoView> ofProject(@PathVariable UUID projectId) {
		return this.photos.ofProject(projectId).stream().map(PhotoView::of).toList();
	}

	@GetMapping("/photos/{photoId}")
	PhotoView get(@PathVariable UUID photoId) {
		return PhotoView.of(this.photos.get(photoId));
	}

	/**
	 * Deletes the photo, its original and its renditions; a portal link to it answers 404 from now on. 204, and
	 * 404 for an unknown id (another workspace's, or one already deleted).
	 */
	@DeleteMapping("/photos/{photoId}")
	ResponseEntity<Void> delete(@PathVariable UUID photoId) {
		this.photos.delete(photoId);
		return ResponseEntity.noContent().build();
	}

	/** <em>Add to customer portal</em>, for one or many photos at once (all or none). */
	@PostMapping(path = "/photos/add-to-portal", consumes = MediaType.APPLICATION_JSON_VALUE)
	List<PhotoView> addToPortal(@Valid @RequestBody PhotoSelection selection) {
		return this.photos.showOnPortal(selection.photoIds(), true).stream().map(PhotoView::of).toList();
	}

	/** <em>Remove from customer portal</em>, for one or many photos at once (all or none). */
	@PostMapping(path = "/photos/remove-from-portal", consumes = MediaType.APPLICATION_JSON_VALUE)
	List<PhotoView> removeFromPortal(@Valid @RequestBody PhotoSelection selection) {
		return this.photos.showOnPortal(selection.photoIds(), false).stream().map(PhotoView::of).toList();
	}

	@GetMapping(path = "/photos/{photoId}/thumbnail", produces = MediaType.ALL_VALUE)
	ResponseEntity<Resource> thumbnail(@PathVariable UUID photoId) {
		return rendition(this.photos.rendition(photoId, Rendition.THUMBNAIL));
	}

	@GetMapping(path = "/photos/{photoId}/web", produces = MediaType.ALL_VALUE)
	ResponseEntity<Resource> web(@PathVariable UUID photoId) {
		return rendition(this.photos.rendition(photoId, Rendition.WEB));
	}

	/** The original, metadata included: staff only, never reachable from the portal. */
	@GetMapping(path = "/photos/{photoId}/original", produces = MediaType.ALL_VALUE)
	ResponseEntity<Resource> original(@PathVariable UUID photoId) {
		PhotoFile file = this.photos.original(photoId);
		return FileResponses.attachment(this.photos.open(file), file.mediaType(), file.fileName(), -1);
	}

	private ResponseEntity<Resource> rendition(PhotoFile file) {
		return FileResponses.inline(this.photos.open(file), file.mediaType(), file.fileName());
	}

	/** @param photoIds the photos, 1 to 200 */
	record PhotoSelection(@NotNull @NotEmpty @Size(max = 200) List<@NotNull UUID> photoIds) {
	}
}
