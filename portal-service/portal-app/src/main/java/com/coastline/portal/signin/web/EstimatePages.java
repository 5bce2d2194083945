package com.coastline.portal.signin.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;

import com.coastline.portal.profile.PublicPortal;
import com.coastline.portal.signin.Browser;
import com.coastline.portal.signin.ClientToken;
import com.coastline.portal.signin.ClientTokens;
import com.coastline.portal.signin.web.BillingViews.ClientEstimate;
import com.coastline.portal.signin.web.ClientServices.Section;
import com.coastline.portal.signin.web.ClientViews.Project;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * An estimate of the signed-in client (project-service's {@code /portal/estimates/{id}}): its version's lines and
 * totals, and, while it waits for an answer, the forms to approve it (signed with the typed full name; the
 * client's IP and user agent go with it as evidence), decline it or ask for changes. Each answer names the version
 * shown: one revised or answered meanwhile (project-service's 409) shows the page again with a message. After an
 * answer the browser GETs the page again (303) with a confirmation.
 */
@Controller
class EstimatePages {

	/** Longest message project-service takes. */
	static final int MAX_MESSAGE = 2000;

	static final int MIN_NAME = 2;

	static final int MAX_NAME = 200;

	static final String NAME_ERROR = "Type your full name (at least 2 characters) to sign the approval.";

	static final String CONFLICT = "This estimate has changed or has already been answered, so your answer was not "
			+ "sent. Please check the estimate below.";

	static final String NOT_SENT = "Your answer could not be sent right now. Please try again in a moment.";

	private final PortalAddresses addresses;

	private final ClientTokens tokens;

	private final ClientServices services;

	EstimatePages(PortalAddresses addresses, ClientTokens tokens, ClientServices services) {
		this.addresses = addresses;
		this.tokens = tokens;
		this.services = services;
	}

	/** The estimate; with {@code ?approved}, {@code ?declined} or {@code ?changes-requested} after an answer. */
	@GetMapping("/p/{slug}/estimates/{id}")
	ModelAndView estimate(@PathVariable String slug, @PathVariable String id, HttpServletRequest request) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<ClientToken> token = this.tokens.current(request, portal.workspaceId());
		if (token.isEmpty()) {
			return Pages.signIn(portal);
		}
		UUID estimateId = Pages.uuid(id);
		if (estimateId == null) {
			return Pages.notFound(portal);
		}
		String confirmation = null;
		if (flag(request, "approved")) {
			confirmation = "Thank you. You approved this estimate.";
		}
		else if (flag(request, "declined")) {
			confirmation = "You declined this estimate. Your contractor has been told.";
		}
		else if (flag(request, "changes-requested")) {
			confirmation = "Your request for changes was sent to your contractor.";
		}
		String message = confirmation;
		return page(portal, token.get(), estimateId, HttpStatus.OK, (page) -> page.addObject("confirmation", message));
	}

	@PostMapping("/p/{slug}/estimates/{id}/approve")
	ModelAndView approve(@PathVariable String slug, @PathVariable String id,
			@RequestParam(required = false) String signedName, @RequestParam(required = false) String version,
			HttpServletRequest request) {
		String name = (signedName != null) ? signedName.strip() : "";
		boolean valid = name.length() >= MIN_NAME && name.length() <= MAX_NAME
				&& name.codePoints().noneMatch(Character::isISOControl);
		return answer(slug, id, version, request, "approve", "approved", (page) -> page.addObject("signedName", signedName),
				valid ? null : (page) -> page.addObject("nameError", NAME_ERROR), (body) -> {
					Browser browser = Browser.of(request);
					body.put("signedName", name);
					body.put("ip", browser.ip());
					body.put("userAgent", browser.userAgent());
				});
	}

	@PostMapping("/p/{slug}/estimates/{id}/decline")
	ModelAndView decline(@PathVariable String slug, @PathVariable String id,
			@RequestParam(required = false) String message, @RequestParam(required = false) String version,
			HttpServletRequest request) {
		String text = (message != null) ? message.strip() : "";
		return answer(slug, id, version, request, "decline", "declined",
				(page) -> page.addObject("declineMessage", message),
				(text.length() > MAX_MESSAGE) ? (page) -> page.addObject("declineError", tooLong(text)) : null,
				(body) -> {
					if (!text.isEmpty()) {
						body.put("message", text);
					}
				});
	}

	@PostMapping("/p/{slug}/estimates/{id}/request-changes")
	ModelAndView requestChanges(@PathVariable String slug, @PathVariable String id,
			@RequestParam(required = false) String message, @RequestParam(required = false) String version,
			HttpServletRequest request) {
		String text = (message != null) ? message.strip() : "";
		String error = text.isEmpty() ? "Tell your contractor what you would like changed."
				: (text.length() > MAX_MESSAGE) ? tooLong(text) : null;
		return answer(slug, id, version, request, "request-changes", "changes-requested",
				(page) -> page.addObject("changesMessage", message),
				(error != null) ? (page) -> page.addObject("changesError", error) : null,
				(body) -> body.put("message", text));
	}

	/**
	 * The approval evidence of an approved version, as project-service renders it; 404 for any other version,
	 * estimate or client.
	 */
	@GetMapping("/p/{slug}/estimates/{id}/versions/{number}/evidence.pdf")
	ResponseEntity<byte[]> evidence(@PathVariable String slug, @PathVariable String id, @PathVariable String number,
			HttpServletRequest request) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<ClientToken> token = this.tokens.current(request, portal.workspaceId());
		if (token.isEmpty()) {
			return ResponseEntity.status(HttpStatus.FOUND)
				.location(URI.create("/p/" + portal.canonicalSlug() + "/sign-in"))
				.build();
		}
		UUID estimateId = Pages.uuid(id);
		Integer versionNumber = positive(number);
		if (estimateId == null || versionNumber == null) {
			return ResponseEntity.notFound().build();
		}
		Section<ResponseEntity<byte[]>> pdf = this.services
			.projectAction(token.get(),
					(rest) -> rest.get()
						.uri("/portal/estimates/{id}/versions/{number}/evidence.pdf", estimateId, versionNumber)
						.accept(MediaType.APPLICATION_PDF)
						.retrieve()
						.toEntity(byte[].class))
			.section();
		if (!pdf.available()) {
			HttpStatus status = (pdf.state() == Section.State.UNAVAILABLE) ? HttpStatus.SERVICE_UNAVAILABLE
					: HttpStatus.NOT_FOUND;
			return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("approval-" + estimateId + "-v" + versionNumber + ".pdf")
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(pdf.value().getBody());
	}

	/**
	 * Sends one of the answers: checks the form first (then the page again, 422, nothing sent), then POSTs
	 * project-service's {@code /portal/estimates/{id}/{action}} with the version shown and the form's fields.
	 */
	private ModelAndView answer(String slug, String id, String version, HttpServletRequest request, String action,
			String confirmation, Consumer<ModelAndView> echo, Consumer<ModelAndView> formError,
			Consumer<Map<String, Object>> fields) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<ClientToken> token = this.tokens.current(request, portal.workspaceId());
		if (token.isEmpty()) {
			return Pages.signIn(portal);
		}
		UUID estimateId = Pages.uuid(id);
		if (estimateId == null) {
			return Pages.notFound(portal);
		}
		String address = "/p/" + portal.canonicalSlug() + "/estimates/" + estimateId;
		Integer versionNumber = positive(version);
		if (versionNumber == null) {
			// Not a form of ours: show the estimate as it is now.
			return Pages.seeOther(address);
		}
		if (formError != null) {
			return page(portal, token.get(), estimateId, HttpStatus.UNPROCESSABLE_CONTENT, echo.andThen(formError));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", versionNumber);
		fields.accept(body);
		Section<ClientEstimate> answered = this.services
			.projectAction(token.get(),
					(rest) -> rest.post()
						.uri("/portal/estimates/{id}/" + action, estimateId)
						.contentType(MediaType.APPLICATION_JSON)
						.body(body)
						.retrieve()
						.body(ClientEstimate.class))
			.section();
		return switch (answered.state()) {
			case OK -> Pages.seeOther(address + "?" + confirmation);
			case SIGNED_OUT -> Pages.signIn(portal);
			case NOT_FOUND -> Pages.notFound(portal);
			case CONFLICT -> page(portal, token.get(), estimateId, HttpStatus.CONFLICT,
					(page) -> page.addObject("formMessage", CONFLICT));
			case INVALID -> page(portal, token.get(), estimateId, HttpStatus.UNPROCESSABLE_CONTENT,
					echo.andThen((page) -> page.addObject("formMessage",
							"Your answer could not be accepted. Please check it and try again.")));
			case UNAVAILABLE -> page(portal, token.get(), estimateId, HttpStatus.SERVICE_UNAVAILABLE,
					echo.andThen((page) -> page.addObject("formMessage", NOT_SENT)));
		};
	}

	/** The estimate's page as it is now, with what {@code extra} adds (a message, the form as sent). */
	private ModelAndView page(PublicPortal portal, ClientToken token, UUID estimateId, HttpStatus status,
			Consumer<ModelAndView> extra) {
		Section<ClientEstimate> estimate = this.services
			.project(token, (rest) -> rest.get().uri("/portal/estimates/{id}", estimateId).retrieve().body(ClientEstimate.class))
			.section();
		if (estimate.state() == Section.State.SIGNED_OUT) {
			return Pages.signIn(portal);
		}
		if (estimate.state() == Section.State.NOT_FOUND) {
			return Pages.notFound(portal);
		}
		if (!estimate.available()) {
			return Pages.unavailable(portal);
		}
		String projectName = projectName(token, estimate.value());
		ModelAndView page = Pages.page("portal/estimate", portal)
			.addObject(Navigation.ATTRIBUTE, Navigation.PROJECT)
			.addObject("estimate", estimate.value().view(projectName));
		extra.accept(page);
		page.setStatus(status);
		return page;
	}

	/** The project's name, or null when project-service does not give it now (the page shows the estimate anyway). */
	private String projectName(ClientToken token, ClientEstimate estimate) {
		if (estimate.projectId() == null) {
			return null;
		}
		Section<Project> project = this.services
			.project(token, (rest) -> rest.get().uri("/portal/projects/{id}", estimate.projectId()).retrieve().body(Project.class))
			.section();
		return project.available() ? project.value().name() : null;
	}

	/** Whether the address's query has the flag ({@code ?approved}), with or without a value. */
	private static boolean flag(HttpServletRequest request, String name) {
		String query = request.getQueryString();
		if (query == null) {
			return false;
		}
		for (String part : query.split("&")) {
			int equals = part.indexOf('=');
			if (name.equals((equals < 0) ? part : part.substring(0, equals))) {
				return true;
			}
		}
		return false;
	}

	private static String tooLong(String text) {
		return "Please keep your message under " + MAX_MESSAGE + " characters (it has " + text.length() + ").";
	}

	private static Integer positive(String number) {
		try {
			int value = Integer.parseInt((number != null) ? number.strip() : "");
			return (value > 0) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
