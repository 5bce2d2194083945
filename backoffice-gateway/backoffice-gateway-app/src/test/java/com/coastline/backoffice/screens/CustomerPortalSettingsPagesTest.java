package com.coastline.backoffice.screens;

import java.util.UUID;

import com.coastline.backoffice.routing.BackOfficeService;
import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.coastline.backoffice.support.ScreenStubs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static com.coastline.backoffice.support.ScreenStubs.answer;
import static com.coastline.backoffice.support.ScreenStubs.calls;
import static com.coastline.backoffice.support.ScreenStubs.server;
import static com.coastline.backoffice.support.SignedInScreens.formOf;
import static com.coastline.backoffice.support.SignedInScreens.member;
import static com.coastline.backoffice.support.SignedInScreens.session;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Customer Portal settings against portal-service at its HTTP boundary: the saved state, the preview's colour,
 * saving, opening and closing, the logo, and portal-service's refusals next to their fields with nothing changed.
 */
@BackofficeGatewayTest
class CustomerPortalSettingsPagesTest {

	private static final String PROFILE = "/api/portal-profile";

	@Autowired
	MockMvc mvc;

	@Test
	void thePageShowsTheSavedPortalAndItsPreview() throws Exception {
		StaffMember member = member();
		answer(BackOfficeService.PORTAL, member, "GET", PROFILE, 200, saved(true));

		this.mvc.perform(get("/settings/customer-portal").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Clients can sign in"),
					containsString("href=\"https://portal.test/p/harbour\""),
					containsString("action=\"/settings/customer-portal/deactivate\""),
					containsString("name=\"slug\" type=\"text\""), containsString("value=\"harbour\""),
					containsString("value=\"#0b5cad\""), containsString("value=\"+1 555 0100\""),
					containsString("<span data-preview-name data-default-name=\"Harbour Roofing\">Harbour Roofing</span>"),
					containsString("href=\"/settings/customer-portal/preview.css\""),
					containsString("src=\"/assets/portal-preview.js\""),
					containsString("href=\"/settings/customer-portal\" aria-current=\"page\""))));
	}

	@Test
	void thePreviewsStylesheetCarriesTheSavedAccentColour() throws Exception {
		StaffMember member = member();
		answer(BackOfficeService.PORTAL, member, "GET", PROFILE, 200, saved(true).replace("#0b5cad", "#7a1f5c"));

		this.mvc.perform(get("/settings/customer-portal/preview.css").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/css"))
			.andExpect(content().string(containsString(".preview-brand { background-color: #7a1f5c; }")));
	}

	@Test
	void savingSendsEveryFieldToPortalService() throws Exception {
		StaffMember member = member();
		answer(BackOfficeService.PORTAL, member, "PUT", PROFILE, 200, saved(false));

		this.mvc.perform(post("/settings/customer-portal").with(formOf(this.mvc, member))
			.param("slug", "harbour-roofing")
			.param("displayName", "Harbour Roofing Ltd")
			.param("accentColor", "#0b5cad")
			.param("contactPhone", "+1 555 0100")
			.param("contactEmail", "office@harbour.test")
			.param("contactAddress", ""))
			.andExpect(redirectedUrl("/settings/customer-portal?done=saved"));

		server(BackOfficeService.PORTAL).verify(1, calls(member, "PUT", PROFILE)
			.withRequestBody(matchingJsonPath("$.slug", equalTo("harbour-roofing")))
			.withRequestBody(matchingJsonPath("$.displayName", equalTo("Harbour Roofing Ltd")))
			.withRequestBody(matchingJsonPath("$.contactEmail", equalTo("office@harbour.test"))));
	}

	@Test
	void anAccentColourTooLightIsRefusedNextToItsFieldAndNothingChanges() throws Exception {
		StaffMember member = member();
		answer(BackOfficeService.PORTAL, member, "GET", PROFILE, 200, saved(true));
		answer(BackOfficeService.PORTAL, member, "PUT", PROFILE, 422,
				"{\"type\": \"tag:coastline.app,2026:problem:low-contrast\", \"title\": \"Accent colour too light\", "
						+ "\"status\": 422, \"detail\": \"White text on #ffee00 has a contrast ratio of 1.21:1; at least "
						+ "4.5:1 is needed (WCAG 2.1 AA). Choose a darker colour.\", \"accentColor\": \"#ffee00\", "
						+ "\"contrastRatio\": 1.21, \"minimumContrastRatio\": 4.5}");

		this.mvc.perform(post("/settings/customer-portal").with(formOf(this.mvc, member))
			.param("slug", "harbour")
			.param("accentColor", "#ffee00"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("value=\"#ffee00\""),
					containsString("id=\"accentColor-error\">White text on #ffee00 has a contrast ratio of 1.21:1"),
					containsString("aria-invalid=\"true\" aria-describedby=\"accentColor-error accentColor-hint\""),
					not(containsString("Settings saved")), containsString("Clients can sign in"))));

		server(BackOfficeService.PORTAL).verify(1, calls(member, "PUT", PROFILE));
		server(BackOfficeService.PORTAL).verify(0, calls(member, "POST", PROFILE + "/activate"));
		server(BackOfficeService.PORTAL).verify(0, calls(member, "POST", PROFILE + "/deactivate"));
	}

	@Test
	void malformedFieldsAndATakenAddressAreShownByTheirFields() throws Exception {
		StaffMember member = member();
		answer(BackOfficeService.PORTAL, member, "GET", PROFILE, 200, saved(false));
		answer(BackOfficeService.PORTAL, member, "PUT", PROFILE, 400,
				"{\"type\": \"tag:coastline.app,2026:problem:validation-failed\", \"status\": 400, \"errors\": ["
						+ "{\"field\": \"contactEmail\", \"message\": \"must be a well-formed email address\"}]}");

		this.mvc.perform(post("/settings/customer-portal").with(formOf(this.mvc, member))
			.param("slug", "harbour")
			.param("contactEmail", "office-at-harbour"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(
					containsString("id=\"contactEmail-error\">must be a well-formed email address</p>")));

		StaffMember other = member();
		answer(BackOfficeService.PORTAL, other, "GET", PROFILE, 200, saved(false));
		answer(BackOfficeService.PORTAL, other, "PUT", PROFILE, 409,
				"{\"type\": \"tag:coastline.app,2026:problem:slug-taken\", \"status\": 409, "
						+ "\"detail\": \"The address 'harbour' is already taken; choose another.\"}");
		this.mvc.perform(post("/settings/customer-portal").with(formOf(this.mvc, other))
			.param("slug", "harbour"))
			.andExpect(status().isConflict())
			.andExpect(content().string(
					containsString("id=\"slug-error\">The address &#39;harbour&#39; is already taken; choose another.</p>")));
	}

	@Test
	void openingAndClosingThePortalCallPortalService() throws Exception {
		StaffMember member = member();
		ScreenStubs.noContent(BackOfficeService.PORTAL, member, "POST", PROFILE + "/activate");
		ScreenStubs.noContent(BackOfficeService.PORTAL, member, "POST", PROFILE + "/deactivate");

		this.mvc.perform(post("/settings/customer-portal/activate").with(formOf(this.mvc, member)))
			.andExpect(redirectedUrl("/settings/customer-portal?done=activated"));
		this.mvc.perform(post("/settings/customer-portal/deactivate").with(formOf(this.mvc, member)))
			.andExpect(redirectedUrl("/settings/customer-portal?done=deactivated"));

		server(BackOfficeService.PORTAL).verify(1, calls(member, "POST", PROFILE + "/activate"));
		server(BackOfficeService.PORTAL).verify(1, calls(member, "POST", PROFILE + "/deactivate"));
	}

	@Test
	void aMemberWhoIsNotTheOwnerIsToldWhoCanChangeIt() throws Exception {
		StaffMember member = member();
		answer(BackOfficeService.PORTAL, member, "GET", PROFILE, 200, saved(false));
		answer(BackOfficeService.PORTAL, member, "POST", PROFILE + "/activate", 403,
				"{\"type\": \"tag:coastline.app,2026:problem:forbidden\", \"status\": 403}");

		this.mvc.perform(post("/settings/customer-portal/activate").with(formOf(this.mvc, member)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Only the workspace&#39;s owner can change the Customer Portal.")));
	}

	@Test
	void aLogoReachesPortalServiceAndOneItRefusesIsShownByTheField() throws Exception {
		StaffMember member = member();
		answer(BackOfficeService.PORTAL, member, "PUT", PROFILE + "/logo", 200, saved(true));

		this.mvc.perform(multipart("/settings/customer-portal/logo")
			.file(new MockMultipartFile("file", "logo.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }))
			.with(formOf(this.mvc, member)))
			.andExpect(redirectedUrl("/settings/customer-portal?done=logo"));
		server(BackOfficeService.PORTAL).verify(1, calls(member, "PUT", PROFILE + "/logo")
			.withRequestBody(containing("filename=\"logo.png\"")));

		StaffMember other = member();
		answer(BackOfficeService.PORTAL, other, "GET", PROFILE, 200, saved(true));
		answer(BackOfficeService.PORTAL, other, "PUT", PROFILE + "/logo", 422,
				"{\"type\": \"tag:coastline.app,2026:problem:unsupported-file-type\", \"status\": 422, "
						+ "\"detail\": \"An SVG logo is not accepted; send a PNG or JPEG.\", \"detectedType\": \"image/svg+xml\"}");
		this.mvc.perform(multipart("/settings/customer-portal/logo")
			.file(new MockMultipartFile("file", "logo.svg", "image/svg+xml", "<svg/>".getBytes()))
			.with(formOf(this.mvc, other)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"file-error\">An SVG logo is not accepted; send a PNG or JPEG.</p>")));
	}

	@Test
	void aLogoOverPortalServicesLimitIsRefusedByTheFieldWithoutSendingIt() throws Exception {
		StaffMember member = member();
		answer(BackOfficeService.PORTAL, member, "GET", PROFILE, 200, saved(true));
		byte[] large = new byte[1024 * 1024 + 1];
		large[0] = (byte) 0x89;

		this.mvc.perform(multipart("/settings/customer-portal/logo")
			.file(new MockMultipartFile("file", "logo.png", "image/png", large))
			.with(formOf(this.mvc, member)))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().string(containsString("id=\"file-error\">The logo is too large: at most 1 MB.</p>")));
		server(BackOfficeService.PORTAL).verify(0, calls(member, "PUT", PROFILE + "/logo"));
	}

	@Test
	void withoutASessionOrACsrfTokenNothingChanges() throws Exception {
		this.mvc.perform(get("/settings/customer-portal")).andExpect(redirectedUrl("/sign-in"));
		StaffMember member = member();
		this.mvc.perform(post("/settings/customer-portal").cookie(session(member)).param("slug", "harbour"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/settings/customer-portal/activate").cookie(session(member)))
			.andExpect(status().isForbidden());
		server(BackOfficeService.PORTAL).verify(0, calls(member, "PUT", PROFILE));
		server(BackOfficeService.PORTAL).verify(0, calls(member, "POST", PROFILE + "/activate"));
	}

	@Test
	void portalServiceDownIsTheServiceUnavailablePage() throws Exception {
		StaffMember member = member();
		answer(BackOfficeService.PORTAL, member, "GET", PROFILE, 502, "{}");

		this.mvc.perform(get("/settings/customer-portal").cookie(session(member)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("This page is unavailable right now")));
	}

	private static String saved(boolean active) {
		return "{\"active\": " + active + ", \"slug\": \"harbour\", \"portalUrl\": \"https://portal.test/p/harbour\", "
				+ "\"previousSlugs\": [], \"displayName\": \"Harbour Roofing\", \"customDisplayName\": null, "
				+ "\"accentColor\": \"#0b5cad\", \"contactPhone\": \"+1 555 0100\", \"contactEmail\": null, "
				+ "\"contactAddress\": null, \"logoUrl\": null, \"revision\": 3, \"updatedAt\": \"2026-11-20T10:00:00Z\"}";
	}
}
