package com.coastline.portal.signin.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.portal.profile.PublicPortal;
import com.coastline.portal.signin.ClientToken;
import com.coastline.portal.signin.ClientTokens;
import com.coastline.portal.signin.web.ClientServices.Call;
import com.coastline.portal.signin.web.ClientServices.Section;
import com.coastline.portal.signin.web.ClientViews.Document;
import com.coastline.portal.signin.web.ClientViews.Photo;
import com.coastline.portal.signin.web.ClientViews.PhotoView;
import com.coastline.portal.signin.web.ClientViews.Project;
import com.coastline.portal.signin.web.ClientViews.ProjectDocuments;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The signed-in client's photos and documents: the full-size photo viewer (one of a project's shared photos,
 * its place among them, previous and next), its web-size image and its download, a document's download, and
 * the documents page (the shared documents of all the client's projects). Every file is fetched from
 * media-service with the client's JWT on every request (a photo or document removed a second ago is gone),
 * relayed as it arrives ({@link MediaDownloads}), never cached and never sniffed. Another contact's, another
 * workspace's or an unknown id (media-service's or project-service's 404, or a malformed id) is the 404 page.
 */
@Controller
class MediaPages {

	private static final ParameterizedTypeReference<List<Photo>> PHOTOS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Document>> DOCUMENTS = new ParameterizedTypeReference<>() {
	};

	static final ParameterizedTypeReference<List<Project>> PROJECTS = new ParameterizedTypeReference<>() {
	};

	private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	private final PortalAddresses addresses;

	private final ClientTokens tokens;

	private final ClientServices services;

	private final MediaDownloads downloads;

	MediaPages(PortalAddresses addresses, ClientTokens tokens, ClientServices services, MediaDownloads downloads) {
		this.addresses = addresses;
		this.tokens = tokens;
		this.services = services;
		this.downloads = downloads;
	}

	/**
	 * The photo viewer: the web-size photo, "Photo 3 of 8", previous and next within the project's shared
	 * photos, Download and Back to project. The project is in the address ({@code ?project=}); a photo not among
	 * that project's shared photos is the 404 page.
	 */
	@GetMapping("/p/{slug}/photos/{id}")
	ModelAndView photo(@PathVariable String slug, @PathVariable String id,
			@RequestParam(name = "project", required = false) String project, HttpServletRequest request) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<ClientToken> token = this.tokens.current(request, portal.workspaceId());
		if (token.isEmpty()) {
			return Pages.signIn(portal);
		}
		UUID photoId = Pages.uuid(id);
		UUID projectId = (project != null) ? Pages.uuid(project) : null;
		if (photoId == null || projectId == null) {
			return Pages.notFound(portal);
		}
		Call<Project> projectCall = this.services.project(token.get(),
				(rest) -> rest.get().uri("/portal/projects/{id}", projectId).retrieve().body(Project.class));
		Call<List<Photo>> galleryCall = gallery(token.get(), projectId);
		Section<Project> details = projectCall.section();
		Section<List<Photo>> gallery = galleryCall.section();
		if (details.state() == Section.State.SIGNED_OUT || gallery.state() == Section.State.SIGNED_OUT) {
			return Pages.signIn(portal);
		}
		if (details.state() == Section.State.NOT_FOUND || gallery.state() == Section.State.NOT_FOUND) {
			return Pages.notFound(portal);
		}
		String projectName = details.available() ? details.value().name() : null;
		ModelAndView page = Pages.page("portal/photo", portal).addObject(Navigation.ATTRIBUTE, Navigation.PROJECT)
			.addObject("projectId", projectId)
			.addObject("projectName", projectName);
		if (!gallery.available()) {
			return page.addObject("photo", null);
		}
		List<Photo> photos = gallery.value();
		int index = -1;
		for (int i = 0; i < photos.size(); i++) {
			if (photoId.equals(photos.get(i).id())) {
				index = i;
			}
		}
		if (index < 0) {
			return Pages.notFound(portal);
		}
		Photo photo = photos.get(index);
		int position = index + 1;
		String alt = ((projectName != null) ? "Photo " + position + " of " + photos.size() + " of " + projectName
				: "Project photo " + position + " of " + photos.size())
				+ (photo.addedOn().isEmpty() ? "" : ", added " + photo.addedOn());
		return page.addObject("photo",
				new PhotoView(photo.id(), projectId, projectName, position, photos.size(), alt, photo.addedOn(),
						photo.width(), photo.height(), (index > 0) ? photos.get(index - 1).id() : null,
						(index < photos.size() - 1) ? photos.get(index + 1).id() : null));
	}

	/**
	 * The photo's web-size rendition (media-service's {@code /portal/photos/{id}/web}), to show on the viewer;
	 * like the thumbnail, {@code 404} when media-service refuses it or there is no session, {@code 503} when it
	 * is down.
	 */
	@GetMapping("/p/{slug}/photos/{id}/image")
	void image(@PathVariable String slug, @PathVariable String id, HttpServletRequest request,
			HttpServletResponse response) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<ClientToken> token = this.tokens.current(request, portal.workspaceId());
		UUID photoId = Pages.uuid(id);
		Section<MediaFile> file = (token.isPresent() && photoId != null)
				? this.downloads.open(token.get(), "/portal/photos/{id}/web", photoId) : Section.notFound();
		if (!file.available()) {
			response.setStatus((file.state() == Section.State.UNAVAILABLE) ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
					: HttpServletResponse.SC_NOT_FOUND);
			response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
			return;
		}
		file.value().send(response, imageType(file.value()), null);
	}

	/**
	 * The photo's web-size rendition to save (metadata was never in it), named {@code photo-<date added>.jpg}
	 * when the address names its project ({@code ?project=}), else {@code photo.jpg}.
	 */
	@GetMapping("/p/{slug}/photos/{id}/download")
	ModelAndView downloadPhoto(@PathVariable String slug, @PathVariable String id,
			@RequestParam(name = "project", required = false) String project, HttpServletRequest request,
			HttpServletResponse response) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<ClientToken> token = this.tokens.current(request, portal.workspaceId());
		if (token.isEmpty()) {
			return Pages.signIn(portal);
		}
		UUID photoId = Pages.uuid(id);
		if (photoId == null) {
			return Pages.notFound(portal);
		}
		UUID projectId = (project != null) ? Pages.uuid(project) : null;
		Call<List<Photo>> galleryCall = (projectId != null) ? gallery(token.get(), projectId) : null;
		Section<MediaFile> file = this.downloads.open(token.get(), "/portal/photos/{id}/web", photoId);
		Section<List<Photo>> gallery = (galleryCall != null) ? galleryCall.section() : Section.unavailable();
		if (!file.available()) {
			return failed(file, portal);
		}
		String date = gallery.available() ? gallery.value()
			.stream()
			.filter((photo) -> photoId.equals(photo.id()) && photo.addedAt() != null)
			.map((photo) -> "-" + FILE_DATE.format(photo.addedAt().atZone(ZoneOffset.UTC)))
			.findFirst()
			.orElse("") : "";
		MediaType type = imageType(file.value());
		String name = "photo" + date + "." + extension(type);
		file.value().send(response, type, MediaFile.attachment(name, "photo.jpg"));
		return null;
	}

	/** A shared document, to save under its own name, in the type media-service gives. */
	@GetMapping("/p/{slug}/documents/{id}/download")
	ModelAndView downloadDocument(@PathVariable String slug, @PathVariable String id, HttpServletRequest request,
			HttpServletResponse response) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<ClientToken> token = this.tokens.current(request, portal.workspaceId());
		if (token.isEmpty()) {
			return Pages.signIn(portal);
		}
		UUID documentId = Pages.uuid(id);
		if (documentId == null) {
			return Pages.notFound(portal);
		}
		Section<MediaFile> file = this.downloads.open(token.get(), "/portal/documents/{id}/file",
				documentId);
		if (!file.available()) {
			return failed(file, portal);
		}
		MediaFile document = file.value();
		document.send(response, document.contentType(), MediaFile.attachment(document.fileName(), "document"));
		return null;
	}

	/**
	 * The documents page: the shared documents of each of the client's projects (project-service's
	 * {@code /portal/projects}, then media-service for every project at once). media-service failing greys out
	 * the projects it did not answer for; project-service failing, the whole list.
	 */
	@GetMapping("/p/{slug}/documents")
	ModelAndView documents(@PathVariable String slug, HttpServletRequest request) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<ClientToken> token = this.tokens.current(request, portal.workspaceId());
		if (token.isEmpty()) {
			return Pages.signIn(portal);
		}
		Section<List<Project>> projects = this.services
			.project(token.get(), (rest) -> rest.get().uri("/portal/projects").retrieve().body(PROJECTS))
			.section();
		if (projects.state() == Section.State.SIGNED_OUT) {
			return Pages.signIn(portal);
		}
		ModelAndView page = Pages.page("portal/documents", portal).addObject(Navigation.ATTRIBUTE, Navigation.DOCUMENTS)
			.addObject("projectsAvailable", projects.available());
		if (!projects.available()) {
			return page.addObject("groups", List.of()).addObject("nothingShared", false);
		}
		List<Call<List<Document>>> calls = projects.value()
			.stream()
			.map((project) -> this.services.media(token.get(),
					(rest) -> rest.get().uri("/portal/projects/{id}/documents", project.id()).retrieve().body(DOCUMENTS)))
			.toList();
		List<ProjectDocuments> groups = new ArrayList<>();
		for (int i = 0; i < calls.size(); i++) {
			Project project = projects.value().get(i);
			Section<List<Document>> documents = calls.get(i).section();
			if (documents.state() == Section.State.SIGNED_OUT) {
				return Pages.signIn(portal);
			}
			// media-service not knowing the project (yet) is a project without shared documents.
			List<ClientViews.DocumentRow> rows = documents.available()
					? documents.value().stream().map(Document::view).toList() : List.of();
			groups.add(new ProjectDocuments(project.id(), project.name(),
					documents.available() || documents.state() == Section.State.NOT_FOUND, rows));
		}
		return page.addObject("groups", groups)
			.addObject("nothingShared", !groups.isEmpty()
					&& groups.stream().allMatch((group) -> group.available() && group.documents().isEmpty()));
	}

	private Call<List<Photo>> gallery(ClientToken token, UUID projectId) {
		return this.services.media(token,
				(rest) -> rest.get().uri("/portal/projects/{id}/photos", projectId).retrieve().body(PHOTOS));
	}

	/** A download that did not start: the 404 page, sign-in, or "this file is unavailable right now". */
	private static ModelAndView failed(Section<MediaFile> file, PublicPortal portal) {
		if (file.state() == Section.State.SIGNED_OUT) {
			return Pages.signIn(portal);
		}
		if (file.state() == Section.State.NOT_FOUND) {
			return Pages.notFound(portal);
		}
		ModelAndView page = Pages.page("portal/file-unavailable", portal).addObject(Navigation.ATTRIBUTE,
				Navigation.PROJECT);
		page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
		return page;
	}

	/** An image type passes as it is; anything else is sent as bytes, never as something a browser shows. */
	private static MediaType imageType(MediaFile file) {
		MediaType type = file.contentType();
		return "image".equals(type.getType()) && !type.isWildcardSubtype() ? type : MediaType.APPLICATION_OCTET_STREAM;
	}

	private static String extension(MediaType type) {
		return switch (type.getSubtype()) {
			case "jpeg" -> "jpg";
			case "png" -> "png";
			case "webp" -> "webp";
			case "gif" -> "gif";
			case "avif" -> "avif";
			default -> "image".equals(type.getType()) ? "jpg" : "bin";
		};
	}
}
