package com.coastline.e2e;

import java.time.Duration;
import java.util.Map;

import com.coastline.local.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contractor turns the Customer Portal off (portal-service's {@code POST /api/portal-profile/deactivate}):
 * the signed-in client's next page at the portal's address says "This portal is not available", and
 * identity-service, told on {@code portal.events}, ends the client's sessions and revokes the links. Turned on
 * again, the portal's address asks the client to sign in (the session stays ended), the old link no longer
 * works, and a new link signs in once identity-service has heard of the reactivation. In a workspace of its
 * own ({@link LocalSystem#newWorkspace}), so the demo's portal stays open for the other journeys.
 */
@ExtendWith(EndToEndExtension.class)
class PortalDeactivationJourneyTest {

	/** portal-service → Kafka → identity-service. */
	private static final Duration KAFKA = Duration.ofSeconds(60);

	private final LocalSystem system;

	PortalDeactivationJourneyTest(LocalSystem system) {
		this.system = system;
	}

	@Test
	void aDeactivatedPortalSignsTheClientOutAndIsNotAvailableUntilItIsOpenAgain() {
		LocalSystem.Workspace workspace = this.system.newWorkspace("Deactivation");
		String link = this.system.linkFor(workspace);
		String profile = this.system.url(Service.PORTAL) + "/api/portal-profile";
		String token = this.system.api().token(workspace.id());

		try (Browser browser = Chromium.open(Viewport.PHONE)) {
			browser.open(link);
			browser.visibleReloading(By.id("actions-heading"));
			assertThat(browser.path()).isEqualTo("/p/" + workspace.slug() + "/");
			assertThat(browser.text()).contains(workspace.project());

			this.system.api().post(profile + "/deactivate", null, token).require(200);

			await("the portal closed at the next page").atMost(KAFKA).pollInterval(Duration.ofSeconds(1)).until(() -> {
				browser.open(workspace.portal() + "/");
				return "This portal is not available".equals(browser.driver().findElement(By.tagName("h1")).getText());
			});
			assertThat(browser.text()).doesNotContain(workspace.project());
			browser.screen("portal-not-available");
			await("identity-service ends the client's sessions").atMost(KAFKA)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> this.system.sessionsOf(workspace).isEmpty());

			this.system.api().post(profile + "/activate", null, token).require(200);
			// Signed out: the portal asks to sign in (once its reuse of the session's client token is over:
			// LocalSystem.TOKEN_REUSE).
			await("the portal asks to sign in").atMost(KAFKA).pollInterval(Duration.ofSeconds(2)).until(() -> {
				browser.open(workspace.portal() + "/");
				return browser.path().startsWith("/p/" + workspace.slug() + "/sign-in");
			});
			browser.visible(By.id("email"));
			assertThat(browser.text()).doesNotContain(workspace.project());
			browser.open(link);
			browser.until(driver -> "This link no longer works".equals(driver.findElement(By.tagName("h1")).getText()));

			// Open again for new links once identity-service has heard of it (409 until then).
			String links = this.system.url(Service.IDENTITY) + "/api/contacts/" + workspace.contactId() + "/links";
			String fresh = await("identity-service takes links again").atMost(KAFKA)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> this.system.api().post(links, Map.of(), token), response -> response.status() == 201)
				.body()
				.path("url")
				.asString();
			browser.open(fresh);
			browser.visibleReloading(By.id("actions-heading"));
			assertThat(browser.text()).contains(workspace.project());
		}
	}
}
