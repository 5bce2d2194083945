package com.coastline.portal.signin.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.portal.config.PagesProperties;
import com.coastline.portal.profile.PublicPortal;
import com.coastline.portal.signin.ClientToken;
import com.coastline.portal.signin.ClientTokens;
import com.coastline.portal.signin.web.ClientServices.Call;
import com.coastline.portal.signin.web.ClientServices.Section;
import com.coastline.portal.signin.web.ClientViews.Activity;
import com.coastline.portal.signin.web.ClientViews.Document;
import com.coastline.portal.signin.web.ClientViews.Overview;
import com.coastline.portal.signin.web.ClientViews.Photo;
import com.coastline.portal.signin.web.ClientViews.Project;
import com.coastline.portal.signin.web.ClientViews.Visits;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The signed-in client's pages: home (what is new since the last visit, the open actions, the projects) and
 * a project (details, timeline, visits, shared photos and documents). Each page asks project-service and
 * media-service at once with the client's JWT ({@link ClientTokens}); a service that is slow or failing
 * greys out its own sections while the rest renders. Without a session of this portal, or when a service
 * says the client's token no longer counts, the page sends the browser to sign in.
 */
@Controller
class ClientPages {

	/** A new visit starts after this long without a page of the portal. */
	static final Duration VISIT_GAP = Duration.ofMinutes(30);

	private static final Duration VISIT_COOKIE_AGE = Duration.ofDays(400);

	private static final ParameterizedTypeReference<List<Activity>> ACTIVITIES = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Photo>> PHOTOS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Document>> DOCUMENTS = new ParameterizedTypeReference<>() {
	};

	private final PortalAddresses addresses;

	private final ClientTokens tokens;

	private final ClientServices services;

	private final PagesProperties pages;

	private final Clock clock;

	ClientPages(PortalAddresses addresses, ClientTokens tokens, ClientServices services, PagesProperties pages,
			Optional<Clock> clock) {
		this.addresses = addresses;
		this.tokens = tokens;
		this.services = services;
		this.pages = pages;
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	/** Home: what is new since the last visit, what waits for the client, and the projects. */
	@GetMapping("/p/{slug}/")
	ModelAndView home(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<ClientToken> token = this.tokens.current(request, portal.workspaceId());
		if (token.isEmpty()) {
			return Pages.signIn(portal);
		}
		Instant since = lastVisit(request, response);
		Call<Overview> overviewCall = this.services.project(token.get(),
				(client) -> client.get()
					.uri((uri) -> uri.path("/portal/overview").queryParamIfPresent("since", Optional.ofNullable(since)).build())
					.retrieve()
					.body(Overview.class));
		Section<Overview> overview = overviewCall.section();
		if (overview.state() == Section.State.SIGNED_OUT) {
			return Pages.signIn(portal);
		}
		ModelAndView page = Pages.page("portal/home", portal).addObject("overview", overview)
			.addObject("firstVisit", since == null)
			.addObject(Navigation.ATTRIBUTE, Navigation.HOME);
		if (overview.available()) {
			Overview content = overview.value();
			Map<UUID, String> names = content.projects()
				.stream()
				.collect(Collectors.toMap(ClientViews.OverviewProject::id, ClientViews.OverviewProject::name, (a, b) -> a));
			page.addObject("news", news(content.changesSince(), since == null))
				.addObject("estimates", content.estimatesAwaitingApproval().stream().map((e) -> e.view(names)).toList())
				.addObject("invoices", content.openInvoices().stream().map((i) -> i.view(names)).toList())
				.addObject("nextVisit", content.upcomingAppointments().stream().findFirst().map((v) -> v.view(names)).orElse(null))
				.addObject("projects", content.projects().stream().map(ClientViews.OverviewProject::view).toList());
		}
		return page;
	}

	/** One of the client's projects; another contact's, another workspace's or an unknown one is the 404 page. */
	@GetMapping("/p/{slug}/projects/{id}")
	ModelAndView project(@PathVariable String slug, @PathVariable String id, HttpServletRequest request) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<ClientToken> token = this.tokens.current(request, portal.workspaceId());
		if (token.isEmpty()) {
			return Pages.signIn(portal);
		}
		UUID projectId = Pages.uuid(id);
		if (projectId == null) {
			return Pages.notFound(portal);
		}
		ClientToken client = token.get();
		Call<Project> projectCall = this.services.project(client,
				(rest) -> rest.get().uri("/portal/projects/{id}", projectId).retrieve().body(Project.class));
		Call<List<Activity>> timelineCall = this.services.project(client,
				(rest) -> rest.get().uri("/portal/projects/{id}/timeline", projectId).retrieve().body(ACTIVITIES));
		Call<Visits> visitsCall = this.services.project(client,
				(rest) -> rest.get().uri("/portal/projects/{id}/appointments", projectId).retrieve().body(Visits.class));
		Call<List<Photo>> photosCall = this.services.media(client,
				(rest) -> rest.get().uri("/portal/projects/{id}/photos", projectId).retrieve().body(PHOTOS));
		Call<List<Document>> documentsCall = this.services.media(client,
				(rest) -> rest.get().uri("/portal/projects/{id}/documents", projectId).retrieve().body(DOCUMENTS));
		Section<Project> project = projectCall.section();
		Section<List<Activity>> timeline = timelineCall.section();
		Section<Visits> visits = visitsCall.section();
		Section<List<Photo>> photos = photosCall.section();
		Section<List<Document>> documents = documentsCall.section();
		List<Section<?>> all = List.of(project, timeline, visits, photos, documents);
		if (all.stream().anyMatch((section) -> section.state() == Section.State.SIGNED_OUT)) {
			return Pages.signIn(portal);
		}
		if (project.state() == Section.State.NOT_FOUND) {
			return Pages.notFound(portal);
		}
		if (!project.available()) {
			return Pages.unavailable(portal);
		}
		return Pages.page("portal/project", portal).addObject("project", project.value().view())
			.addObject(Navigation.ATTRIBUTE, Navigation.PROJECT)
			.addObject("timeline", map(timeline, (entries) -> entries.stream().map(Activity::view).toList()))
			.addObject("visits", map(visits, Visits::view))
			.addObject("photos", photos)
			.addObject("documents", map(documents, (list) -> list.stream().map(Document::view).toList()));
	}

	/**
	 * A photo's thumbnail from media-service, fetched with the client's token on every request (a photo
	 * removed from the portal a second ago is gone), never cached by the browser.
	 */
	@GetMapping("/p/{slug}/photos/{id}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@PathVariable String slug, @PathVariable String id, HttpServletRequest request) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<ClientToken> token = this.tokens.current(request, portal.workspaceId());
		UUID photoId = Pages.uuid(id);
		if (token.isEmpty() || photoId == null) {
			return ResponseEntity.notFound().build();
		}
		Section<ResponseEntity<byte[]>> image = this.services
			.media(token.get(),
					(rest) -> rest.get().uri("/portal/photos/{id}/thumbnail", photoId).retrieve().toEntity(byte[].class))
			.section();
		if (!image.available()) {
			HttpStatus status = (image.state() == Section.State.UNAVAILABLE) ? HttpStatus.SERVICE_UNAVAILABLE
					: HttpStatus.NOT_FOUND;
			return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).build();
		}
		MediaType type = image.value().getHeaders().getContentType();
		if (type == null || !"image".equals(type.getType())) {
			type = MediaType.APPLICATION_OCTET_STREAM;
		}
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(image.value().getBody());
	}

	/**
	 * The start of the last visit: a cookie keeps when the current visit's predecessor ended and when the
	 * client was last seen; a page after {@link #VISIT_GAP} without any starts a new visit. Null on the first.
	 */
	private Instant lastVisit(HttpServletRequest request, HttpServletResponse response) {
		String name = this.pages.cookieName("coastline-portal-visit");
		Instant now = this.clock.instant();
		Instant since = null;
		Instant lastSeen = null;
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (cookie.getName().equals(name)) {
					String[] parts = cookie.getValue().split("_", -1);
					if (parts.length == 2) {
						since = epoch(parts[0]);
						lastSeen = epoch(parts[1]);
					}
				}
			}
		}
		if (lastSeen != null && Duration.between(lastSeen, now).compareTo(VISIT_GAP) > 0) {
			since = lastSeen;
		}
		else if (lastSeen == null) {
			since = null;
		}
		String value = ((since != null) ? Long.toString(since.getEpochSecond()) : "") + "_" + now.getEpochSecond();
		ResponseCookie cookie = ResponseCookie.from(name, value)
			.path("/")
			.httpOnly(true)
			.secure(this.pages.secureCookies())
			.sameSite("Lax")
			.maxAge(VISIT_COOKIE_AGE)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		return since;
	}

	private static Instant epoch(String seconds) {
		try {
			return seconds.isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(seconds));
		}
		catch (NumberFormatException | java.time.DateTimeException ex) {
			return null;
		}
	}

	/** The "what's new" line. */
	static String news(long changes, boolean firstVisit) {
		String updates = changes + ((changes == 1) ? " update" : " updates");
		if (firstVisit) {
			return (changes == 0) ? "Welcome to your portal. Updates on your projects will show here."
					: "Welcome to your portal. Your projects have " + updates + " so far.";
		}
		return (changes == 0) ? "Nothing new since your last visit." : updates + " since your last visit.";
	}

	private static <T, R> Section<R> map(Section<T> section, Function<T, R> mapping) {
		return section.available() ? Section.of(mapping.apply(section.value())) : new Section<>(null, section.state());
	}
}
