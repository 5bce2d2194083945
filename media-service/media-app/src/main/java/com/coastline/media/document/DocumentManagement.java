package com.coastline.media.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.media.api.DocumentDeleted;
import com.coastline.media.api.DocumentShared;
import com.coastline.media.api.DocumentUnshared;
import com.coastline.media.file.FileNames;
import com.coastline.media.file.FileType;
import com.coastline.media.file.FileTypes;
import com.coastline.media.file.UnsupportedFileType;
import com.coastline.media.project.ProjectAccess;
import com.coastline.media.project.ProjectMembership;
import com.coastline.media.storage.MediaStorage;
import com.coastline.media.storage.StoredObject;
import com.coastline.platform.web.problem.BadRequestException;
import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.problem.UnprocessableException;
import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.platform.web.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/** The document use cases: upload, list, share or unshare with the client, delete, and downloads. */
@Service
public class DocumentManagement {

	private static final Logger log = LoggerFactory.getLogger(DocumentManagement.class);

	private final Documents documents;

	private final ProjectMembership projects;

	private final FileTypes fileTypes;

	private final MediaStorage storage;

	private final CurrentTenant tenant;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DocumentManagement(Documents documents, ProjectMembership projects, FileTypes fileTypes, MediaStorage storage,
			CurrentTenant tenant, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.documents = documents;
		this.projects = projects;
		this.fileTypes = fileTypes;
		this.storage = storage;
		this.tenant = tenant;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Checks the file (PDF or an office format, by its content), stores it and records the document, private. */
	public Document upload(UUID projectId, MultipartFile file) {
		Tenant by = this.tenant.get();
		ProjectAccess project = this.projects.require(projectId);
		if (file.isEmpty()) {
			throw new BadRequestException("The file is empty.");
		}
		StoredObject stored;
		FileType type;
		try (InputStream in = file.getInputStream()) {
			type = this.fileTypes.requireDocument(this.fileTypes.detect(in, file.getOriginalFilename()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded document", ex);
		}
		try (InputStream in = file.getInputStream()) {
			stored = this.storage.store(in, file.getSize(), type.mediaType());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store the uploaded document", ex);
		}
		String fileName = FileNames.sanitise(file.getOriginalFilename(), "document");
		try {
			return this.transactions.execute((status) -> this.documents.save(new Document(project.projectId(), fileName,
					type.mediaType(), stored.key(), stored.length(), by.subject(), this.clock.instant())));
		}
		catch (RuntimeException ex) {
			try {
				this.storage.delete(stored.key());
			}
			catch (RuntimeException deleteFailure) {
				log.warn("Could not delete stored object {} of a failed upload", stored.key(), deleteFailure);
			}
			throw ex;
		}
	}

	@Transactional(readOnly = true)
	public List<Document> ofProject(UUID projectId) {
		this.projects.require(projectId);
		return this.documents.findByProjectIdOrderByUploadedAtAscIdAsc(projectId);
	}

	@Transactional(readOnly = true)
	public Document get(UUID documentId) {
		return this.documents.findById(documentId).orElseThrow(() -> new NotFoundException("Document", documentId));
	}

	/** Shares the document with the client or unshares it; the same state again changes nothing. */
	@Transactional
	public Document share(UUID documentId, boolean share) {
		Document document = get(documentId);
		if (share && !document.shared()) {
			requireClientCopy(document);
		}
		String by = this.tenant.get().subject();
		Instant now = this.clock.instant();
		if (document.share(share, by, now)) {
			UUID workspace = this.tenant.requireWorkspace();
			this.events.publishEvent(share
					? new DocumentShared(UUID.randomUUID(), workspace, document.projectId(), documentId,
							document.fileName(), document.contentType(), by, now)
					: new DocumentUnshared(UUID.randomUUID(), workspace, document.projectId(), documentId, by, now));
		}
		return document;
	}

	/**
	 * Deletes a document: the row goes (with a {@link DocumentUnshared} first if it was shared, then
	 * {@link DocumentDeleted}, both through the outbox), and after the commit its file. A file that cannot be
	 * deleted then is left to the orphaned-file cleanup; no link reaches it any more.
	 */
	public void delete(UUID documentId) {
		String by = this.tenant.get().subject();
		Document deleted = this.transactions.execute((status) -> {
			Document document = get(documentId);
			UUID workspace = this.tenant.requireWorkspace();
			Instant now = this.clock.instant();
			boolean wasShared = document.shared();
			if (wasShared) {
				this.events.publishEvent(new DocumentUnshared(UUID.randomUUID(), workspace, document.projectId(),
						documentId, by, now));
			}
			this.documents.delete(document);
			this.events.publishEvent(new DocumentDeleted(UUID.randomUUID(), workspace, document.projectId(),
					documentId, wasShared, by, now));
			return document;
		});
		log.info("Document {} of project {} deleted by {} (it was {}shared)", documentId, deleted.projectId(), by,
				deleted.shared() ? "" : "not ");
		try {
			this.storage.delete(deleted.storageKey());
		}
		catch (RuntimeException ex) {
			log.warn("Could not delete stored object {}; the orphaned-file cleanup will", deleted.storageKey(), ex);
		}
	}

	/**
	 * Clients get documents without their metadata, so a document that cannot be cleaned is refused when it is
	 * shared, not when a client downloads it: a legacy Office file (no tool here removes its properties), or a
	 * damaged or password-protected one.
	 */
	private void requireClientCopy(Document document) {
		if (!ClientCopies.cleanable(document.contentType())) {
			throw new UnsupportedFileType("Legacy Office files (.doc, .xls, .ppt) cannot be shared: their author and"
					+ " device details cannot be removed. Save it as .docx, .xlsx, .pptx or PDF, upload that and share it.",
					new FileType(document.contentType()));
		}
		try (InputStream original = open(document);
				InputStream copy = ClientCopies.withoutMetadata(document.contentType(), original).content()) {
			copy.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException | UncheckedIOException ex) {
			throw new UnprocessableException("This document cannot be shared: it could not be read to remove its"
					+ " metadata (it may be damaged or password-protected). Upload it again as a plain PDF.");
		}
	}

	/** The shared documents of a project, if the contact may see the project; else 404. */
	@Transactional(readOnly = true)
	public List<Document> portalDocuments(UUID projectId, UUID contactId) {
		this.projects.visibleTo(projectId, contactId).orElseThrow(() -> new NotFoundException("Project", projectId));
		return this.documents.findByProjectIdAndSharedTrueOrderByUploadedAtAscIdAsc(projectId)
			.stream()
			.filter(DocumentManagement::servable)
			.toList();
	}

	/** The document for a client, checked now: shared, and the contact may see its project; else 404. */
	@Transactional(readOnly = true)
	public Document portalDocument(UUID documentId, UUID contactId) {
		return this.documents.findById(documentId)
			.filter(Document::shared)
			.filter(DocumentManagement::servable)
			.filter((candidate) -> this.projects.visibleTo(candidate.projectId(), contactId).isPresent())
			.orElseThrow(() -> new NotFoundException("Document", documentId));
	}

	/**
	 * Whether clients may get the document: a legacy Office file shared before sharing refused them stays
	 * invisible to clients (404) rather than failing at download.
	 */
	private static boolean servable(Document document) {
		return ClientCopies.cleanable(document.contentType());
	}

	/** Opens the stored file as uploaded (back office); the caller closes it. */
	public InputStream open(Document document) {
		return this.storage.open(document.storageKey());
	}

	/**
	 * Opens what a client downloads, made now from the stored original (which is left as it is): PDFs without
	 * their document information dictionary, XMP metadata and JPEG images' EXIF; Word/Excel/PowerPoint and
	 * OpenDocument files without their properties parts and with their pictures' metadata removed. Legacy
	 * Office files are never served (they cannot be shared).
	 * @return the content (the caller closes it) and its length
	 */
	public ClientFile openForClient(Document document) {
		if (!ClientCopies.cleanable(document.contentType())) {
			throw new IllegalStateException("A " + document.contentType() + " document cannot be served to clients");
		}
		try (InputStream original = open(document)) {
			ClientCopies.ClientCopy copy = ClientCopies.withoutMetadata(document.contentType(), original);
			return new ClientFile(copy.content(), copy.length());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read a stored document", ex);
		}
	}

	/**
	 * A document's content for a client.
	 *
	 * @param content the bytes; the caller closes it
	 * @param length their number
	 */
	public record ClientFile(InputStream content, long length) {
	}
}
