package com.coastline.e2e;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contractor revokes a client's links (SECURITY.md "One-tap link": revocation also ends the sessions the
 * links opened): the client, signed in with a one-tap link, is signed out at a next page load and offered
 * the email code, and the old link no longer signs in (it offers the email code too). In a workspace of its
 * own ({@link LocalSystem#newWorkspace}), so the demo's links stay as the other journeys expect them.
 */
@ExtendWith(EndToEndExtension.class)
class LinkRevocationJourneyTest {

	/**
	 * The portal reuses a session's client token for a while ({@link LocalSystem#TOKEN_REUSE}), so a page may still
	 * render that long after identity-service ended the session; a margin for a busy machine on top.
	 */
	private static final Duration SIGNED_OUT = LocalSystem.TOKEN_REUSE.plusSeconds(25);

	private final LocalSystem system;

	LinkRevocationJourneyTest(LocalSystem system) {
		this.system = system;
	}

	@Test
	void revokedLinksSignTheClientOutAtTheNextPageAndTheOldLinkOffersTheEmailCode() {
		LocalSystem.Workspace workspace = this.system.newWorkspace("Revocation");
		String link = this.system.linkFor(workspace);
		String home = "/p/" + workspace.slug() + "/";

		try (Browser browser = Chromium.open(Viewport.PHONE)) {
			browser.open(link);
			browser.visibleReloading(By.id("actions-heading"));
			assertThat(browser.path()).isEqualTo(home);
			assertThat(browser.text()).contains(workspace.project());
			assertThat(this.system.sessionsOf(workspace)).hasSize(1);

			this.system.revokeLinks(workspace);
			assertThat(this.system.sessionsOf(workspace)).as("the sessions the links opened").isEmpty();

			await("signed out at a next page").atMost(SIGNED_OUT).pollInterval(Duration.ofSeconds(2)).until(() -> {
				browser.open(workspace.portal() + "/");
				return browser.path().startsWith("/p/" + workspace.slug() + "/sign-in");
			});
			assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
			assertThat(browser.visible(By.id("email")).isDisplayed()).isTrue();
			assertThat(browser.text()).contains("6-digit code").doesNotContain(workspace.project());

			// The old link: its page's own POST is refused, and the email code is offered instead.
			browser.open(link);
			browser.until(driver -> "This link no longer works".equals(driver.findElement(By.tagName("h1")).getText()));
			assertThat(browser.visible(By.id("email")).isDisplayed()).isTrue();
			assertThat(browser.text()).contains("6-digit code").doesNotContain(workspace.project());
			browser.screen("link-refused");
			browser.open(workspace.portal() + "/");
			browser.visible(By.id("email"));
			assertThat(browser.path()).startsWith("/p/" + workspace.slug() + "/sign-in");
			assertThat(this.system.sessionsOf(workspace)).as("no session from the old link").isEmpty();
		}
	}
}
