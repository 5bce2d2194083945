package com.coastline.portal.profile.web;

import java.io.IOException;

import com.coastline.platform.web.problem.BadRequestException;
import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.platform.web.tenant.Tenant;
import com.coastline.portal.profile.Portal;
import com.coastline.portal.profile.ProfileManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Back-office API of the workspace's Customer Portal. Any staff member reads it; changing it (address,
 * branding, logo, turning it on or off) is for owners, as with the payment settings: it decides what every
 * client sees and whether they can sign in at all. Admin service clients of the workspace may change it too.
 */
@RestController
@RequestMapping("/api/portal-profile")
@Tag(name = "Portal profile")
class PortalProfileController {

	private final ProfileManagement profiles;

	private final CurrentTenant tenant;

	PortalProfileController(ProfileManagement profiles, CurrentTenant tenant) {
		this.profiles = profiles;
		this.tenant = tenant;
	}

	@Operation(summary = "The workspace's portal",
			description = "Inactive with the default branding (and the workspace's name, once known) until set up.")
	@GetMapping
	Portal portal() {
		return this.profiles.current();
	}

	@Operation(summary = "Set the portal's address and branding (owners)",
			description = "Replaces them. 409 when another workspace uses or used the address; 422 for a reserved "
					+ "address or an accent colour too light for white text (the problem names the ratio). The old "
					+ "address keeps redirecting to the new one.")
	@PutMapping
	Portal change(@Valid @RequestBody ProfileRequest request) {
		requireOwner("change the portal");
		return this.profiles.change(request.change());
	}

	@Operation(summary = "Open the portal to clients (owners)", description = "Idempotent; 422 without an address.")
	@PostMapping("/activate")
	Portal activate() {
		requireOwner("activate the portal");
		return this.profiles.activate();
	}

	@Operation(summary = "Close the portal to clients (owners)",
			description = "Idempotent. Clients' links stop working and their sessions end (identity-service).")
	@PostMapping("/deactivate")
	Portal deactivate() {
		requireOwner("deactivate the portal");
		return this.profiles.deactivate();
	}

	@Operation(summary = "Upload the logo (owners)",
			description = "Multipart part `file`: a PNG or JPEG of at most 1 MB (413 beyond), recognised by its "
					+ "content; SVG and other types answer 422. Served re-encoded at the profile's `logoUrl`.")
	@PutMapping(path = "/logo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Portal uploadLogo(@RequestPart("file") MultipartFile file) throws IOException {
		requireOwner("change the logo");
		if (file.isEmpty()) {
			throw new BadRequestException("The logo file is empty.");
		}
		return this.profiles.uploadLogo(file.getBytes());
	}

	@Operation(summary = "Remove the logo (owners)", description = "Idempotent.")
	@DeleteMapping("/logo")
	Portal removeLogo() {
		requireOwner("remove the logo");
		return this.profiles.removeLogo();
	}

	private void requireOwner(String action) {
		Tenant caller = this.tenant.get();
		if (caller.isStaff() && !caller.hasRole("owner")) {
			throw new AccessDeniedException("Only an owner may " + action + ".");
		}
	}
}
