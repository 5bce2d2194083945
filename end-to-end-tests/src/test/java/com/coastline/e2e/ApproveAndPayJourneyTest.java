package com.coastline.e2e;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.local.Api;
import com.coastline.local.DemoSeeder;
import com.coastline.local.MailInbox;
import com.coastline.local.Service;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client approves their estimate by typing their name, which approves the project (and the demo
 * workspace's "Project approved" automation emails them their portal link), then pays the deposit invoice
 * through the TEST MODE checkout, and the portal shows it paid once the provider's webhook confirmed it
 * (PRODUCT.md "The portal"). Each run is a new client of the demo workspace with a new project, a sent
 * estimate and an open invoice, so the demo's own estimate and invoice stay as they are for the other
 * journeys.
 */
@ExtendWith(EndToEndExtension.class)
class ApproveAndPayJourneyTest {

	private final LocalSystem system;

	ApproveAndPayJourneyTest(LocalSystem system) {
		this.system = system;
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	void theClientApprovesTheEstimateWithTheirNameThenPaysTheInvoiceInTestMode(Viewport viewport) {
		Client client = newClient();
		String portal = "/p/" + DemoSeeder.PORTAL_SLUG;

		try (Browser browser = Chromium.open(viewport)) {
			browser.open(this.system.linkFor(this.system.demo().workspaceId(), client.contactId()));
			browser.visibleReloading(By.id("actions-heading"));

			browser.visible(By.cssSelector("a[href$='/estimates/" + client.estimateId() + "']")).click();
			WebElement name = browser.visible(By.id("signed-name"));
			assertThat(browser.path()).isEqualTo(portal + "/estimates/" + client.estimateId());
			assertThat(name.getAttribute("name")).isEqualTo("signedName");
			assertThat(browser.text()).contains(client.estimateTitle()).contains("$1,250.00");
			browser.screen("estimate");
			name.sendKeys(client.fullName());
			browser.driver().findElement(By.xpath("//button[normalize-space()='Approve estimate']")).click();
			browser.until(driver -> browser.text().contains("Approved by " + client.fullName()));
			assertThat(browser.all(By.id("signed-name"))).as("no second approval").isEmpty();
			assertThat(statusOf(client, "estimates", client.estimateId())).isEqualTo("APPROVED");
			browser.screen("estimate-approved");

			browser.open(this.system.portal() + "/");
			browser.visible(By.cssSelector("a[href$='/invoices/" + client.invoiceId() + "']")).click();
			browser.until(driver -> browser.path().equals(portal + "/invoices/" + client.invoiceId()));
			assertThat(browser.text()).contains(client.invoiceTitle()).contains("$800.00");
			browser.screen("invoice");
			browser.visible(By.xpath("//button[starts-with(normalize-space(), 'Pay')]")).click();

			// project-service's stand-in for the provider's checkout page: not the portal's, so no axe check here.
			WebElement pay = browser.visible(By.xpath("//button[normalize-space()='Pay (test mode)']"));
			assertThat(browser.text()).contains("TEST MODE").contains("800.00 USD");
			browser.screenshot("checkout-test-mode");
			pay.click();

			browser.until(driver -> browser.path().equals(portal + "/invoices/" + client.invoiceId() + "/payment"));
			// The status page checks again by itself (a Refresh header) until the webhook confirmed the payment.
			await("the payment status page shows the invoice paid").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(() -> browser.driver().findElement(By.tagName("h1")).getText().startsWith("Paid"));
			assertThat(browser.text()).contains("We received your payment of $800.00").contains(client.invoiceTitle());
			assertThat(statusOf(client, "invoices", client.invoiceId())).isEqualTo("PAID");
			browser.screen("payment");
		}
		// The contractor sees it paid in the back office. Once, at one size: a second sign-in code to the same
		// address within a minute is not sent (SECURITY.md's resend cooldown).
		if (viewport == Viewport.DESKTOP) {
			assertThat(backOfficeStatusOf(client.invoiceId(), viewport)).isEqualTo("Paid");
		}

		// The approval approved the project, and the demo's automation emailed the client their portal link.
		await("the automation's email to " + client.email()).atMost(LocalSystem.EMAIL)
			.until(() -> this.system.mailsTo(client.email())
				.stream()
				.anyMatch(mail -> DemoSeeder.APPROVAL_SUBJECT.equals(mail.subject())));
		MailInbox.Mail mail = this.system.mailsTo(client.email())
			.stream()
			.filter(found -> DemoSeeder.APPROVAL_SUBJECT.equals(found.subject()))
			.findFirst()
			.orElseThrow();
		assertThat(mail.text()).contains("Hello " + client.firstName() + ",")
			.contains(this.system.portal() + "/l/");
	}

	/**
	 * A new client of the demo workspace (an email of their own; the project's and documents' names are the
	 * same each time, since a client sees only their own) with a project, a sent estimate and an open invoice.
	 */
	private Client newClient() {
		Api api = this.system.api();
		String token = api.token(this.system.demo().workspaceId());
		String project = this.system.url(Service.PROJECT);
		String email = "riley-" + UUID.randomUUID() + "@example.com";
		UUID contact = id(api.post(project + "/api/contacts",
				Map.of("firstName", "Riley", "lastName", "Chen", "email", email), token));
		UUID projectId = id(api.post(project + "/api/projects", Map.of("name", "Deck rebuild", "address",
				"733 Spruce Street, Boulder, CO 80302", "primaryContactId", contact), token));
		String estimateTitle = "Deck rebuild: cedar boards and railing";
		UUID estimate = id(api.post(project + "/api/projects/" + projectId + "/estimates",
				Map.of("currency", "USD", "title", estimateTitle, "validUntil",
						LocalDate.now(DemoSeeder.TIME_ZONE).plusDays(30).toString(), "lineItems",
						List.of(line("Cedar decking and railing, installed", 125_000))),
				token));
		api.post(project + "/api/estimates/" + estimate + "/send", null, token).require(200);
		String invoiceTitle = "Deck rebuild: materials deposit";
		UUID invoice = id(api.post(project + "/api/projects/" + projectId + "/invoices",
				Map.of("currency", "USD", "title", invoiceTitle, "dueDate",
						LocalDate.now(DemoSeeder.TIME_ZONE).plusDays(14).toString(), "lineItems",
						List.of(line("Materials deposit", 80_000))),
				token));
		api.post(project + "/api/invoices/" + invoice + "/issue", null, token).require(200);
		return new Client(contact, email, "Riley", "Riley Chen", projectId, estimate, estimateTitle, invoice,
				invoiceTitle);
	}

	/**
	 * The status the back office shows on the invoice's page, read in a browser of the demo workspace's owner, who
	 * signs in with the emailed code.
	 */
	private String backOfficeStatusOf(UUID invoiceId, Viewport viewport) {
		String backOffice = "http://localhost:" + URI.create(this.system.url(Service.BACKOFFICE)).getPort();
		try (Browser staff = Chromium.open(viewport)) {
			staff.open(backOffice + "/sign-in");
			staff.visible(By.id("email")).sendKeys(DemoSeeder.OWNER_EMAIL);
			Instant asked = Instant.now();
			staff.driver().findElement(By.xpath("//button[normalize-space()='Email me a code']")).click();
			staff.visible(By.id("code")).sendKeys(this.system.latestCode(DemoSeeder.OWNER_EMAIL, asked));
			staff.driver().findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
			staff.until(driver -> staff.path().equals("/"));
			staff.open(backOffice + "/invoices/" + invoiceId);
			String status = staff.visible(By.xpath("//dt[normalize-space()='Status']/following-sibling::dd/span"))
				.getText();
			staff.screen("backoffice-invoice-paid");
			return status;
		}
	}

	/** The status project-service gives the client's estimate or invoice ({@code estimates}, {@code invoices}). */
	private String statusOf(Client client, String kind, UUID id) {
		Api api = this.system.api();
		return Api.items(api.get(this.system.url(Service.PROJECT) + "/api/projects/" + client.projectId() + "/" + kind,
				api.token(this.system.demo().workspaceId())).require(200))
			.stream()
			.filter(found -> id.toString().equals(found.path("id").asString()))
			.map(found -> found.path("status").asString())
			.findFirst()
			.orElseThrow();
	}

	private static Map<String, Object> line(String description, long unitPriceMinor) {
		return Map.of("description", description, "quantity", BigDecimal.ONE, "unitPriceMinor", unitPriceMinor,
				"taxRateBasisPoints", 0);
	}

	private static UUID id(Api.Response created) {
		return UUID.fromString(created.require(201).path("id").asString());
	}

	private record Client(UUID contactId, String email, String firstName, String fullName, UUID projectId,
			UUID estimateId, String estimateTitle, UUID invoiceId, String invoiceTitle) {
	}
}
