package com.coastline.backoffice.screens.contact;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.screens.Contact;
import com.coastline.backoffice.screens.Project;
import com.coastline.backoffice.screens.Section;
import com.coastline.backoffice.screens.Service;
import com.coastline.backoffice.screens.ServiceCalls;
import com.coastline.backoffice.screens.ServiceProblem;
import com.coastline.backoffice.screens.ServiceRefusedException;
import com.coastline.backoffice.screens.StaffPages;
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

/**
 * The contacts (project-service): the list, a new contact, and a contact's page with the projects they see in the
 * portal and the way to their portal access ({@code /contacts/{id}/access}).
 */
@Controller
class ContactPages {

	private static final ParameterizedTypeReference<List<Contact>> CONTACTS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Project>> PROJECTS = new ParameterizedTypeReference<>() {
	};

	private final ServiceCalls services;

	private final StaffPages pages;

	ContactPages(ServiceCalls services, StaffPages pages) {
		this.services = services;
		this.pages = pages;
	}

	@GetMapping("/contacts")
	String list(HttpServletRequest request, Model model) {
		StaffToken staff = this.pages.staff(request);
		model.addAttribute("contacts", this.services.list(staff, Service.PROJECT, CONTACTS, "/api/contacts")
			.stream()
			.sorted(Comparator.comparing(Contact::archived)
				.thenComparing(Contact::name, String.CASE_INSENSITIVE_ORDER))
			.toList());
		return "backoffice/contacts/list";
	}

	@GetMapping("/contacts/new")
	String newContact(HttpServletRequest request, Model model) {
		this.pages.staff(request);
		return form(model, new ContactForm("", "", "", ""), Map.of(), null);
	}

	@PostMapping("/contacts")
	String create(@RequestParam(defaultValue = "") String firstName, @RequestParam(defaultValue = "") String lastName,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String phone,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		StaffToken staff = this.pages.staff(request);
		ContactForm form = new ContactForm(firstName.strip(), lastName.strip(), email.strip(), phone.strip());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("firstName", form.firstName());
		body.put("lastName", form.lastName());
		body.put("email", form.email());
		body.put("phone", form.phone().isEmpty() ? null : form.phone());
		try {
			Contact created = this.services.send(staff, Service.PROJECT, HttpMethod.POST, body, Contact.class,
					"/api/contacts");
			return "redirect:/contacts/" + created.id() + "?done=created";
		}
		catch (ServiceRefusedException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			ServiceProblem problem = ex.problem();
			Map<String, String> errors = problem.fieldErrors();
			return form(model, form, errors, errors.isEmpty() ? problem.message() : null);
		}
	}

	@GetMapping("/contacts/{id}")
	String contact(@PathVariable String id, @RequestParam(defaultValue = "") String done, HttpServletRequest request,
			Model model) {
		StaffToken staff = this.pages.staff(request);
		UUID contactId = StaffPages.id(id, "contact");
		Contact contact = this.services.get(staff, Service.PROJECT, Contact.class, "/api/contacts/{id}", contactId);
		model.addAttribute("contact", contact);
		model.addAttribute("projects", Section.load(() -> this.services
			.list(staff, Service.PROJECT, PROJECTS, "/api/projects")
			.stream()
			.filter((project) -> project.involves(contactId))
			.toList()));
		model.addAttribute("done", "created".equals(done) ? "Contact created." : null);
		return "backoffice/contacts/detail";
	}

	private static String form(Model model, ContactForm form, Map<String, String> errors, String message) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		return "backoffice/contacts/new";
	}

	/**
	 * The new-contact form as typed.
	 *
	 * @param firstName the first name
	 * @param lastName the last name
	 * @param email the email
	 * @param phone the phone
	 */
	public record ContactForm(String firstName, String lastName, String email, String phone) {
	}
}
