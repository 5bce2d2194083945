package com.coastline.e2e;

import java.time.Instant;

import com.coastline.local.DemoSeeder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dana goes to the portal's address without a link (PRODUCT.md "Signing in", the email code): she enters
 * her email, gets a 6-digit code by email (read here from the real SMTP server's inbox), types it, and is
 * signed in. On a laptop, and on a phone, where the code field must bring up the number pad and offer the
 * code from the email.
 */
@ExtendWith(EndToEndExtension.class)
class EmailCodeSignInJourneyTest {

	private final LocalSystem system;

	EmailCodeSignInJourneyTest(LocalSystem system) {
		this.system = system;
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void theCodeFromTheEmailSignsIn(Viewport viewport) {
		try (Browser browser = Chromium.open(viewport)) {
			browser.open(this.system.portal());
			WebElement email = browser.visible(By.id("email"));
			assertThat(browser.path()).isEqualTo("/p/" + DemoSeeder.PORTAL_SLUG + "/sign-in");
			assertThat(email.getAttribute("type")).isEqualTo("email");
			assertThat(email.getAttribute("autocomplete")).isEqualTo("email");
			browser.screen("sign-in");

			Instant asked = Instant.now();
			email.sendKeys(DemoSeeder.CONTACT_EMAIL);
			browser.driver().findElement(By.xpath("//button[normalize-space()='Email me a code']")).click();
			WebElement code = browser.visible(By.id("code"));
			assertThat(browser.path()).isEqualTo("/p/" + DemoSeeder.PORTAL_SLUG + "/code");
			assertThat(code.getAttribute("autocomplete")).isEqualTo("one-time-code");
			assertThat(code.getAttribute("inputmode")).isEqualTo("numeric");
			assertThat(browser.driver().findElement(By.cssSelector("label[for=code]")).getText())
				.isEqualTo("6-digit code");
			browser.screen("code");

			code.sendKeys(this.system.latestCode(DemoSeeder.CONTACT_EMAIL, asked));
			browser.driver().findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
			browser.visibleReloading(By.id("actions-heading"));
			assertThat(browser.path()).isEqualTo("/p/" + DemoSeeder.PORTAL_SLUG + "/");
			assertThat(browser.text()).containsIgnoringCase("Estimate to approve")
				.contains(DemoSeeder.KITCHEN_ESTIMATE)
				.contains(DemoSeeder.DEPOSIT_INVOICE);
			assertThat(browser.all(By.cssSelector("section[aria-labelledby=projects-heading] .item-title a")))
				.extracting(WebElement::getText)
				.containsExactlyInAnyOrder(DemoSeeder.KITCHEN_PROJECT, DemoSeeder.PROJECT);
			browser.check("home-by-code");
		}
	}
}
