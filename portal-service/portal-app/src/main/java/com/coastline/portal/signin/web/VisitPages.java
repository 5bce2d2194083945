package com.coastline.portal.signin.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.coastline.portal.profile.PublicPortal;
import com.coastline.portal.signin.ClientToken;
import com.coastline.portal.signin.ClientTokens;
import com.coastline.portal.signin.web.ClientServices.Call;
import com.coastline.portal.signin.web.ClientServices.Section;
import com.coastline.portal.signin.web.ClientViews.Appointment;
import com.coastline.portal.signin.web.ClientViews.Project;
import com.coastline.portal.signin.web.ClientViews.ProjectVisitRow;
import com.coastline.portal.signin.web.ClientViews.Visits;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The signed-in client's appointments page: the upcoming (soonest first) and past (latest first) visits of all
 * their projects, each with its project and in its own time zone. The projects come from project-service's
 * {@code /portal/projects}, then every project's visits at once; a project whose visits do not arrive is named
 * as unavailable while the others show, and project-service failing for the list greys out the page's content.
 */
@Controller
class VisitPages {

	private static final Comparator<Instant> SOONEST = Comparator.nullsLast(Comparator.naturalOrder());

	private static final Comparator<Instant> LATEST = Comparator.nullsLast(Comparator.reverseOrder());

	private final PortalAddresses addresses;

	private final ClientTokens tokens;

	private final ClientServices services;

	VisitPages(PortalAddresses addresses, ClientTokens tokens, ClientServices services) {
		this.addresses = addresses;
		this.tokens = tokens;
		this.services = services;
	}

	@GetMapping("/p/{slug}/appointments")
	ModelAndView appointments(@PathVariable String slug, HttpServletRequest request) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<ClientToken> token = this.tokens.current(request, portal.workspaceId());
		if (token.isEmpty()) {
			return Pages.signIn(portal);
		}
		Section<List<Project>> projects = this.services
			.project(token.get(), (rest) -> rest.get().uri("/portal/projects").retrieve().body(MediaPages.PROJECTS))
			.section();
		if (projects.state() == Section.State.SIGNED_OUT) {
			return Pages.signIn(portal);
		}
		ModelAndView page = Pages.page("portal/appointments", portal)
			.addObject(Navigation.ATTRIBUTE, Navigation.APPOINTMENTS)
			.addObject("projectsAvailable", projects.available());
		if (!projects.available()) {
			return page.addObject("upcoming", List.of()).addObject("past", List.of()).addObject("missing", List.of())
				.addObject("noProjects", false);
		}
		List<Call<Visits>> calls = projects.value()
			.stream()
			.map((project) -> this.services.project(token.get(), (rest) -> rest.get()
				.uri("/portal/projects/{id}/appointments", project.id())
				.retrieve()
				.body(Visits.class)))
			.toList();
		List<Dated> upcoming = new ArrayList<>();
		List<Dated> past = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (int i = 0; i < calls.size(); i++) {
			Project project = projects.value().get(i);
			Section<Visits> visits = calls.get(i).section();
			if (visits.state() == Section.State.SIGNED_OUT) {
				return Pages.signIn(portal);
			}
			if (visits.state() == Section.State.NOT_FOUND) {
				// No longer the client's (a contact removed a moment ago): nothing of it to show.
				continue;
			}
			if (!visits.available()) {
				missing.add(project.name());
				continue;
			}
			add(upcoming, visits.value().upcoming(), project);
			add(past, visits.value().past(), project);
		}
		upcoming.sort(Comparator.comparing(Dated::startsAt, SOONEST));
		past.sort(Comparator.comparing(Dated::startsAt, LATEST));
		return page.addObject("upcoming", upcoming.stream().map(Dated::row).toList())
			.addObject("past", past.stream().map(Dated::row).toList())
			.addObject("missing", missing)
			.addObject("noProjects", projects.value().isEmpty());
	}

	private static void add(List<Dated> rows, List<Appointment> visits, Project project) {
		if (visits != null) {
			for (Appointment visit : visits) {
				rows.add(new Dated(visit.startsAt(), visit.view(project.id(), project.name())));
			}
		}
	}

	/** A row and when its visit starts, to order visits of several projects together. */
	private record Dated(Instant startsAt, ProjectVisitRow row) {
	}
}
