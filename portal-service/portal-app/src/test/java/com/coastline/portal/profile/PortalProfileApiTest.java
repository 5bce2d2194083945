package com.coastline.portal.profile;

import java.util.UUID;

import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.test.security.TestTokens;
import com.coastline.portal.api.PortalTopics;
import com.coastline.portal.support.PortalFixture;
import com.coastline.portal.support.PortalServiceTest;
import com.coastline.portal.support.WireContracts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static com.coastline.portal.support.PortalFixture.owner;
import static com.coastline.portal.support.PortalFixture.profile;
import static com.coastline.portal.support.PortalFixture.slug;
import static com.coastline.portal.support.PortalFixture.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalServiceTest
class PortalProfileApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	PortalFixture portal;

	@BeforeEach
	void setUp() {
		this.portal = new PortalFixture(this.mvc, this.jdbc, this.environment);
	}

	@Test
	void aNewWorkspaceReadsAsInactiveWithItsName() throws Exception {
		UUID workspace = this.portal.workspace("Harbor Builders LLC");

		this.mvc.perform(get("/api/portal-profile").header("Authorization", staff(workspace)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.workspaceId").value(workspace.toString()))
			.andExpect(jsonPath("$.active").value(false))
			.andExpect(jsonPath("$.slug").value(nullValue()))
			.andExpect(jsonPath("$.displayName").value("Harbor Builders LLC"))
			.andExpect(jsonPath("$.accentColor").value(PortalProfile.DEFAULT_ACCENT));
	}

	@Test
	void aWorkspaceNobodyAnnouncedReadsAsInactiveWithDefaults() throws Exception {
		this.mvc.perform(get("/api/portal-profile").header("Authorization", staff(UUID.randomUUID())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false))
			.andExpect(jsonPath("$.displayName").value(nullValue()));
	}

	@Test
	void anOwnerSetsTheBrandingAndTheWholeStateIsPublished() throws Exception {
		UUID workspace = this.portal.workspace("Harbor Builders LLC");
		String slug = slug("harbor");

		this.portal.change(workspace, """
				{"slug": "%s", "accentColor": "#0B5CAD", "contactPhone": "+1 303 555 0100",
				 "contactEmail": "office@harbor.example", "contactAddress": "1 Dock St, Boulder CO"}
				""".formatted(slug))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.slug").value(slug))
			.andExpect(jsonPath("$.portalUrl").value("https://portal.test/p/" + slug))
			.andExpect(jsonPath("$.displayName").value("Harbor Builders LLC"))
			.andExpect(jsonPath("$.customDisplayName").value(nullValue()))
			.andExpect(jsonPath("$.accentColor").value("#0b5cad"))
			.andExpect(jsonPath("$.contactEmail").value("office@harbor.example"))
			.andExpect(jsonPath("$.revision").value(1));

		ConsumerRecord<String, String> changed = this.portal.published(workspace, PortalTopics.PORTAL_PROFILE_CHANGED, 1);
		WireContracts.assertValid(changed.value(), PortalTopics.PORTAL_PROFILE_CHANGED);
		assertThat(changed.value()).contains("\"slug\":\"" + slug + "\"", "\"displayName\":\"Harbor Builders LLC\"",
				"\"active\":false", "\"contactPhone\":\"+1 303 555 0100\"");
		assertThat(TopicRecords.header(changed, "ce_subject")).isEqualTo(workspace.toString());
		assertThat(TopicRecords.header(changed, "ce_id")).isNotBlank();
	}

	@Test
	void sameValuesAgainChangeNothingAndPublishNothing() throws Exception {
		UUID workspace = UUID.randomUUID();
		String slug = slug("steady");
		this.portal.setUp(workspace, slug);
		this.portal.published(workspace, PortalTopics.PORTAL_PROFILE_CHANGED, 1);

		this.portal.change(workspace, profile(slug, "Harbor Builders", "#0b5cad"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(1));
		// A later change proves the outbox has relayed everything before it.
		this.portal.change(workspace, profile(slug, "Harbor Builders Inc", "#0b5cad")).andExpect(status().isOk());
		this.portal.published(workspace, PortalTopics.PORTAL_PROFILE_CHANGED, 2);

		assertThat(this.portal.publishedFor(workspace)).hasSize(2);
	}

	@Test
	void activationAndDeactivationArePublishedInOrder() throws Exception {
		UUID workspace = UUID.randomUUID();
		String slug = slug("switch");
		this.portal.setUp(workspace, slug);

		this.mvc.perform(post("/api/portal-profile/activate").header("Authorization", owner(workspace)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.revision").value(2));
		this.mvc.perform(post("/api/portal-profile/activate").header("Authorization", owner(workspace)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(2));
		this.mvc.perform(post("/api/portal-profile/deactivate").header("Authorization", owner(workspace)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false))
			.andExpect(jsonPath("$.revision").value(3));

		ConsumerRecord<String, String> activated = this.portal.published(workspace, PortalTopics.PORTAL_ACTIVATED, 2);
		ConsumerRecord<String, String> deactivated = this.portal.published(workspace, PortalTopics.PORTAL_DEACTIVATED, 3);
		ConsumerRecord<String, String> off = this.portal.published(workspace, PortalTopics.PORTAL_PROFILE_CHANGED, 3);
		WireContracts.assertValid(activated.value(), PortalTopics.PORTAL_ACTIVATED);
		WireContracts.assertValid(deactivated.value(), PortalTopics.PORTAL_DEACTIVATED);
		WireContracts.assertValid(off.value(), PortalTopics.PORTAL_PROFILE_CHANGED);
		assertThat(activated.value()).contains("\"activatedBy\":\"staff-olivia\"", "\"slug\":\"" + slug + "\"");
		assertThat(off.value()).contains("\"active\":false");
		// Keyed by workspace: one partition, so consumers see activation before deactivation.
		assertThat(activated.partition()).isEqualTo(deactivated.partition());
		assertThat(activated.offset()).isLessThan(deactivated.offset());
		assertThat(this.portal.publishedFor(workspace)).hasSize(5);
	}

	@Test
	void activatingWithoutAnAddressIsRefused() throws Exception {
		UUID workspace = this.portal.workspace("No Address Yet");

		this.mvc.perform(post("/api/portal-profile/activate").header("Authorization", owner(workspace)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("address")));
	}

	@Test
	void invalidValuesAreValidationProblems() throws Exception {
		UUID workspace = UUID.randomUUID();

		this.portal.change(workspace, profile("Harbor", "Harbor", "#0b5cad"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", contains("slug")));
		this.portal.change(workspace, profile("ab", "Harbor", "#0b5cad")).andExpect(status().isBadRequest());
		this.portal.change(workspace, profile("-harbor", "Harbor", "#0b5cad")).andExpect(status().isBadRequest());
		this.portal.change(workspace, profile("a".repeat(41), "Harbor", "#0b5cad")).andExpect(status().isBadRequest());
		this.portal.change(workspace, profile("harbor-ok", "Harbor", "navy"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", contains("accentColor")));
		this.portal.change(workspace, """
				{"slug": "harbor-ok", "contactEmail": "not an email"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", contains("contactEmail")));
		this.portal.change(workspace, "{\"slug\": ")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aReservedAddressIsRefused() throws Exception {
		this.portal.change(UUID.randomUUID(), profile("admin", "Harbor", "#0b5cad"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:reserved-slug"))
			.andExpect(jsonPath("$.slug").value("admin"));
	}

	@Test
	void aLightAccentColourIsRefusedNamingItsContrastRatio() throws Exception {
		this.portal.change(UUID.randomUUID(), profile(slug("sunny"), "Sunny Roofing", "#ffcc00"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:low-contrast"))
			.andExpect(jsonPath("$.contrastRatio").value(1.51))
			.andExpect(jsonPath("$.minimumContrastRatio").value(4.5))
			.andExpect(jsonPath("$.detail").value(containsString("1.51:1")));
	}

	@Test
	void anAddressIsUniqueAcrossWorkspacesIncludingOldOnes() throws Exception {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		String original = slug("taken");
		String renamed = slug("renamed");
		this.portal.setUp(first, original);

		this.portal.change(second, profile(original, "Copycat", "#0b5cad"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:slug-taken"));
		this.portal.setUp(first, renamed);
		// The old address still belongs to the first workspace: it redirects there.
		this.portal.change(second, profile(original, "Copycat", "#0b5cad")).andExpect(status().isConflict());
		// The first workspace may take its old address back.
		this.portal.setUp(first, original);
	}

	@Test
	void anOldAddressResolvesWithARedirectHint() throws Exception {
		UUID workspace = UUID.randomUUID();
		String old = slug("old");
		String current = slug("new");
		this.portal.activePortal(workspace, old);
		this.portal.setUp(workspace, current);

		this.mvc.perform(get("/public/portals/{slug}", old))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.workspaceId").value(workspace.toString()))
			.andExpect(jsonPath("$.slug").value(old))
			.andExpect(jsonPath("$.canonicalSlug").value(current))
			.andExpect(jsonPath("$.redirect").value(true))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.branding.displayName").value("Harbor Builders"))
			.andExpect(jsonPath("$.branding.accentColor").value("#0b5cad"))
			.andExpect(jsonPath("$.branding.contactEmail").value("office@harbor.example"));
		this.mvc.perform(get("/public/portals/{slug}", current.toUpperCase()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.canonicalSlug").value(current))
			.andExpect(jsonPath("$.redirect").value(false));
		this.mvc.perform(get("/api/portal-profile").header("Authorization", staff(workspace)))
			.andExpect(jsonPath("$.previousSlugs", hasItem(old)));
	}

	@Test
	void anUnknownAddressIsNotFound() throws Exception {
		this.mvc.perform(get("/public/portals/{slug}", slug("nobody")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/public/portals/{slug}", "not a slug!")).andExpect(status().isNotFound());
	}

	@Test
	void onlyOwnersChangeThePortal() throws Exception {
		UUID workspace = UUID.randomUUID();
		String slug = slug("owners");

		this.mvc.perform(put("/api/portal-profile").header("Authorization", staff(workspace))
				.contentType(MediaType.APPLICATION_JSON)
				.content(profile(slug, "Harbor", "#0b5cad")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.portal.setUp(workspace, slug);
		this.mvc.perform(post("/api/portal-profile/activate").header("Authorization", staff(workspace)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/portal-profile/deactivate").header("Authorization", staff(workspace)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/portal-profile").header("Authorization", staff(workspace)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false));
		// An admin client acting for the workspace (the launcher's seeder) may.
		this.mvc.perform(post("/api/portal-profile/activate")
				.header("Authorization", TestTokens.service("seeder").workspace(workspace).roles("admin").bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(true));
	}

	@Test
	void clientsAndAnonymousCallersAreTurnedAway() throws Exception {
		UUID workspace = UUID.randomUUID();

		this.mvc.perform(get("/api/portal-profile")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/portal-profile")
				.header("Authorization", TestTokens.client(workspace, UUID.randomUUID()).bearer()))
			.andExpect(status().isForbidden());
	}

	@Test
	void eachWorkspaceSeesOnlyItsOwnPortal() throws Exception {
		UUID mine = UUID.randomUUID();
		UUID theirs = UUID.randomUUID();
		this.portal.activePortal(theirs, slug("theirs"));

		this.mvc.perform(get("/api/portal-profile").header("Authorization", staff(mine)))
			.andExpect(jsonPath("$.workspaceId").value(mine.toString()))
			.andExpect(jsonPath("$.active").value(false))
			.andExpect(jsonPath("$.slug").value(nullValue()));
		// Deactivating here leaves the other workspace's portal alone.
		this.mvc.perform(post("/api/portal-profile/deactivate").header("Authorization", owner(mine)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/portal-profile").header("Authorization", staff(theirs)))
			.andExpect(jsonPath("$.active").value(true));
	}
}
