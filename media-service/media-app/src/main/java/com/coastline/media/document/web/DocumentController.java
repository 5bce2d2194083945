package com.coastline.media.document.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.coastline.media.document.Document;
import com.coastline.media.document.DocumentManagement;
import com.coastline.media.file.FileResponses;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Back-office document API (staff and admin clients); ids of other workspaces answer 404. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class DocumentController {

	private final DocumentManagement documents;

	DocumentController(DocumentManagement documents) {
		this.documents = documents;
	}

	/** Uploads a PDF or office document (multipart part {@code file}); it starts unshared. */
	@PostMapping(path = "/projects/{projectId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<DocumentView> upload(@PathVariable UUID projectId, @RequestPart("file") MultipartFile file) {
		DocumentView view = DocumentView.of(this.documents.upload(projectId, file));
		return ResponseEntity.created(URI.create("/api/documents/" + view.id())).body(view);
	}

	@GetMapping("/projects/{projectId}/documents")
	List<DocumentView> ofProject(@PathVariable UUID projectId) {
		return this.documents.ofProject(projectId).stream().map(DocumentView::of).toList();
	}

	@GetMapping("/documents/{documentId}")
	DocumentView get(@PathVariable UUID documentId) {
		return DocumentView.of(this.documents.get(documentId));
	}

	@PostMapping("/documents/{documentId}/share")
	DocumentView share(@PathVariable UUID documentId) {
		return DocumentView.of(this.documents.share(documentId, true));
	}

	@PostMapping("/documents/{documentId}/unshare")
	DocumentView unshare(@PathVariable UUID documentId) {
		return DocumentView.of(this.documents.share(documentId, false));
	}

	/**
	 * Deletes the document and its file; a portal link to it answers 404 from now on. 204, and 404 for an
	 * unknown id (another workspace's, or one already deleted).
	 */
	@DeleteMapping("/documents/{documentId}")
	ResponseEntity<Void> delete(@PathVariable UUID documentId) {
		this.documents.delete(documentId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = "/documents/{documentId}/file", produces = MediaType.ALL_VALUE)
	ResponseEntity<Resource> file(@PathVariable UUID documentId) {
		Document document = this.documents.get(documentId);
		return FileResponses.attachment(this.documents.open(document), document.contentType(), document.fileName(),
				document.size());
	}
}
