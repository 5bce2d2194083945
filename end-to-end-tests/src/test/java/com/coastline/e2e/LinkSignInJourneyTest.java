package com.coastline.e2e;

import java.util.List;

import com.coastline.local.DemoSeeder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo client, Dana, taps the one-tap link her contractor sent (PRODUCT.md "Signing in"): she lands
 * signed in on her home, opens the kitchen remodel, sees its shared photos (one in the photo viewer) and
 * downloads the project guide, and signs out; the portal then asks her to sign in again. Mobile-first, so on a phone first; on a laptop too.
 * Nothing here changes the demo's data.
 */
@ExtendWith(EndToEndExtension.class)
class LinkSignInJourneyTest {

	private final LocalSystem system;

	LinkSignInJourneyTest(LocalSystem system) {
		this.system = system;
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void theOneTapLinkSignsInToHomeThenTheProjectsPhotosAndGuideThenSignOutAsksToSignInAgain(Viewport viewport) {
		DemoSeeder.Demo demo = this.system.demo();
		String link = this.system.linkFor(demo.workspaceId(), demo.contactId());
		assertThat(link).startsWith(this.system.portal() + "/l/");

		try (Browser browser = Chromium.open(viewport)) {
			// The link's page signs the browser in by its own POST (never the GET), then home.
			browser.open(link);
			browser.visibleReloading(By.id("actions-heading"));
			assertThat(browser.path()).isEqualTo("/p/" + DemoSeeder.PORTAL_SLUG + "/");
			assertThat(browser.driver().getTitle()).startsWith("Home");
			assertThat(waitingForYou(browser)).anySatisfy(item -> assertThat(item).startsWithIgnoringCase("Estimate to approve")
				.contains(DemoSeeder.KITCHEN_ESTIMATE)
				.contains(DemoSeeder.KITCHEN_PROJECT))
				.anySatisfy(item -> assertThat(item).startsWithIgnoringCase("Invoice to pay")
					.contains(DemoSeeder.DEPOSIT_INVOICE)
					.contains("$4,500.00"))
				.anySatisfy(item -> assertThat(item).startsWithIgnoringCase("Next visit").contains("Marco Alvarez"));
			assertThat(browser.all(By.cssSelector("section[aria-labelledby=projects-heading] .item-title a")))
				.extracting(WebElement::getText)
				.containsExactlyInAnyOrder(DemoSeeder.KITCHEN_PROJECT, DemoSeeder.PROJECT);
			browser.screen("home");

			browser.driver().findElement(By.linkText(DemoSeeder.KITCHEN_PROJECT)).click();
			browser.until(driver -> DemoSeeder.KITCHEN_PROJECT
				.equals(driver.findElement(By.tagName("h1")).getText()));
			assertThat(browser.path()).isEqualTo(
					"/p/" + DemoSeeder.PORTAL_SLUG + "/projects/" + demo.kitchen().projectId());
			List<WebElement> photos = browser.all(By.cssSelector(".gallery img"));
			assertThat(photos).as("the kitchen's photos on the portal, not the one kept internal")
				.hasSize(demo.kitchen().media().portalPhotos().size());
			for (WebElement photo : photos) {
				// Lazily loaded: brought into view, then it must have arrived as a decodable image.
				browser.script("arguments[0].scrollIntoView({block: 'center'})", photo);
				browser.until(driver -> Boolean.TRUE.equals(browser.script(
						"return arguments[0].complete && arguments[0].naturalWidth > 0", photo)));
				assertThat(photo.getAttribute("alt")).startsWith("Project photo");
			}
			assertThat(browser.all(By.cssSelector("section[aria-labelledby=documents-heading] .item-title")))
				.extracting(WebElement::getText)
				.containsExactly(DemoSeeder.KITCHEN_GUIDE);
			// The guide downloads, with the browser's session, as the PDF it is.
			String guide = browser.driver().findElement(By.linkText(DemoSeeder.KITCHEN_GUIDE)).getAttribute("href");
			assertThat(browser.fetch(guide)).matches("200 application/pdf.* %PDF-");
			browser.script("document.getElementById('photos-heading').scrollIntoView()");
			browser.screenshot("project-photos");
			browser.script("window.scrollTo(0, 0)");
			browser.screen("project");

			// The photo viewer: the first photo, large, then back to the project.
			browser.driver().findElement(By.cssSelector(".gallery a")).click();
			WebElement large = browser.visible(By.cssSelector("figure.viewer img"));
			assertThat(browser.driver().findElement(By.tagName("h1")).getText())
				.isEqualTo("Photo 1 of " + photos.size());
			browser.until(driver -> Boolean.TRUE.equals(
					browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", large)));
			browser.screen("photo");
			browser.driver().findElement(By.linkText("Back to project")).click();
			browser.until(driver -> DemoSeeder.KITCHEN_PROJECT
				.equals(driver.findElement(By.tagName("h1")).getText()));

			browser.driver().findElement(By.linkText("Back to home")).click();
			browser.visible(By.xpath("//button[normalize-space()='Sign out']")).click();
			browser.until(driver -> browser.path().startsWith("/p/" + DemoSeeder.PORTAL_SLUG + "/sign-in"));
			assertThat(browser.visible(By.cssSelector("[role=status]")).getText()).isEqualTo("You are signed out.");
			assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
			browser.screen("signed-out");

			// Going back to home, or opening it by its address, asks to sign in: nothing of Dana's is shown.
			browser.driver().navigate().back();
			browser.visible(By.id("email"));
			assertThat(browser.path()).isEqualTo("/p/" + DemoSeeder.PORTAL_SLUG + "/sign-in");
			assertThat(browser.text()).doesNotContain(DemoSeeder.KITCHEN_ESTIMATE);
			browser.open(this.system.portal() + "/");
			browser.visible(By.id("email"));
			assertThat(browser.path()).isEqualTo("/p/" + DemoSeeder.PORTAL_SLUG + "/sign-in");
		}
	}

	/** The items of "Waiting for you", each as its visible text (the tags are in capitals by the style sheet). */
	private static List<String> waitingForYou(Browser browser) {
		return browser.all(By.cssSelector("section[aria-labelledby=actions-heading] li.item"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}
}
