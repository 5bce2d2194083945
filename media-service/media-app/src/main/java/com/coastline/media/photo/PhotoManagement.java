package com.coastline.media.photo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.coastline.media.api.PhotoAdded;
import com.coastline.media.api.PhotoDeleted;
import com.coastline.media.api.PhotoShared;
import com.coastline.media.api.PhotoUnshared;
import com.coastline.media.file.FileNames;
import com.coastline.media.file.FileType;
import com.coastline.media.file.FileTypes;
import com.coastline.media.project.ProjectAccess;
import com.coastline.media.project.ProjectMembership;
import com.coastline.media.storage.MediaStorage;
import com.coastline.media.storage.StoredObject;
import com.coastline.platform.web.problem.BadRequestException;
import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.platform.web.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/** The photo use cases: upload, list, add to or remove from the customer portal, delete, and downloads. */
@Service
public class PhotoManagement {

	private static final Logger log = LoggerFactory.getLogger(PhotoManagement.class);

	/** Enough for a whole job's photos at once; bounds the work of one request. */
	static final int MAX_BATCH = 200;

	private final Photos photos;

	private final ProjectMembership projects;

	private final FileTypes fileTypes;

	private final PhotoRenderer renderer;

	private final MediaStorage storage;

	private final CurrentTenant tenant;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PhotoManagement(Photos photos, ProjectMembership projects, FileTypes fileTypes, PhotoRenderer renderer,
			MediaStorage storage, CurrentTenant tenant, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock) {
		this.photos = photos;
		this.projects = projects;
		this.fileTypes = fileTypes;
		this.renderer = renderer;
		this.storage = storage;
		this.tenant = tenant;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Checks the file (a JPEG or PNG by its content), renders its renditions, stores all three and records
	 * the photo, private. The files are stored before the transaction; if recording fails they are deleted.
	 */
	public Photo upload(UUID projectId, MultipartFile file) {
		Tenant by = this.tenant.get();
		ProjectAccess project = this.projects.require(projectId);
		if (file.isEmpty()) {
			throw new BadRequestException("The file is empty.");
		}
		FileType type = this.fileTypes.requirePhoto(detect(file));
		PhotoRenderer.Rendered rendered;
		try {
			rendered = this.renderer.render(file, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded photo", ex);
		}
		List<String> stored = new ArrayList<>();
		try {
			StoredObject original;
			try (InputStream in = file.getInputStream()) {
				original = this.storage.store(in, file.getSize(), type.mediaType());
			}
			stored.add(original.key());
			StoredObject thumbnail = storeBytes(rendered.thumbnail(), rendered.mediaType());
			stored.add(thumbnail.key());
			StoredObject web = storeBytes(rendered.web(), rendered.mediaType());
			stored.add(web.key());
			StoredPhoto objects = new StoredPhoto(original.key(), original.length(), thumbnail.key(), web.key(),
					rendered.mediaType(), rendered.width(), rendered.height());
			String fileName = FileNames.sanitise(file.getOriginalFilename(), "photo");
			return this.transactions.execute((status) -> {
				Instant now = this.clock.instant();
				Photo photo = this.photos.save(new Photo(project.projectId(), fileName, type.mediaType(), objects,
						by.subject(), now));
				this.events.publishEvent(new PhotoAdded(UUID.randomUUID(), this.tenant.requireWorkspace(),
						photo.projectId(), photo.getId(), photo.contentType(), photo.width(), photo.height(),
						by.subject(), now));
				return photo;
			});
		}
		catch (IOException ex) {
			deleteQuietly(stored);
			throw new UncheckedIOException("Could not store the uploaded photo", ex);
		}
		catch (RuntimeException ex) {
			deleteQuietly(stored);
			throw ex;
		}
	}

	@Transactional(readOnly = true)
	public List<Photo> ofProject(UUID projectId) {
		this.projects.require(projectId);
		return this.photos.findByProjectIdOrderByUploadedAtAscIdAsc(projectId);
	}

	@Transactional(readOnly = true)
	public Photo get(UUID photoId) {
		return this.photos.findById(photoId).orElseThrow(() -> new NotFoundException("Photo", photoId));
	}

	/**
	 * Adds photos to the customer portal or removes them: all of them or, if one is unknown, none.
	 * Photos already in the asked state stay as they are (no new record, no event).
	 */
	@Transactional
	public List<Photo> showOnPortal(Collection<UUID> photoIds, boolean show) {
		Set<UUID> ids = new LinkedHashSet<>(photoIds);
		if (ids.isEmpty() || ids.size() > MAX_BATCH) {
			throw new BadRequestException("Name between 1 and " + MAX_BATCH + " photos.");
		}
		Map<UUID, Photo> found = this.photos.findByIdIn(ids).stream()
			.collect(Collectors.toMap(Photo::getId, Function.identity()));
		for (UUID id : ids) {
			if (!found.containsKey(id)) {
				throw new NotFoundException("Photo", id);
			}
		}
		String by = this.tenant.get().subject();
		UUID workspace = this.tenant.requireWorkspace();
		Instant now = this.clock.instant();
		List<Photo> result = new ArrayList<>();
		for (UUID id : ids) {
			Photo photo = found.get(id);
			if (photo.showOnPortal(show, by, now)) {
				this.events.publishEvent(show
						? new PhotoShared(UUID.randomUUID(), workspace, photo.projectId(), id, by, now)
						: new PhotoUnshared(UUID.randomUUID(), workspace, photo.projectId(), id, by, now));
			}
			result.add(photo);
		}
		return result;
	}

	/**
	 * Deletes a photo: the row goes (with a {@link PhotoUnshared} first if it was on the portal, then
	 * {@link PhotoDeleted}, both through the outbox), and after the commit its original and renditions. A
	 * stored object that cannot be deleted then is left to the orphaned-file cleanup; no link reaches it any
	 * more, since every download looks the photo up first.
	 */
	public void delete(UUID photoId) {
		String by = this.tenant.get().subject();
		Photo deleted = this.transactions.execute((status) -> {
			Photo photo = get(photoId);
			UUID workspace = this.tenant.requireWorkspace();
			Instant now = this.clock.instant();
			boolean wasOnPortal = photo.onPortal();
			if (wasOnPortal) {
				this.events.publishEvent(new PhotoUnshared(UUID.randomUUID(), workspace, photo.projectId(), photoId, by,
						now));
			}
			this.photos.delete(photo);
			this.events.publishEvent(new PhotoDeleted(UUID.randomUUID(), workspace, photo.projectId(), photoId,
					wasOnPortal, by, now));
			return photo;
		});
		log.info("Photo {} of project {} deleted by {} (it was {}on the customer portal)", photoId, deleted.projectId(),
				by, deleted.onPortal() ? "" : "not ");
		deleteQuietly(deleted.storedKeys());
	}

	/** A rendition for staff (any photo of the workspace). */
	@Transactional(readOnly = true)
	public PhotoFile rendition(UUID photoId, Rendition rendition) {
		Photo photo = get(photoId);
		return new PhotoFile(photo.keyOf(rendition), photo.renditionType(), renditionName(photo));
	}

	/** The original as uploaded, metadata and all: for staff only, never on a portal path. */
	@Transactional(readOnly = true)
	public PhotoFile original(UUID photoId) {
		Photo photo = get(photoId);
		return new PhotoFile(photo.originalKey(), photo.contentType(), photo.fileName());
	}

	/** The photos of a project on the customer portal, if the contact may see the project; else 404. */
	@Transactional(readOnly = true)
	public List<Photo> portalGallery(UUID projectId, UUID contactId) {
		this.projects.visibleTo(projectId, contactId).orElseThrow(() -> new NotFoundException("Project", projectId));
		return this.photos.findByProjectIdAndOnPortalTrueOrderByUploadedAtAscIdAsc(projectId);
	}

	/**
	 * A rendition for a client, checked now: the photo is on the portal and the contact may see its
	 * project. Anything else answers 404, whatever link the client kept.
	 */
	@Transactional(readOnly = true)
	public PhotoFile portalRendition(UUID photoId, Rendition rendition, UUID contactId) {
		Photo photo = this.photos.findById(photoId)
			.filter(Photo::onPortal)
			.filter((candidate) -> this.projects.visibleTo(candidate.projectId(), contactId).isPresent())
			.orElseThrow(() -> new NotFoundException("Photo", photoId));
		return new PhotoFile(photo.keyOf(rendition), photo.renditionType(), renditionName(photo));
	}

	/** Opens a stored file; the caller closes it. */
	public InputStream open(PhotoFile file) {
		return this.storage.open(file.key());
	}

	private FileType detect(MultipartFile file) {
		try (InputStream in = file.getInputStream()) {
			return this.fileTypes.detect(in, file.getOriginalFilename());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded photo", ex);
		}
	}

	private StoredObject storeBytes(byte[] bytes, String mediaType) {
		return this.storage.store(new ByteArrayInputStream(bytes), bytes.length, mediaType);
	}

	private void deleteQuietly(List<String> keys) {
		for (String key : keys) {
			try {
				this.storage.delete(key);
			}
			catch (RuntimeException ex) {
				log.warn("Could not delete stored object {}; the orphaned-file cleanup will", key, ex);
			}
		}
	}

	/** The rendition's download name: the original's name with the rendition's extension. */
	private static String renditionName(Photo photo) {
		String name = photo.fileName();
		int dot = name.lastIndexOf('.');
		String base = (dot > 0) ? name.substring(0, dot) : name;
		return base + ("image/png".equals(photo.renditionType()) ? ".png" : ".jpg");
	}

	/**
	 * A file to send.
	 *
	 * @param key the stored object
	 * @param mediaType its type
	 * @param fileName the name to offer
	 */
	public record PhotoFile(String key, String mediaType, String fileName) {
	}
}
