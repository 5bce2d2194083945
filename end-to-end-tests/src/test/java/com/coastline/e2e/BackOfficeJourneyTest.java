package com.coastline.e2e;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.coastline.local.MailInbox;
import com.coastline.local.Service;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The help article "What is the Customer Portal and how do I share it with a client?" done by a contractor in
 * the back office (the backoffice-gateway's screens), in a real Chromium at phone and desktop size: sign up a workspace
 * of their own and sign in with the emailed code; add the client and their project; see the Project menu's
 * Customer Portal item greyed out with its reason while the portal is closed; give the portal an address and
 * open it; copy the client's link to the clipboard from the Project menu and open it in the client's own
 * browser, signed in to the project; upload a photo and add it to the customer portal, which the client's
 * gallery then shows; create the "Project approved" automation with the Customer portal link inserted through
 * the dynamic-value picker, approve the project from its page, and the client's email carries a link that signs
 * in. Each run is a new workspace (unique names and emails), so it leaves the demo as the other journeys expect.
 */
@ExtendWith(EndToEndExtension.class)
class BackOfficeJourneyTest {

	/** A sign-in link in an email's text: the portal's address, then {@code /l/} and the token. */
	private static final Pattern LINK = Pattern.compile("(http://localhost:[0-9]+/p/[a-z0-9-]+/l/[^\\s\"<>]+)");

	/** The sign-in code email's subject: "123456 is your sign-in code for Coastline". */
	private static final Pattern CODE_SUBJECT = Pattern.compile("^([0-9]{6}) is your sign-in code for ");

	private final LocalSystem system;

	/** The back office as staff open it: {@code http://localhost:<port>} (its forms' origin must be this one). */
	private final String backOffice;

	/** The portal's origin as clients open it. */
	private final String portalOrigin;

	/** The accessibility checks that failed, each with its violations; the journey goes on and fails at its end. */
	private final List<String> inaccessible = new ArrayList<>();

	BackOfficeJourneyTest(LocalSystem system) {
		this.system = system;
		this.backOffice = "http://localhost:" + URI.create(system.url(Service.BACKOFFICE)).getPort();
		this.portalOrigin = "http://localhost:" + URI.create(system.url(Service.PORTAL)).getPort();
	}

	@ParameterizedTest
	@EnumSource(Viewport.class)
	@Timeout(value = 10, unit = TimeUnit.MINUTES)
	void aContractorSignsUpSharesTheCustomerPortalAndTheApprovalEmailsTheClientTheirLink(Viewport viewport) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String business = "Harbour Decks " + run;
		String owner = "owner-" + run + "@example.com";
		String client = "casey-" + run + "@example.com";
		String projectName = "Cedar deck " + run;
		String slug = "harbour-" + run;
		String portal = this.portalOrigin + "/p/" + slug;
		String subject = "Your deck is approved " + run;

		try (Browser staff = Chromium.open(viewport)) {
			// 1. Sign up: the workspace and its owner, then the code from the email, then the landing page.
			staff.open(this.backOffice + "/sign-up");
			staff.visible(By.id("workspaceName")).sendKeys(business);
			new Select(staff.driver().findElement(By.id("timeZone"))).selectByValue("America/Denver");
			new Select(staff.driver().findElement(By.id("currency"))).selectByValue("USD");
			staff.driver().findElement(By.id("ownerName")).sendKeys("Alex Morgan");
			staff.driver().findElement(By.id("ownerEmail")).sendKeys(owner);
			screen(staff, "backoffice-sign-up");
			Instant asked = Instant.now();
			staff.driver().findElement(By.xpath("//button[normalize-space()='Create my workspace']")).click();
			WebElement code = staff.visible(By.id("code"));
			assertThat(staff.text()).contains(owner);
			screen(staff, "backoffice-code");
			code.sendKeys(signInCode(owner, asked));
			staff.driver().findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
			staff.until(driver -> staff.path().equals("/"));
			shows(staff, "Signed in as");
			assertThat(staff.driver().findElement(By.cssSelector(".signed-in")).getText())
				.isEqualTo("Signed in as " + owner + " at " + business);
			screen(staff, "backoffice-home");

			// 2. The client, then their project; the Project menu's Customer Portal item says why it is not there.
			staff.driver().findElement(By.cssSelector("header a[href='/contacts']")).click();
			staff.visible(By.linkText("New contact")).click();
			staff.visible(By.id("firstName")).sendKeys("Casey");
			staff.driver().findElement(By.id("lastName")).sendKeys("Nguyen");
			staff.driver().findElement(By.id("email")).sendKeys(client);
			screen(staff, "backoffice-new-contact");
			staff.driver().findElement(By.xpath("//button[normalize-space()='Add contact']")).click();
			staff.until(driver -> staff.path().matches("/contacts/[0-9a-f-]{36}.*"));
			shows(staff, client);
			assertThat(staff.text()).contains("Casey Nguyen");

			staff.driver().findElement(By.cssSelector("header a[href='/projects']")).click();
			staff.visible(By.linkText("New project")).click();
			staff.visible(By.id("name")).sendKeys(projectName);
			staff.driver().findElement(By.id("address")).sendKeys("12 Harbour Road, Boulder, CO 80302");
			new Select(staff.driver().findElement(By.id("primaryContactId")))
				.selectByVisibleText("Casey Nguyen (" + client + ")");
			screen(staff, "backoffice-new-project");
			staff.driver().findElement(By.xpath("//button[normalize-space()='Create project']")).click();
			staff.until(driver -> staff.path().matches("/projects/[0-9a-f-]{36}\\?done=created"));
			String projectPage = this.backOffice + staff.path().substring(0, staff.path().indexOf('?'));
			assertThat(staff.driver().findElement(By.tagName("h1")).getText()).isEqualTo(projectName);
			shows(staff, "Project created.");
			assertThat(staff.text()).contains("Casey Nguyen");

			openProjectMenu(staff);
			WebElement unavailable = staff.visible(By.cssSelector("details.project-menu .menu-item.unavailable"));
			assertThat(unavailable.getText()).contains("Customer Portal").contains("The Customer Portal is not active");
			assertThat(staff.all(By.cssSelector("form[data-copy-link]"))).as("no Customer Portal item to click").isEmpty();
			assertThat(unavailable.findElement(By.cssSelector(".menu-button-disabled")).getAttribute("aria-disabled"))
				.isEqualTo("true");
			screen(staff, "backoffice-project-menu-inactive");

			// 3. Customer Portal settings: an address, then open the portal.
			staff.driver().findElement(By.cssSelector("header a[href='/settings/customer-portal']")).click();
			WebElement address = staff.visible(By.id("slug"));
			assertThat(staff.text()).contains("Closed");
			address.clear();
			address.sendKeys(slug);
			staff.driver().findElement(By.xpath("//button[normalize-space()='Save settings']")).click();
			shows(staff, "Settings saved.");
			staff.driver().findElement(By.xpath("//button[normalize-space()='Open the Customer Portal']")).click();
			staff.visible(By.xpath("//button[normalize-space()='Close the Customer Portal']"));
			assertThat(staff.text()).contains("Clients can sign in at").contains("/p/" + slug);
			screen(staff, "backoffice-customer-portal-settings");

			// 4. Project menu → Integrations → Customer Portal: the client's link on the clipboard.
			Clipboard.grant(staff, this.backOffice);
			staff.open(projectPage);
			String link = copyPortalLink(staff, portal);
			screen(staff, "backoffice-project-menu-copied");

			try (Browser casey = Chromium.open(viewport)) {
				casey.open(link);
				casey.visibleReloading(By.id("actions-heading"));
				assertThat(casey.path()).isEqualTo("/p/" + slug + "/");
				await("the client's project on their portal home").atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofSeconds(1))
					.ignoreExceptions()
					.until(() -> {
						casey.driver().navigate().refresh();
						return casey.all(By.linkText(projectName)).size() == 1;
					});

				// 5. A photo from the crew: uploaded (private), then added to the customer portal.
				staff.open(projectPage);
				uploadPhoto(staff, projectPage, photo(run));
				WebElement menu = staff.visible(By.cssSelector("summary[aria-label='Photo menu: deck-" + run + ".jpg']"));
				assertThat(staff.all(By.cssSelector("#photos .badge.on-portal"))).as("private until added").isEmpty();
				menu.click();
				staff.visible(By.xpath("//button[normalize-space()='Add to customer portal']")).click();
				shows(staff, "Photo added to the customer portal.");
				assertThat(staff.visible(By.cssSelector("#photos .badge.on-portal")).getText())
					.isEqualTo("On the customer portal");
				screen(staff, "backoffice-project");

				casey.driver().findElement(By.linkText(projectName)).click();
				casey.until(driver -> projectName.equals(driver.findElement(By.tagName("h1")).getText()));
				await("the photo in the client's gallery").atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofSeconds(1))
					.ignoreExceptions()
					.until(() -> {
						casey.driver().navigate().refresh();
						return casey.all(By.cssSelector(".gallery img")).size() == 1;
					});
				WebElement shown = casey.driver().findElement(By.cssSelector(".gallery img"));
				casey.script("arguments[0].scrollIntoView({block: 'center'})", shown);
				casey.until(driver -> Boolean.TRUE
					.equals(casey.script("return arguments[0].complete && arguments[0].naturalWidth > 0", shown)));
				casey.screenshot("backoffice-client-gallery");
			}

			// 6. Automations → new: Project approved, an email with the Customer portal link from the picker, on.
			staff.driver().findElement(By.cssSelector("header a[href='/automations']")).click();
			staff.visible(By.linkText("New automation")).click();
			staff.visible(By.id("name")).sendKeys("Send the portal link on approval");
			new Select(staff.driver().findElement(By.id("trigger"))).selectByVisibleText("Project approved");
			staff.driver().findElement(By.id("subject")).sendKeys(subject);
			WebElement body = staff.driver().findElement(By.id("body"));
			body.sendKeys("Hello {{client.first_name}}, your project is approved. Follow your portal: ");
			staff.visible(By.cssSelector("button[aria-label='Insert Customer portal link']")).click();
			assertThat(body.getAttribute("value")).endsWith("Follow your portal: {{portal.link}}");
			WebElement enabled = staff.driver().findElement(By.id("enabled"));
			if (!enabled.isSelected()) {
				enabled.click();
			}
			screen(staff, "backoffice-new-automation");
			staff.driver().findElement(By.xpath("//button[normalize-space()='Create automation']")).click();
			staff.until(driver -> staff.path().matches("/automations/[0-9a-f-]{36}.*"));
			shows(staff, "Saved");

			// The project approved from its page: the automation emails the client.
			staff.open(projectPage);
			staff.visible(By.xpath("//div[contains(@class,'lifecycle')]//button[normalize-space()='Approve']")).click();
			shows(staff, "Approved. Automations for approved projects run now");
			assertThat(staff.driver().findElement(By.cssSelector(".facts")).getText()).contains("Approved");
		}

		MailInbox.Mail mail = await("the automation's email to " + client).atMost(LocalSystem.EMAIL)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.system.mailsTo(client)
				.stream()
				.filter(found -> subject.equals(found.subject()))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		assertThat(mail.text()).contains("Hello Casey, your project is approved.");
		Matcher emailed = LINK.matcher(mail.text());
		assertThat(emailed.find()).as("a portal link in: %s", mail.text()).isTrue();
		assertThat(emailed.group(1)).startsWith(portal + "/l/");
		try (Browser casey = Chromium.open(viewport)) {
			casey.open(emailed.group(1));
			casey.visibleReloading(By.id("actions-heading"));
			assertThat(casey.path()).isEqualTo("/p/" + slug + "/");
			assertThat(casey.all(By.linkText(projectName))).hasSize(1);
		}
		assertThat(this.inaccessible).as("accessibility of the back-office screens").isEmpty();
	}

	/**
	 * The owner's sign-in code from the newest code email since {@code asked}. Allowed up to 3 minutes, not
	 * {@link LocalSystem#EMAIL}: this is often the stack's very first email, and notification-service's consumers
	 * may still be joining their group (over a minute after the stack is ready on the busy two-core machine).
	 */
	private String signInCode(String owner, Instant asked) {
		return await("a sign-in code email to " + owner).atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> this.system.mailsTo(owner)
				.stream()
				.filter(mail -> !mail.receivedAt().isBefore(asked.minusSeconds(1)))
				.sorted(Comparator.comparing(MailInbox.Mail::receivedAt))
				.map(mail -> CODE_SUBJECT.matcher(mail.subject()))
				.filter(Matcher::find)
				.map(found -> found.group(1))
				.reduce((first, second) -> second), Optional::isPresent)
			.orElseThrow();
	}

	/** Opens the Project menu (a disclosure at the top right of the project page). */
	private static void openProjectMenu(Browser staff) {
		WebElement menu = staff.visible(By.cssSelector("details.project-menu"));
		if (menu.getAttribute("open") == null) {
			menu.findElement(By.tagName("summary")).click();
		}
		staff.visible(By.id("integrations-heading"));
	}

	/**
	 * Project menu → Integrations → Customer Portal, as staff click it: "Link copied", and the link is on the
	 * clipboard. Asked again (bounded) while the link is not yet on the portal's new address, which identity-service
	 * learns from Kafka; how many clicks it took is printed.
	 */
	private static String copyPortalLink(Browser staff, String portal) {
		AtomicInteger clicks = new AtomicInteger();
		String link = await("a copied link on " + portal).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				Clipboard.clear(staff);
				staff.script("document.querySelectorAll('[data-copy-status]').forEach(s => s.textContent = '')");
				openProjectMenu(staff);
				clicks.incrementAndGet();
				staff.visible(By.xpath("//form[@data-copy-link]//button[normalize-space()='Customer Portal']")).click();
				staff.until(driver -> staff.driver()
					.findElement(By.cssSelector("[data-copy-status]"))
					.getText()
					.startsWith("Link copied"));
				return Clipboard.read(staff);
			}, copied -> copied.startsWith(portal + "/l/"));
		assertThat(staff.driver().findElement(By.cssSelector("[data-copy-status]")).getText())
			.isEqualTo("Link copied. Paste it into a text or email to your client.");
		System.out.println("Customer Portal link copied after " + clicks.get() + " click(s)");
		return link;
	}

	/**
	 * Uploads the photo with the project page's form, once media-service has heard of the new project (from
	 * Kafka; until then the gateway's route answers its 404): the page comes back with "Photo uploaded".
	 */
	private static void uploadPhoto(Browser staff, String projectPage, Path photo) {
		String photos = projectPage.replace("/projects/", "/api/projects/") + "/photos";
		await("media-service knows the project").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> staff.fetch(photos).startsWith("200 "));
		staff.visible(By.id("photo-file")).sendKeys(photo.toAbsolutePath().toString());
		staff.driver().findElement(By.xpath("//button[normalize-space()='Upload photo']")).click();
		shows(staff, "Photo uploaded.");
	}

	/** A small JPEG of a deck, drawn now (nothing binary in the repository). */
	private static Path photo(String run) {
		BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(135, 190, 230));
		graphics.fillRect(0, 0, 640, 480);
		graphics.setColor(new Color(150, 100, 60));
		for (int board = 0; board < 8; board++) {
			graphics.fillRect(40, 220 + board * 30, 560, 24);
		}
		graphics.dispose();
		try {
			Path directory = Files.createDirectories(Path.of("target", "photos"));
			Path file = directory.resolve("deck-" + run + ".jpg");
			ImageIO.write(image, "jpg", file.toFile());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits (bounded) until the page shows the text; a page still being replaced by the next one (a form's
	 * redirect) is looked at again.
	 */
	private static void shows(Browser browser, String text) {
		browser.until(driver -> {
			try {
				return browser.text().contains(text);
			}
			catch (StaleElementReferenceException ex) {
				return false;
			}
		});
	}

	/** A main screen's screenshot and axe-core check; a failed check is kept and fails the journey at its end. */
	private void screen(Browser browser, String name) {
		try {
			browser.screen(name);
		}
		catch (AssertionError ex) {
			this.inaccessible.add(ex.getMessage());
		}
	}
}
