package com.coastline.portal.signin;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import com.coastline.portal.config.PagesProperties;
import com.coastline.portal.support.IdentityStub;
import com.coastline.portal.support.PortalFixture;
import com.coastline.portal.support.PortalServiceTest;
import com.coastline.portal.support.ServicesStub;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static com.coastline.portal.support.PortalFixture.slug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The invoice pages against project-service stood in for at its HTTP boundary: the list and one invoice (escaped),
 * paying (to the provider's checkout, and only on a configured origin), the page that waits for the payment's
 * confirmation, and the provider's return address.
 */
@PortalServiceTest
class InvoicePagesTest {

	private static final String SESSION_COOKIE = "__Host-coastline-portal-session";

	private static final String CSRF_COOKIE = "__Host-coastline-portal-csrf";

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String CHECKOUT = "https://checkout.stripe.com/c/pay/cs_test_a1b2c3";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Autowired
	CircuitBreakerRegistry breakers;

	@Autowired
	PagesProperties pages;

	String slug;

	String sessionId;

	String jwt;

	UUID workspace;

	UUID project;

	UUID invoice;

	String address;

	@BeforeEach
	void setUp() throws Exception {
		this.workspace = UUID.randomUUID();
		this.slug = slug("harbor");
		new PortalFixture(this.mvc, this.jdbc, this.environment).activePortal(this.workspace, this.slug);
		this.sessionId = "session-" + UUID.randomUUID();
		this.jwt = IdentityStub.sessionLive(this.sessionId, this.workspace, UUID.randomUUID());
		this.project = UUID.randomUUID();
		this.invoice = UUID.randomUUID();
		this.address = "/p/" + this.slug + "/invoices/" + this.invoice;
		this.breakers.circuitBreaker("project").reset();
		ServicesStub.json(this.jwt, "/portal/projects/" + this.project, """
				{"id": "%s", "name": "Deck <rebuild>", "status": "IN_PROGRESS"}
				""".formatted(this.project));
	}

	@Test
	void theListShowsOpenInvoicesFirstThenPaidAndVoidOnesEscaped() throws Exception {
		UUID paid = UUID.randomUUID();
		UUID open = UUID.randomUUID();
		UUID overdue = UUID.randomUUID();
		UUID voided = UUID.randomUUID();
		ServicesStub.json(this.jwt, "/portal/invoices", "[" + String.join(",",
				invoiceJson(paid, "PAID", false, "Deposit <paid>", 0, "2026-10-01T10:00:00Z"),
				invoiceJson(open, "OPEN", false, "Second stage", 50000, null),
				invoiceJson(overdue, "OPEN", true, "First stage & materials", 25000, null),
				invoiceJson(voided, "VOID", false, "Cancelled one", 0, null)) + "]");

		MockHttpServletResponse list = open("/p/" + this.slug + "/invoices");

		assertThat(list.getStatus()).isEqualTo(200);
		String html = list.getContentAsString();
		assertThat(html).contains("First stage &amp; materials")
			.contains("Deposit &lt;paid&gt;")
			.doesNotContain("<paid>")
			.contains("Overdue")
			.contains("Balance due <strong>€250.00</strong>")
			.contains("href=\"/p/" + this.slug + "/invoices/" + overdue + "\"")
			.contains("aria-current=\"page\">Invoices</a>");
		assertThat(html.indexOf("First stage")).isLessThan(html.indexOf("Second stage"));
		assertThat(html.indexOf("Second stage")).isLessThan(html.indexOf("Deposit &lt;paid&gt;"));
		assertThat(html.indexOf("Second stage")).isLessThan(html.indexOf("Cancelled one"));
		assertThat(html.indexOf("Paid and cancelled")).isLessThan(html.indexOf("Deposit &lt;paid&gt;"));
	}

	@Test
	void anOpenInvoiceShowsItsLinesTotalsAndThePayButton() throws Exception {
		stubInvoice("OPEN", 50000, null);

		MockHttpServletResponse page = open(this.address);

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("<h1>Stage &lt;2&gt;</h1>")
			.contains("Deck &lt;rebuild&gt;")
			.contains("Framing &amp; joists")
			.contains("3 × €100.00 · tax 20%")
			.contains("€800.00")
			.contains("€300.00")
			.contains("action=\"/p/" + this.slug + "/invoices/" + this.invoice + "/pay\"")
			.contains(">Pay €500.00</button>")
			.contains("due <span>20 Dec 2026</span>");
	}

	@Test
	void aPaidInvoiceHasNoPayButton() throws Exception {
		stubInvoice("PAID", 0, "2026-11-28T16:00:00Z");

		String html = open(this.address).getContentAsString();

		assertThat(html).contains("Paid on 28 Nov 2026, 4:00 PM UTC").doesNotContain(">Pay ");
	}

	@Test
	void payingSendsTheBrowserToTheCheckout() throws Exception {
		stubInvoice("OPEN", 50000, null);
		ServicesStub.postJson(this.jwt, checkout(), 200, "{\"checkoutUrl\": \"" + CHECKOUT + "\"}");

		MockHttpServletResponse paid = pay();

		assertThat(paid.getStatus()).isEqualTo(303);
		assertThat(paid.getHeader("Location")).isEqualTo(CHECKOUT);
		assertThat(ServicesStub.postRequests(checkout())).singleElement()
			.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + this.jwt));
	}

	@Test
	void aCheckoutOnAnotherOriginIsRefused() throws Exception {
		stubInvoice("OPEN", 50000, null);
		ServicesStub.postJson(this.jwt, checkout(), 200,
				"{\"checkoutUrl\": \"https://checkout.stripe.com.evil.example/c/pay/cs_test\"}");

		MockHttpServletResponse refused = pay();

		assertThat(refused.getStatus()).isEqualTo(502);
		assertThat(refused.getHeader("Location")).isNull();
		assertThat(refused.getContentAsString()).contains("The payment provider could not be reached. Please try again")
			.contains(">Pay €500.00</button>");
	}

	@Test
	void theProviderUnreachableShowsTheInvoiceWithTryAgain() throws Exception {
		stubInvoice("OPEN", 50000, null);
		ServicesStub.postProblem(this.jwt, checkout(), 502, "The payment provider could not open a checkout");

		MockHttpServletResponse failed = pay();

		assertThat(failed.getStatus()).isEqualTo(502);
		assertThat(failed.getContentAsString()).contains("The payment provider could not be reached. Please try again");
	}

	@Test
	void anInvoiceThatCannotBePaidShowsWhy() throws Exception {
		stubInvoice("OPEN", 50000, null);
		ServicesStub.postProblem(this.jwt, checkout(), 409, "The invoice is not open");

		MockHttpServletResponse refused = pay();

		assertThat(refused.getStatus()).isEqualTo(409);
		assertThat(refused.getContentAsString()).contains("This invoice cannot be paid online right now");
	}

	@Test
	void payingNeedsTheCsrfToken() throws Exception {
		ServicesStub.postJson(this.jwt, checkout(), 200, "{\"checkoutUrl\": \"" + CHECKOUT + "\"}");

		MockHttpServletResponse refused = this.mvc
			.perform(post(this.address + "/pay").cookie(new Cookie(SESSION_COOKIE, this.sessionId)))
			.andReturn()
			.getResponse();

		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(ServicesStub.postRequests(checkout())).isEmpty();
	}

	@Test
	void anotherClientsInvoiceIsTheNotFoundPage() throws Exception {
		String otherJwt = IdentityStub.sessionLive("session-" + UUID.randomUUID(), this.workspace, UUID.randomUUID());
		ServicesStub.json(otherJwt, "/portal/invoices/" + this.invoice,
				invoiceJson(this.invoice, "OPEN", false, "Their invoice", 100, null));

		MockHttpServletResponse page = open(this.address);
		MockHttpServletResponse waiting = open(this.address + "/payment");

		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentAsString()).contains("Page not found").doesNotContain("Their invoice");
		assertThat(waiting.getStatus()).isEqualTo(404);
	}

	@Test
	void thePaymentPageWaitsForTheConfirmationAndRefreshesItself() throws Exception {
		stubInvoice("OPEN", 50000, null);

		MockHttpServletResponse first = open(this.address + "/payment");
		MockHttpServletResponse later = open(this.address + "/payment?check=7");
		MockHttpServletResponse last = open(this.address + "/payment?check=60");

		assertThat(first.getStatus()).isEqualTo(200);
		assertThat(first.getContentAsString()).contains("Waiting for the payment to be confirmed…")
			.doesNotContain("<script");
		assertThat(first.getHeader("Refresh")).isEqualTo("2; url=" + this.address + "/payment?check=1");
		assertThat(later.getHeader("Refresh")).isEqualTo("2; url=" + this.address + "/payment?check=8");
		assertThat(last.getHeader("Refresh")).isNull();
		assertThat(last.getContentAsString()).contains("still processing").contains("We'll email you");
	}

	@Test
	void thePaymentPageThanksOncePaid() throws Exception {
		stubInvoice("PAID", 0, "2026-11-28T16:00:00Z");

		MockHttpServletResponse page = open(this.address + "/payment?check=3");

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getHeader("Refresh")).isNull();
		assertThat(page.getContentAsString()).contains("Paid — thank you")
			.contains("<strong>€800.00</strong>")
			.contains("href=\"" + this.address + "\"")
			.doesNotContain("Waiting for the payment");
	}

	@Test
	void theProvidersReturnAddressFindsThePortalFromTheSession() throws Exception {
		MockHttpServletResponse signedIn = this.mvc
			.perform(get("/invoices/" + this.invoice).cookie(new Cookie(SESSION_COOKIE, this.sessionId)))
			.andReturn()
			.getResponse();
		MockHttpServletResponse anonymous = this.mvc.perform(get("/invoices/" + this.invoice)).andReturn().getResponse();
		MockHttpServletResponse ended = this.mvc
			.perform(get("/invoices/" + this.invoice).cookie(new Cookie(SESSION_COOKIE, "session-ended")))
			.andReturn()
			.getResponse();
		MockHttpServletResponse malformed = this.mvc
			.perform(get("/invoices/not-an-id").cookie(new Cookie(SESSION_COOKIE, this.sessionId)))
			.andReturn()
			.getResponse();

		assertThat(signedIn.getStatus()).isEqualTo(302);
		assertThat(signedIn.getHeader("Location")).isEqualTo(this.address + "/payment");
		assertThat(anonymous.getStatus()).isEqualTo(200);
		assertThat(anonymous.getContentAsString()).contains("Thank you").contains("open your customer portal");
		assertThat(anonymous.getHeader("Content-Security-Policy")).contains("script-src 'self'");
		assertThat(ended.getStatus()).isEqualTo(200);
		assertThat(malformed.getStatus()).isEqualTo(404);
	}

	@Test
	void homeLinksEachActionToItsPageAndToAllInvoices() throws Exception {
		UUID estimate = UUID.randomUUID();
		ServicesStub.json(this.jwt, "/portal/overview", """
				{"since": null, "changesSince": 0,
				 "projects": [{"id": "%1$s", "name": "Deck", "address": null, "status": "IN_PROGRESS", "changesSince": 0}],
				 "upcomingAppointments": [],
				 "estimatesAwaitingApproval": [{"id": "%2$s", "projectId": "%1$s", "versionNumber": 1, "title": "Railing",
				   "totalMinor": 1000, "currency": "USD", "validUntil": null, "sentAt": "2026-11-20T10:00:00Z"}],
				 "openInvoices": [{"id": "%3$s", "projectId": "%1$s", "title": "Deposit", "currency": "USD", "totalMinor": 800,
				   "balanceDueMinor": 800, "dueDate": null, "overdue": false}]}
				""".formatted(this.project, estimate, this.invoice));

		String html = open("/p/" + this.slug + "/").getContentAsString();

		assertThat(html).contains("<a href=\"/p/" + this.slug + "/estimates/" + estimate + "\">Railing</a>")
			.contains("<a href=\"/p/" + this.slug + "/invoices/" + this.invoice + "\">Deposit</a>")
			.contains("<a href=\"/p/" + this.slug + "/invoices\">All invoices</a>");
	}

	@Test
	void thePagesLetFormsGoToThePaymentOriginsOnly() throws Exception {
		MockHttpServletResponse page = open("/p/" + this.slug + "/invoices");

		assertThat(page.getHeader("Content-Security-Policy")).contains("form-action 'self' https://checkout.stripe.com;");
		assertThat(this.pages.isPaymentCheckout(CHECKOUT)).isTrue();
		assertThat(this.pages.isPaymentCheckout("https://CHECKOUT.stripe.com:443/c/pay")).isTrue();
		assertThat(this.pages.isPaymentCheckout("http://checkout.stripe.com/c/pay")).isFalse();
		assertThat(this.pages.isPaymentCheckout("https://checkout.stripe.com:8443/c/pay")).isFalse();
		assertThat(this.pages.isPaymentCheckout("https://user@checkout.stripe.com/c/pay")).isFalse();
		assertThat(this.pages.isPaymentCheckout("https://checkout.stripe.com.evil.example/")).isFalse();
		assertThat(this.pages.isPaymentCheckout("/c/pay")).isFalse();
		assertThat(this.pages.isPaymentCheckout("javascript:alert(1)")).isFalse();
	}

	@Test
	void withoutASessionTheInvoicePagesSendToSignIn() throws Exception {
		for (String path : new String[] { "/p/" + this.slug + "/invoices", this.address, this.address + "/payment" }) {
			MockHttpServletResponse page = this.mvc.perform(get(path)).andReturn().getResponse();

			assertThat(page.getStatus()).isEqualTo(302);
			assertThat(page.getHeader("Location")).isEqualTo("/p/" + this.slug + "/sign-in");
		}
	}

	private String checkout() {
		return "/portal/invoices/" + this.invoice + "/checkout";
	}

	/** The invoice page read as a browser does, then its Pay form sent with the page's CSRF token. */
	private MockHttpServletResponse pay() throws Exception {
		MockHttpServletResponse page = open(this.address);
		Matcher field = CSRF_FIELD.matcher(page.getContentAsString());
		assertThat(field.find()).as("a CSRF field on the page").isTrue();
		Cookie csrf = page.getCookie(CSRF_COOKIE);
		assertThat(csrf).isNotNull();
		return this.mvc
			.perform(post(this.address + "/pay").cookie(new Cookie(SESSION_COOKIE, this.sessionId), csrf)
				.param("_csrf", field.group(1)))
			.andReturn()
			.getResponse();
	}

	private void stubInvoice(String status, long balanceMinor, String paidAt) {
		ServicesStub.json(this.jwt, "/portal/invoices/" + this.invoice, """
				{"id": "%s", "projectId": "%s", "title": "Stage <2>", "notes": null, "currency": "EUR", "status": "%s",
				 "overdue": false, "dueDate": "2026-12-20",
				 "lineItems": [{"lineNumber": 1, "description": "Framing & joists", "quantity": 3, "unitPriceMinor": 10000,
				   "taxRateBasisPoints": 2000, "netMinor": 30000, "taxMinor": 6000, "totalMinor": 36000}],
				 "subtotalMinor": 66667, "taxMinor": 13333, "totalMinor": 80000, "paidMinor": %d, "balanceDueMinor": %d,
				 "issuedAt": "2026-11-20T10:00:00Z", "paidAt": %s, "voidedAt": null}
				""".formatted(this.invoice, this.project, status, 80000 - balanceMinor, balanceMinor,
				(paidAt != null) ? "\"" + paidAt + "\"" : "null"));
	}

	private String invoiceJson(UUID id, String status, boolean overdue, String title, long balanceMinor, String paidAt) {
		return """
				{"id": "%s", "projectId": "%s", "title": "%s", "notes": null, "currency": "EUR", "status": "%s",
				 "overdue": %s, "dueDate": "%s", "lineItems": [], "subtotalMinor": 80000, "taxMinor": 0, "totalMinor": 80000,
				 "paidMinor": %d, "balanceDueMinor": %d, "issuedAt": "2026-11-01T10:00:00Z", "paidAt": %s, "voidedAt": null}
				""".formatted(id, this.project, title, status, overdue, overdue ? "2026-11-01" : "2026-12-20",
				80000 - balanceMinor, balanceMinor, (paidAt != null) ? "\"" + paidAt + "\"" : "null");
	}

	private MockHttpServletResponse open(String path) throws Exception {
		return this.mvc.perform(get(path).cookie(new Cookie(SESSION_COOKIE, this.sessionId))).andReturn().getResponse();
	}
}
