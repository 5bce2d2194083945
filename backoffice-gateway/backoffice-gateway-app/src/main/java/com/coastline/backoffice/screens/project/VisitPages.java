package com.coastline.backoffice.screens.project;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.screens.NotFoundException;
import com.coastline.backoffice.screens.Project;
import com.coastline.backoffice.screens.Service;
import com.coastline.backoffice.screens.ServiceCalls;
import com.coastline.backoffice.screens.ServiceProblem;
import com.coastline.backoffice.screens.ServiceRefusedException;
import com.coastline.backoffice.screens.ServiceUnavailableException;
import com.coastline.backoffice.screens.StaffPages;
import com.coastline.backoffice.signin.StaffToken;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Scheduling a visit on a project: a day, a window and who is coming, in the workspace's time zone (identity's
 * {@code GET /api/workspaces/{wid}}; project-service keeps no workspace) → project-service's
 * {@code POST /api/projects/{id}/appointments} with the window as two instants. A day, time or zone that is not
 * one is refused here, by its field, before anything is sent.
 */
@Controller
class VisitPages {

	private static final String DEFAULT_ZONE = "UTC";

	private final ServiceCalls services;

	private final StaffPages pages;

	VisitPages(ServiceCalls services, StaffPages pages) {
		this.services = services;
		this.pages = pages;
	}

	@GetMapping("/projects/{id}/appointments/new")
	String newVisit(@PathVariable String id, HttpServletRequest request, Model model) {
		StaffToken staff = this.pages.staff(request);
		Project project = project(staff, id);
		return form(model, project, new VisitForm("", "09:00", "11:00", workspaceZone(staff), "", ""), Map.of(), null);
	}

	@PostMapping("/projects/{id}/appointments")
	String schedule(@PathVariable String id, @RequestParam(defaultValue = "") String date,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "") String timeZone, @RequestParam(defaultValue = "") String assigneeName,
			@RequestParam(defaultValue = "") String notes, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		StaffToken staff = this.pages.staff(request);
		Project project = project(staff, id);
		VisitForm form = new VisitForm(date.strip(), from.strip(), to.strip(), timeZone.strip(), assigneeName.strip(),
				notes.strip());
		Map<String, String> errors = new LinkedHashMap<>();
		ZoneId zone = zone(form.timeZone(), errors);
		LocalDate day = day(form.date(), errors);
		LocalTime starts = time(form.from(), "from", errors);
		LocalTime ends = time(form.to(), "to", errors);
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, project, form, errors, null);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("startsAt", day.atTime(starts).atZone(zone).toInstant().toString());
		body.put("endsAt", day.atTime(ends).atZone(zone).toInstant().toString());
		body.put("timeZone", zone.getId());
		body.put("assigneeName", form.assigneeName().isEmpty() ? null : form.assigneeName());
		body.put("notes", form.notes().isEmpty() ? null : form.notes());
		try {
			this.services.send(staff, Service.PROJECT, HttpMethod.POST, body, Void.class,
					"/api/projects/{id}/appointments", project.id());
			return "redirect:/projects/" + project.id() + "?done=visit-scheduled#visits";
		}
		catch (ServiceRefusedException ex) {
			response.setStatus(
					(ex.problem().status() == HttpStatus.CONFLICT.value()) ? HttpStatus.CONFLICT.value()
							: HttpStatus.UNPROCESSABLE_CONTENT.value());
			ServiceProblem problem = ex.problem();
			problem.fieldErrors().forEach((field, message) -> errors.put(switch (field) {
				case "startsAt" -> "from";
				case "endsAt" -> "to";
				default -> field;
			}, message));
			boolean shown = errors.keySet().stream().anyMatch(VisitForm.FIELDS::contains);
			return form(model, project, form, errors, shown ? null : problem.message());
		}
	}

	private Project project(StaffToken staff, String id) {
		return this.services.get(staff, Service.PROJECT, Project.class, "/api/projects/{id}",
				StaffPages.id(id, "project"));
	}

	/** The workspace's time zone, as identity knows it; UTC when identity cannot say right now. */
	private String workspaceZone(StaffToken staff) {
		try {
			Workspace workspace = this.services.get(staff, Service.IDENTITY, Workspace.class, "/api/workspaces/{id}",
					staff.workspaceId());
			return (workspace != null && workspace.timeZone() != null) ? workspace.timeZone() : DEFAULT_ZONE;
		}
		catch (ServiceUnavailableException | NotFoundException | ServiceRefusedException ex) {
			return DEFAULT_ZONE;
		}
	}

	private static String form(Model model, Project project, VisitForm form, Map<String, String> errors,
			String message) {
		model.addAttribute("project", project);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		return "backoffice/projects/new-visit";
	}

	private static ZoneId zone(String value, Map<String, String> errors) {
		try {
			if (value.isEmpty() || value.startsWith("+") || value.startsWith("-")) {
				throw new DateTimeException(value);
			}
			return ZoneId.of(value);
		}
		catch (DateTimeException ex) {
			errors.put("timeZone", "Enter a time zone like Europe/Berlin or America/Denver.");
			return null;
		}
	}

	private static LocalDate day(String value, Map<String, String> errors) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeException ex) {
			errors.put("date", "Enter the day as YYYY-MM-DD.");
			return null;
		}
	}

	private static LocalTime time(String value, String field, Map<String, String> errors) {
		try {
			return LocalTime.parse(value);
		}
		catch (DateTimeException ex) {
			errors.put(field, "Enter a time like 09:30.");
			return null;
		}
	}

	/**
	 * identity's workspace, as far as the form needs it.
	 *
	 * @param id the workspace
	 * @param timeZone its IANA time zone
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Workspace(UUID id, String timeZone) {
	}

	/**
	 * The visit form as typed.
	 *
	 * @param date the day ({@code yyyy-MM-dd})
	 * @param from when the window starts ({@code HH:mm})
	 * @param to when it ends
	 * @param timeZone the IANA time zone the day and times are in
	 * @param assigneeName who is coming
	 * @param notes internal notes for the crew
	 */
	public record VisitForm(String date, String from, String to, String timeZone, String assigneeName, String notes) {

		static final Set<String> FIELDS = Set.of("date", "from", "to", "timeZone", "assigneeName",
				"notes");
	}
}
