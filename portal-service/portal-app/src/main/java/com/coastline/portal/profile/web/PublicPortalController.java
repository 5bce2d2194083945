package com.coastline.portal.profile.web;

import java.time.Duration;

import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.portal.profile.PortalLogoFile;
import com.coastline.portal.profile.ProfileManagement;
import com.coastline.portal.profile.PublicPortal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * What anyone may learn from a portal address (no token; {@code coastline.security.public-paths}): whose
 * portal it is, whether it is open, its branding, and its logo. Old addresses answer with the current one
 * and {@code redirect: true}, so that no link ever sent breaks.
 */
@RestController
@RequestMapping("/public/portals/{slug}")
@Tag(name = "Public portal")
@SecurityRequirements
class PublicPortalController {

	/** Logo URLs carry the logo's tag, so a new logo is a new URL; an hour bounds the unversioned one. */
	private static final CacheControl LOGO_CACHING = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

	private final ProfileManagement profiles;

	PublicPortalController(ProfileManagement profiles) {
		this.profiles = profiles;
	}

	@Operation(summary = "Resolve a portal address",
			description = "Current or old address; 404 for an address no workspace has claimed.")
	@GetMapping
	PublicPortal portal(@PathVariable String slug) {
		return this.profiles.lookup(slug).orElseThrow(() -> new NotFoundException("There is no portal at this address."));
	}

	@Operation(summary = "The portal's logo", description = "With an ETag and public caching; 404 without a logo.")
	@GetMapping("/logo")
	ResponseEntity<byte[]> logo(@PathVariable String slug, WebRequest request) {
		PortalLogoFile logo = this.profiles.logo(slug)
			.orElseThrow(() -> new NotFoundException("This portal has no logo."));
		String etag = "\"" + logo.tag() + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).cacheControl(LOGO_CACHING).build();
		}
		return ResponseEntity.ok()
			.eTag(etag)
			.cacheControl(LOGO_CACHING)
			.contentType(MediaType.parseMediaType(logo.contentType()))
			// An image is never run as a page on our origin.
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(logo.content());
	}
}
