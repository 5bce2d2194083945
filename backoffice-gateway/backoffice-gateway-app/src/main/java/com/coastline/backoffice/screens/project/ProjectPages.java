package com.coastline.backoffice.screens.project;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.screens.Contact;
import com.coastline.backoffice.screens.NotFoundException;
import com.coastline.backoffice.screens.Project;
import com.coastline.backoffice.screens.Section;
import com.coastline.backoffice.screens.Service;
import com.coastline.backoffice.screens.ServiceCalls;
import com.coastline.backoffice.screens.ServiceProblem;
import com.coastline.backoffice.screens.ServiceRefusedException;
import com.coastline.backoffice.screens.ServiceUnavailableException;
import com.coastline.backoffice.screens.StaffPages;
import com.coastline.backoffice.screens.project.ProjectParts.Appointment;
import com.coastline.backoffice.screens.project.ProjectParts.Document;
import com.coastline.backoffice.screens.project.ProjectParts.Estimate;
import com.coastline.backoffice.screens.project.ProjectParts.Invoice;
import com.coastline.backoffice.screens.project.ProjectParts.Photo;
import com.coastline.backoffice.screens.project.ProjectParts.PortalLink;
import com.coastline.backoffice.screens.project.ProjectParts.PortalMenu;
import com.coastline.backoffice.signin.StaffToken;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The projects: the list, a new project, and a project's page (status, primary contact, estimates, invoices and
 * visits from project-service; the project menu with the Customer Portal item from portal-service; photos and
 * documents from media-service, each with its portal visibility). The page needs project-service; the other parts
 * grey out alone when their service is down. Every change is a POST form (CSRF), answered with a redirect back to
 * the page and a short confirmation; cancelling the project asks first, on a page of its own.
 */
@Controller
class ProjectPages {

	private static final ParameterizedTypeReference<List<Project>> PROJECTS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Contact>> CONTACTS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Estimate>> ESTIMATES = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Invoice>> INVOICES = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Appointment>> APPOINTMENTS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Photo>> PHOTOS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Document>> DOCUMENTS = new ParameterizedTypeReference<>() {
	};

	/** The confirmations a redirect back to the project page may ask for ({@code ?done=…}). */
	private static final Map<String, String> DONE = Map.ofEntries(Map.entry("created", "Project created."),
			Map.entry("photo-uploaded", "Photo uploaded. It stays private until you add it to the customer portal."),
			Map.entry("photo-added", "Photo added to the customer portal."),
			Map.entry("photo-removed", "Photo removed from the customer portal."),
			Map.entry("document-uploaded", "Document uploaded. It stays private until you share it."),
			Map.entry("document-shared", "Document shared with the client."),
			Map.entry("document-unshared", "Document no longer shared with the client."),
			Map.entry("visit-scheduled", "Visit scheduled."),
			Map.entry("approved",
					"Approved. Automations for approved projects run now (such as emailing the client their portal link)."),
			Map.entry("started", "Work started."), Map.entry("completed", "Project completed."),
			Map.entry("cancelled", "Project cancelled. Its open visits were cancelled too."));

	/** The lifecycle's moves, by the status they start from (project-service's README, "Project lifecycle"). */
	private static final Map<String, List<Move>> MOVES = Map.of("LEAD", List.of(Move.APPROVE, Move.CANCEL),
			"ESTIMATING", List.of(Move.APPROVE, Move.CANCEL), "APPROVED", List.of(Move.START, Move.CANCEL),
			"IN_PROGRESS", List.of(Move.COMPLETE, Move.CANCEL));

	private final ServiceCalls services;

	private final StaffPages pages;

	ProjectPages(ServiceCalls services, StaffPages pages) {
		this.services = services;
		this.pages = pages;
	}

	@GetMapping("/projects")
	String list(HttpServletRequest request, Model model) {
		StaffToken staff = this.pages.staff(request);
		List<Project> projects = this.services.list(staff, Service.PROJECT, PROJECTS, "/api/projects");
		model.addAttribute("projects", projects.reversed());
		model.addAttribute("contacts", contactsById(staff));
		return "backoffice/projects/list";
	}

	@GetMapping("/projects/new")
	String newProject(HttpServletRequest request, Model model) {
		StaffToken staff = this.pages.staff(request);
		return form(staff, model, new ProjectForm("", "", ""), Map.of(), null);
	}

	@PostMapping("/projects")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String address,
			@RequestParam(defaultValue = "") String primaryContactId, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		StaffToken staff = this.pages.staff(request);
		ProjectForm form = new ProjectForm(name.strip(), address.strip(), primaryContactId.strip());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", form.name());
		body.put("address", form.address().isEmpty() ? null : form.address());
		body.put("primaryContactId", form.primaryContactId().isEmpty() ? null : form.primaryContactId());
		try {
			Project created = this.services.send(staff, Service.PROJECT, HttpMethod.POST, body, Project.class,
					"/api/projects");
			return "redirect:/projects/" + created.id() + "?done=created";
		}
		catch (ServiceRefusedException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			ServiceProblem problem = ex.problem();
			Map<String, String> errors = problem.fieldErrors();
			return form(staff, model, form, errors, errors.isEmpty() ? problem.message() : null);
		}
	}

	@GetMapping("/projects/{id}")
	String project(@PathVariable String id, @RequestParam(defaultValue = "") String done, HttpServletRequest request,
			Model model) {
		StaffToken staff = this.pages.staff(request);
		UUID projectId = StaffPages.id(id, "project");
		model.addAttribute("done", DONE.get(done));
		return page(staff, projectId, model);
	}

	/**
	 * A move of the project's lifecycle (approve, start, complete, cancel) → project-service's
	 * {@code POST /api/projects/{id}/{move}} → back to the page with a confirmation. A move the project's status no
	 * longer allows (project-service's 409: someone else moved it, or the client approved its estimate meanwhile) →
	 * the page as it is now, 409, with a message; nothing else is sent.
	 */
	@PostMapping("/projects/{id}/{move:approve|start|complete|cancel}")
	String move(@PathVariable String id, @PathVariable String move, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		StaffToken staff = this.pages.staff(request);
		UUID projectId = StaffPages.id(id, "project");
		Move chosen = Move.of(move);
		try {
			this.services.send(staff, Service.PROJECT, HttpMethod.POST, null, Void.class,
					"/api/projects/{id}/" + chosen.path(), projectId);
			return "redirect:/projects/" + projectId + "?done=" + chosen.done();
		}
		catch (ServiceRefusedException ex) {
			if (ex.problem().status() != HttpStatus.CONFLICT.value()) {
				throw ex;
			}
			response.setStatus(HttpStatus.CONFLICT.value());
			String page = page(staff, projectId, model);
			Project now = (Project) model.getAttribute("project");
			model.addAttribute("message", "This project cannot be " + chosen.done() + " now: it is "
					+ now.statusLabel().toLowerCase(Locale.ROOT) + ". Nothing was changed.");
			return page;
		}
	}

	/**
	 * <em>Cancel project</em> asks first: this page names the project and what cancelling does, with the
	 * <em>Cancel project</em> form (the lifecycle's {@code POST /projects/{id}/cancel}, CSRF) and a <em>Keep project</em>
	 * link back. Reading it changes nothing (only project-service's {@code GET /api/projects/{id}}). A project that can
	 * no longer be cancelled (completed, or cancelled already) → the page without the form, 409, with a message;
	 * another workspace's or a malformed id → the 404 page.
	 */
	@GetMapping("/projects/{id}/cancel")
	String confirmCancel(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		StaffToken staff = this.pages.staff(request);
		UUID projectId = StaffPages.id(id, "project");
		Project project = this.services.get(staff, Service.PROJECT, Project.class, "/api/projects/{id}", projectId);
		boolean cancellable = MOVES.getOrDefault(project.status(), List.of()).contains(Move.CANCEL);
		model.addAttribute("project", project);
		model.addAttribute("cancellable", cancellable);
		if (!cancellable) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("message", "This project cannot be cancelled now: it is "
					+ project.statusLabel().toLowerCase(Locale.ROOT) + ". Nothing was changed.");
		}
		return "backoffice/projects/cancel";
	}

	private String page(StaffToken staff, UUID projectId, Model model) {
		Project project = this.services.get(staff, Service.PROJECT, Project.class, "/api/projects/{id}", projectId);
		// The parts come from three services and do not depend on each other: asked for at once.
		try (ExecutorService parts = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<Optional<Contact>> primaryContact = parts.submit(() -> primaryContact(staff, project));
			Future<Section<Estimate>> estimates = parts.submit(() -> Section.load(() -> this.services.list(staff,
					Service.PROJECT, ESTIMATES, "/api/projects/{id}/estimates", projectId)));
			Future<Section<Invoice>> invoices = parts.submit(() -> Section.load(() -> this.services.list(staff,
					Service.PROJECT, INVOICES, "/api/projects/{id}/invoices", projectId)));
			Future<Section<Appointment>> appointments = parts.submit(() -> Section.load(() -> this.services
				.list(staff, Service.PROJECT, APPOINTMENTS, "/api/projects/{id}/appointments", projectId)));
			Future<PortalMenu> menu = parts.submit(() -> menu(staff, projectId));
			Future<Section<Photo>> photos = parts.submit(() -> Section.load(
					() -> this.services.list(staff, Service.MEDIA, PHOTOS, "/api/projects/{id}/photos", projectId)));
			Future<Section<Document>> documents = parts.submit(() -> Section.load(() -> this.services.list(staff,
					Service.MEDIA, DOCUMENTS, "/api/projects/{id}/documents", projectId)));
			model.addAttribute("project", project);
			model.addAttribute("primaryContact", await(primaryContact).orElse(null));
			model.addAttribute("estimates", await(estimates));
			model.addAttribute("invoices", await(invoices));
			model.addAttribute("appointments", await(appointments));
			model.addAttribute("menu", await(menu));
			model.addAttribute("photos", await(photos));
			model.addAttribute("documents", await(documents));
		}
		List<Move> moves = MOVES.getOrDefault(project.status(), List.of());
		model.addAttribute("moves", moves);
		model.addAttribute("approvable", moves.contains(Move.APPROVE));
		return "backoffice/projects/detail";
	}

	/**
	 * The Customer Portal item without JavaScript (or when the clipboard is refused): a fresh link, shown in a
	 * read-only field to copy by hand. With JavaScript, {@code copy-link.js} asks the same of portal-service through
	 * the gateway's route and puts the link on the clipboard.
	 */
	@PostMapping("/projects/{id}/customer-portal-link")
	String portalLink(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		StaffToken staff = this.pages.staff(request);
		UUID projectId = StaffPages.id(id, "project");
		Project project = this.services.get(staff, Service.PROJECT, Project.class, "/api/projects/{id}", projectId);
		model.addAttribute("project", project);
		try {
			model.addAttribute("link", this.services.send(staff, Service.PORTAL, HttpMethod.POST, null,
					PortalLink.class, "/api/projects/{id}/customer-portal-link", projectId));
		}
		catch (ServiceRefusedException ex) {
			response.setStatus(ex.problem().status());
			model.addAttribute("message", ex.problem().message());
		}
		return "backoffice/projects/portal-link";
	}

	@PostMapping("/projects/{id}/photos")
	String uploadPhoto(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file,
			HttpServletRequest request) {
		StaffToken staff = this.pages.staff(request);
		UUID projectId = StaffPages.id(id, "project");
		if (file == null || file.isEmpty()) {
			throw nothingChosen();
		}
		this.services.upload(staff, Service.MEDIA, HttpMethod.POST, file, Void.class, "/api/projects/{id}/photos",
				projectId);
		return back(projectId, "photo-uploaded", "photos");
	}

	@PostMapping("/projects/{id}/photos/{photoId}/add-to-portal")
	String addPhoto(@PathVariable String id, @PathVariable String photoId, HttpServletRequest request) {
		return photoVisibility(id, photoId, "add-to-portal", "photo-added", request);
	}

	@PostMapping("/projects/{id}/photos/{photoId}/remove-from-portal")
	String removePhoto(@PathVariable String id, @PathVariable String photoId, HttpServletRequest request) {
		return photoVisibility(id, photoId, "remove-from-portal", "photo-removed", request);
	}

	@PostMapping("/projects/{id}/documents")
	String uploadDocument(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file,
			HttpServletRequest request) {
		StaffToken staff = this.pages.staff(request);
		UUID projectId = StaffPages.id(id, "project");
		if (file == null || file.isEmpty()) {
			throw nothingChosen();
		}
		this.services.upload(staff, Service.MEDIA, HttpMethod.POST, file, Void.class, "/api/projects/{id}/documents",
				projectId);
		return back(projectId, "document-uploaded", "documents");
	}

	@PostMapping("/projects/{id}/documents/{documentId}/share")
	String share(@PathVariable String id, @PathVariable String documentId, HttpServletRequest request) {
		return documentSharing(id, documentId, "share", "document-shared", request);
	}

	@PostMapping("/projects/{id}/documents/{documentId}/unshare")
	String unshare(@PathVariable String id, @PathVariable String documentId, HttpServletRequest request) {
		return documentSharing(id, documentId, "unshare", "document-unshared", request);
	}

	/** Adds or removes one photo; media-service checks that it is the workspace's. */
	private String photoVisibility(String id, String photoId, String action, String done, HttpServletRequest request) {
		StaffToken staff = this.pages.staff(request);
		UUID projectId = StaffPages.id(id, "project");
		UUID photo = StaffPages.id(photoId, "photo");
		this.services.send(staff, Service.MEDIA, HttpMethod.POST, Map.of("photoIds", List.of(photo)), Void.class,
				"/api/photos/" + action);
		return back(projectId, done, "photos");
	}

	private String documentSharing(String id, String documentId, String action, String done,
			HttpServletRequest request) {
		StaffToken staff = this.pages.staff(request);
		UUID projectId = StaffPages.id(id, "project");
		UUID document = StaffPages.id(documentId, "document");
		this.services.send(staff, Service.MEDIA, HttpMethod.POST, null, Void.class, "/api/documents/{id}/" + action,
				document);
		return back(projectId, done, "documents");
	}

	private String form(StaffToken staff, Model model, ProjectForm form, Map<String, String> errors, String message) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		model.addAttribute("contacts", this.services.list(staff, Service.PROJECT, CONTACTS, "/api/contacts")
			.stream()
			.filter((contact) -> !contact.archived())
			.sorted(Comparator.comparing(Contact::name, String.CASE_INSENSITIVE_ORDER))
			.toList());
		return "backoffice/projects/new";
	}

	private Map<UUID, Contact> contactsById(StaffToken staff) {
		try {
			return this.services.list(staff, Service.PROJECT, CONTACTS, "/api/contacts")
				.stream()
				.collect(Collectors.toMap(Contact::id, Function.identity(), (first, second) -> first));
		}
		catch (ServiceUnavailableException ex) {
			// The list still shows; the contacts' names are left out.
			return Collections.emptyMap();
		}
	}

	private Optional<Contact> primaryContact(StaffToken staff, Project project) {
		if (project.primaryContactId() == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.services.get(staff, Service.PROJECT, Contact.class, "/api/contacts/{id}",
					project.primaryContactId()));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	/** The menu's Customer Portal item; portal-service down → the item says so rather than failing the page. */
	private PortalMenu menu(StaffToken staff, UUID projectId) {
		try {
			return this.services.get(staff, Service.PORTAL, PortalMenu.class,
					"/api/projects/{id}/customer-portal-menu", projectId);
		}
		catch (ServiceUnavailableException | NotFoundException ex) {
			return new PortalMenu(false, "The Customer Portal cannot be reached right now");
		}
	}

	/** A part's answer, or the exception it ended with (the screens' own, as if called here). */
	private static <T> T await(Future<T> part) {
		try {
			return part.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the project page was loading", ex);
		}
	}

	private static String back(UUID projectId, String done, String anchor) {
		return "redirect:/projects/" + projectId + "?done=" + done + "#" + anchor;
	}

	private static ServiceRefusedException nothingChosen() {
		return new ServiceRefusedException(Service.MEDIA, new ServiceProblem(null, "No file", 400,
				"Choose a file first, then send the form.", List.of()));
	}

	/**
	 * A move of the project's lifecycle, as a button on the project page.
	 */
	public enum Move {

		/** LEAD, ESTIMATING → APPROVED: publishes ProjectApproved, which runs the Project approved automations. */
		APPROVE("approve", "approved", "Approve"),

		/** APPROVED → IN_PROGRESS. */
		START("start", "started", "Start work"),

		/** IN_PROGRESS → COMPLETED. */
		COMPLETE("complete", "completed", "Complete"),

		/** Any open status → CANCELLED (final); the page's button leads to a confirmation page first. */
		CANCEL("cancel", "cancelled", "Cancel project");

		private final String path;

		private final String done;

		private final String label;

		Move(String path, String done, String label) {
			this.path = path;
			this.done = done;
			this.label = label;
		}

		static Move of(String path) {
			for (Move move : values()) {
				if (move.path.equals(path)) {
					return move;
				}
			}
			throw new NotFoundException("move");
		}

		/** The last part of its address ({@code approve}). */
		public String path() {
			return this.path;
		}

		/** Its confirmation's key, and the word for it ({@code approved}). */
		public String done() {
			return this.done;
		}

		/** The button's label. */
		public String label() {
			return this.label;
		}

		/** Whether the page's button asks first ({@code GET /projects/{id}/{path}}) instead of posting the move. */
		public boolean confirmed() {
			return this == CANCEL;
		}
	}

	/**
	 * The new-project form as typed.
	 *
	 * @param name the name
	 * @param address the address
	 * @param primaryContactId the chosen contact
	 */
	public record ProjectForm(String name, String address, String primaryContactId) {
	}
}
