package com.coastline.backoffice.screens.access;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import com.coastline.backoffice.screens.NotFoundException;
import com.coastline.backoffice.screens.ServiceRefusedException;
import com.coastline.backoffice.screens.ServiceUnavailableException;
import com.coastline.backoffice.screens.StaffPages;
import com.coastline.backoffice.screens.access.AccessApi.Contact;
import com.coastline.backoffice.screens.access.AccessApi.Delivery;
import com.coastline.backoffice.screens.access.AccessApi.Link;
import com.coastline.backoffice.screens.access.AccessApi.Project;
import com.coastline.backoffice.screens.access.AccessApi.Session;
import com.coastline.backoffice.signin.StaffToken;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A contact's portal access panel (PRODUCT.md, back office): their one-tap links (revoke one, revoke all), live
 * portal sessions (end one, end all), last sign-in, what they did in the portal, and the emails sent to them. The
 * contact is looked up at project-service first, so another workspace's or an unknown contact is a 404 before
 * identity is asked anything. The email history and the activity are secondary: when their service does not
 * answer, the panel says so in their place; the contact, links and sessions are the page, so without them it is the
 * "service unavailable" page. The calls go through {@code screens.ServiceCalls}, and what they cannot show is
 * answered as on every screen ({@code screens.ScreenAdvice}: the 404 page, the 503 page, sign-in).
 */
@Controller
class AccessPages {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final Map<String, String> DONE = Map.of("link-revoked", "The link no longer works.",
			"links-revoked", "All the contact's links no longer work, and their portal sessions have ended.",
			"sessions-ended", "All the contact's portal sessions have ended. Their links still work.",
			"session-ended", "The portal session has ended: the client is signed out on that device. Their links "
					+ "still work.",
			"session-already-ended", "That portal session had already ended.");

	private final StaffPages pages;

	private final AccessApi api;

	AccessPages(StaffPages pages, AccessApi api) {
		this.pages = pages;
		this.api = api;
	}

	/** The panel. */
	@GetMapping("/contacts/{id}/access")
	String panel(@PathVariable UUID id, @RequestParam(name = "done", required = false) String done,
			HttpServletRequest request, Model model) {
		StaffToken token = token(request);
		Contact contact = this.api.contact(token, id);
		List<Link> links = this.api.links(token, id);
		List<Session> sessions = this.api.sessions(token, id);
		List<Project> projects = this.api.projects(token);
		Map<UUID, String> projectNames = projects.stream()
			.collect(Collectors.toMap(Project::id, Project::name, (a, b) -> a));
		Optional<ClientActivity> activity = activity(token, id);
		Optional<List<Delivery>> deliveries = optional(() -> this.api.deliveries(token, id));

		model.addAttribute("contact", contact);
		model.addAttribute("links", links.stream().map((link) -> LinkRow.of(link, token, projectNames)).toList());
		model.addAttribute("activeLinks", links.stream().filter(Link::active).count());
		model.addAttribute("sessions", sessions.stream()
			.sorted(Comparator.comparing(Session::lastSeenAt, Comparator.nullsLast(Comparator.reverseOrder())))
			.map((session) -> SessionRow.of(session, projectNames))
			.toList());
		model.addAttribute("lastSignIn", time(lastSignIn(links, sessions, activity)));
		model.addAttribute("activity", activity.orElse(null));
		model.addAttribute("lastViewed", time(activity.flatMap(ClientActivity::lastViewedEstimate)));
		model.addAttribute("lastApproved", time(activity.flatMap(ClientActivity::lastApproved)));
		model.addAttribute("lastPaid", time(activity.flatMap(ClientActivity::lastPaid)));
		model.addAttribute("deliveries", deliveries.map((list) -> list.stream().map(DeliveryRow::of).toList()).orElse(null));
		model.addAttribute("done", (done != null) ? DONE.get(done) : null);
		model.addAttribute("times", new Times());
		return "backoffice/access/panel";
	}

	/** Revokes one link (identity ends the sessions it created). */
	@PostMapping("/contacts/{id}/access/links/{linkId}/revoke")
	String revoke(@PathVariable UUID id, @PathVariable UUID linkId, HttpServletRequest request) {
		StaffToken token = token(request);
		this.api.contact(token, id);
		this.api.revokeLink(token, id, linkId);
		return "redirect:/contacts/" + id + "/access?done=link-revoked";
	}

	/** Revokes all the contact's links and ends their sessions. */
	@PostMapping("/contacts/{id}/access/links/revoke-all")
	String revokeAll(@PathVariable UUID id, HttpServletRequest request) {
		StaffToken token = token(request);
		this.api.contact(token, id);
		this.api.revokeAllLinks(token, id);
		return "redirect:/contacts/" + id + "/access?done=links-revoked";
	}

	/**
	 * Ends one of the contact's portal sessions; the links keep working. identity answers 204 for a session that has
	 * already ended, and 404 for one it no longer has (purged since it ended or expired), which the panel tells as
	 * a session that had already ended.
	 */
	@PostMapping("/contacts/{id}/access/sessions/{sessionId}/end")
	String end(@PathVariable UUID id, @PathVariable UUID sessionId, HttpServletRequest request) {
		StaffToken token = token(request);
		this.api.contact(token, id);
		try {
			this.api.endSession(token, id, sessionId);
		}
		catch (NotFoundException ex) {
			return "redirect:/contacts/" + id + "/access?done=session-already-ended";
		}
		return "redirect:/contacts/" + id + "/access?done=session-ended";
	}

	/** Ends all the contact's portal sessions; the links keep working. */
	@PostMapping("/contacts/{id}/access/sessions/end-all")
	String endAll(@PathVariable UUID id, HttpServletRequest request) {
		StaffToken token = token(request);
		this.api.contact(token, id);
		this.api.endAllSessions(token, id);
		return "redirect:/contacts/" + id + "/access?done=sessions-ended";
	}

	private StaffToken token(HttpServletRequest request) {
		return this.pages.staff(request);
	}

	/** One call to project-service, which picks the client's entries across its projects. */
	private Optional<ClientActivity> activity(StaffToken token, UUID contactId) {
		return optional(() -> ClientActivity.of(this.api.activity(token, contactId)));
	}

	/** A secondary section: empty when its service does not answer, so the rest of the panel still shows. */
	private static <T> Optional<T> optional(Supplier<T> read) {
		try {
			return Optional.of(read.get());
		}
		catch (ServiceUnavailableException | ServiceRefusedException | NotFoundException ex) {
			return Optional.empty();
		}
	}

	/** The latest of: a session started, a link used, a sign-in on a project's timeline. */
	private static Optional<Instant> lastSignIn(List<Link> links, List<Session> sessions,
			Optional<ClientActivity> activity) {
		return Stream
			.of(sessions.stream().map(Session::createdAt), links.stream().map(Link::lastUsedAt),
					activity.flatMap((a) -> a.last("CLIENT_SIGNED_IN")).stream())
			.flatMap(Function.identity())
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder());
	}

	private static String time(Optional<Instant> instant) {
		return instant.map(TIME::format).orElse(null);
	}

	/** Times for people in the template ("—" for none). */
	static final class Times {

		public String of(Instant instant) {
			return (instant != null) ? TIME.format(instant) : "—";
		}
	}

	/**
	 * A link as the panel shows it.
	 *
	 * @param link the link
	 * @param issuedBy who issued it, in words
	 * @param projectName the project it opens, or null
	 */
	record LinkRow(Link link, String issuedBy, String projectName) {

		static LinkRow of(Link link, StaffToken token, Map<UUID, String> projects) {
			return new LinkRow(link, issuer(link.issuedBy(), token),
					(link.projectId() != null) ? projects.getOrDefault(link.projectId(), "A project") : null);
		}

		public String state() {
			if (this.link.active()) {
				return "Active";
			}
			return (this.link.revokedAt() != null) ? "Revoked" : "Expired";
		}

		private static String issuer(String issuedBy, StaffToken token) {
			if (issuedBy == null) {
				return "—";
			}
			if (issuedBy.equals(token.staffId().toString())) {
				return "You";
			}
			if (issuedBy.equals("automation-service")) {
				return "An automation";
			}
			try {
				UUID.fromString(issuedBy);
				return "A staff member";
			}
			catch (IllegalArgumentException ex) {
				return issuedBy;
			}
		}
	}

	/**
	 * A session as the panel shows it.
	 *
	 * @param session the session
	 * @param how how it started, in words
	 * @param device the browser and system from its user agent, in words
	 * @param projectName the project its link opened, or null
	 */
	record SessionRow(Session session, String how, String device, String projectName) {

		static SessionRow of(Session session, Map<UUID, String> projects) {
			String how = "code".equals(session.method()) ? "Email code" : "One-tap link";
			return new SessionRow(session, how, Devices.describe(session.userAgent()),
					(session.projectId() != null) ? projects.get(session.projectId()) : null);
		}
	}

	/**
	 * A delivery as the panel shows it.
	 *
	 * @param delivery the delivery
	 * @param kind what the email was, in words
	 * @param status its status, in words
	 * @param tone {@code ok}, {@code failed} or {@code waiting}
	 */
	record DeliveryRow(Delivery delivery, String kind, String status, String tone) {

		private static final Map<String, String> KINDS = Map.of("AUTOMATION", "Automation email", "TEST",
				"Test email", "SIGN_IN_CODE", "Sign-in code");

		static DeliveryRow of(Delivery delivery) {
			String status = switch (String.valueOf(delivery.status())) {
				case "SENT" -> "Sent";
				case "FAILED" -> "Failed";
				case "SENDING" -> "Sending";
				default -> "Waiting to send";
			};
			String tone = switch (String.valueOf(delivery.status())) {
				case "SENT" -> "ok";
				case "FAILED" -> "failed";
				default -> "waiting";
			};
			return new DeliveryRow(delivery, KINDS.getOrDefault(delivery.kind(), String.valueOf(delivery.kind())),
					status, tone);
		}
	}
}
