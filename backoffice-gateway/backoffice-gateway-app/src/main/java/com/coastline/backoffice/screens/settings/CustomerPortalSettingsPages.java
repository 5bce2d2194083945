package com.coastline.backoffice.screens.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.screens.Service;
import com.coastline.backoffice.screens.ServiceCalls;
import com.coastline.backoffice.screens.ServiceProblem;
import com.coastline.backoffice.screens.ServiceRefusedException;
import com.coastline.backoffice.screens.StaffPages;
import com.coastline.backoffice.signin.StaffToken;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Customer Portal settings (portal-service's {@code /api/portal-profile/**}): open or close the portal, its address,
 * its branding (display name, accent colour, the contractor's phone, email and address, the logo), with a preview
 * card of the portal's header. portal-service judges everything: its refusals (a malformed field, a reserved or
 * taken address, an accent colour too light for white text, a logo that is not a PNG or JPEG, a member who is not
 * the owner) are shown next to the field they concern, with the form as typed, and nothing changes; a logo over
 * portal-service's 1 MB is refused here, by the field, without sending it. The preview's
 * colour comes from {@code preview.css} (the saved colour; the policy allows no inline style), and
 * {@code portal-preview.js} follows the fields as they change.
 */
@Controller
class CustomerPortalSettingsPages {

	private static final String PAGE = "/settings/customer-portal";

	private static final String NOT_OWNER = "Only the workspace's owner can change the Customer Portal.";

	/** portal-service's own limit on a logo (its README): a larger one is refused here, without sending it. */
	static final DataSize MAX_LOGO = DataSize.ofMegabytes(1);

	private static final String LOGO_TOO_LARGE = "The logo is too large: at most " + MAX_LOGO.toMegabytes() + " MB.";

	private static final Map<String, String> DONE = Map.of("saved", "Settings saved.", "activated",
			"The Customer Portal is open: clients can sign in.", "deactivated",
			"The Customer Portal is closed: clients can no longer sign in.", "logo", "Logo saved.", "logo-removed",
			"Logo removed.");

	private final ServiceCalls services;

	private final StaffPages pages;

	CustomerPortalSettingsPages(ServiceCalls services, StaffPages pages) {
		this.services = services;
		this.pages = pages;
	}

	@GetMapping(PAGE)
	String settings(@RequestParam(defaultValue = "") String done, HttpServletRequest request, Model model) {
		StaffToken staff = this.pages.staff(request);
		PortalProfile profile = profile(staff);
		return page(model, profile, ProfileForm.of(profile), Map.of(), DONE.get(done), null);
	}

	/** The preview card's saved accent colour, as a stylesheet (the policy allows no inline style). */
	@GetMapping(path = PAGE + "/preview.css", produces = "text/css")
	@ResponseBody
	ResponseEntity<String> previewStyle(HttpServletRequest request) {
		StaffToken staff = this.pages.staff(request);
		String accent = profile(staff).safeAccent();
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "css"))
			.body(".preview-brand { background-color: " + accent + "; }\n.preview-button { background-color: " + accent
					+ "; }\n");
	}

	@PostMapping(PAGE)
	String save(@RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String accentColor, @RequestParam(defaultValue = "") String contactPhone,
			@RequestParam(defaultValue = "") String contactEmail,
			@RequestParam(defaultValue = "") String contactAddress, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		StaffToken staff = this.pages.staff(request);
		ProfileForm form = new ProfileForm(slug.strip(), displayName.strip(), accentColor.strip(), contactPhone.strip(),
				contactEmail.strip(), contactAddress.strip());
		try {
			this.services.send(staff, Service.PORTAL, HttpMethod.PUT, form.body(), Void.class, "/api/portal-profile");
			return "redirect:" + PAGE + "?done=saved";
		}
		catch (ServiceRefusedException ex) {
			return refused(response, model, staff, form, ex.problem());
		}
	}

	@PostMapping(PAGE + "/activate")
	String activate(HttpServletRequest request, HttpServletResponse response, Model model) {
		return change(request, response, model, HttpMethod.POST, "/api/portal-profile/activate", "activated");
	}

	@PostMapping(PAGE + "/deactivate")
	String deactivate(HttpServletRequest request, HttpServletResponse response, Model model) {
		return change(request, response, model, HttpMethod.POST, "/api/portal-profile/deactivate", "deactivated");
	}

	@PostMapping(PAGE + "/logo/remove")
	String removeLogo(HttpServletRequest request, HttpServletResponse response, Model model) {
		return change(request, response, model, HttpMethod.DELETE, "/api/portal-profile/logo", "logo-removed");
	}

	@PostMapping(PAGE + "/logo")
	String uploadLogo(@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		StaffToken staff = this.pages.staff(request);
		if (file == null || file.isEmpty()) {
			return refused(response, model, staff, null, new ServiceProblem(null, null, 400, null,
					List.of(new ServiceProblem.FieldError("file", "Choose a PNG or JPEG image first."))));
		}
		if (file.getSize() > MAX_LOGO.toBytes()) {
			// portal-service would cut it off mid-upload; the screens' own limit (media's) lets it this far.
			return refused(response, model, staff, null, new ServiceProblem(null, null, 413, null,
					List.of(new ServiceProblem.FieldError("file", LOGO_TOO_LARGE))));
		}
		try {
			this.services.upload(staff, Service.PORTAL, HttpMethod.PUT, file, Void.class, "/api/portal-profile/logo");
			return "redirect:" + PAGE + "?done=logo";
		}
		catch (ServiceRefusedException ex) {
			return refused(response, model, staff, null, ex.problem());
		}
	}

	private String change(HttpServletRequest request, HttpServletResponse response, Model model, HttpMethod method,
			String uri, String done) {
		StaffToken staff = this.pages.staff(request);
		try {
			this.services.send(staff, Service.PORTAL, method, null, Void.class, uri);
			return "redirect:" + PAGE + "?done=" + done;
		}
		catch (ServiceRefusedException ex) {
			return refused(response, model, staff, null, ex.problem());
		}
	}

	/** The page again, as saved, with the form as typed (or as saved) and portal-service's refusal by its field. */
	private String refused(HttpServletResponse response, Model model, StaffToken staff, ProfileForm typed,
			ServiceProblem problem) {
		PortalProfile profile = profile(staff);
		Map<String, String> errors = new LinkedHashMap<>(problem.fieldErrors());
		String message = null;
		switch (problem.name()) {
			case "low-contrast" -> errors.put("accentColor", problem.message());
			case "reserved-slug", "slug-taken" -> errors.put("slug", problem.message());
			case "unsupported-file-type" -> errors.put("file", problem.message());
			default -> {
				if (problem.status() == HttpStatus.FORBIDDEN.value()) {
					message = NOT_OWNER;
				}
				else if (problem.status() == HttpStatus.CONTENT_TOO_LARGE.value()) {
					errors.put("file", LOGO_TOO_LARGE);
				}
				else if (errors.isEmpty()) {
					message = problem.message();
				}
			}
		}
		int status = problem.status();
		response.setStatus((status == 403 || status == 409 || status == 413) ? status
				: HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(model, profile, (typed != null) ? typed : ProfileForm.of(profile), errors, null, message);
	}

	private PortalProfile profile(StaffToken staff) {
		return this.services.get(staff, Service.PORTAL, PortalProfile.class, "/api/portal-profile");
	}

	private static String page(Model model, PortalProfile profile, ProfileForm form, Map<String, String> errors,
			String done, String message) {
		model.addAttribute("profile", profile);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("done", done);
		model.addAttribute("message", message);
		return "backoffice/settings/customer-portal";
	}

	/**
	 * The settings form as typed (or as saved).
	 *
	 * @param slug the address
	 * @param displayName the custom display name (empty: the workspace's name)
	 * @param accentColor the accent colour (empty: the default)
	 * @param contactPhone the contractor's phone
	 * @param contactEmail the contractor's email
	 * @param contactAddress the contractor's address
	 */
	public record ProfileForm(String slug, String displayName, String accentColor, String contactPhone,
			String contactEmail, String contactAddress) {

		static ProfileForm of(PortalProfile profile) {
			return new ProfileForm(text(profile.slug()), text(profile.customDisplayName()), text(profile.accentColor()),
					text(profile.contactPhone()), text(profile.contactEmail()), text(profile.contactAddress()));
		}

		/** portal-service's request: every field, empty ones as absent (the workspace's name, the default colour). */
		Map<String, Object> body() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("slug", this.slug.isEmpty() ? null : this.slug);
			body.put("displayName", blankAsNull(this.displayName));
			body.put("accentColor", blankAsNull(this.accentColor));
			body.put("contactPhone", blankAsNull(this.contactPhone));
			body.put("contactEmail", blankAsNull(this.contactEmail));
			body.put("contactAddress", blankAsNull(this.contactAddress));
			return body;
		}

		private static String text(String value) {
			return (value != null) ? value : "";
		}

		private static String blankAsNull(String value) {
			return value.isEmpty() ? null : value;
		}
	}
}
