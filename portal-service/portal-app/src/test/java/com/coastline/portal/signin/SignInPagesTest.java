package com.coastline.portal.signin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import com.coastline.portal.support.IdentityStub;
import com.coastline.portal.support.PortalFixture;
import com.coastline.portal.support.PortalServiceTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static com.coastline.portal.support.PortalFixture.slug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sign-in pages against identity-service stood in for at its HTTP boundary: what a browser gets, which
 * cookies with which flags, and what identity is asked (with the client's IP and user agent, as the gateway).
 */
@PortalServiceTest
class SignInPagesTest {

	private static final String SESSION_COOKIE = "__Host-coastline-portal-session";

	private static final String ATTEMPT_COOKIE = "__Host-coastline-portal-attempt";

	private static final String CSRF_COOKIE = "__Host-coastline-portal-csrf";

	private static final String USER_AGENT = "Mozilla/5.0 (Linux; Android 14) Mobile Safari";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	PortalFixture portal;

	UUID workspace;

	String slug;

	@BeforeEach
	void setUp() throws Exception {
		this.portal = new PortalFixture(this.mvc, this.jdbc, this.environment);
		this.workspace = UUID.randomUUID();
		this.slug = slug("harbor");
		this.portal.activePortal(this.workspace, this.slug);
	}

	@Test
	void openingALinkShowsAPageButNeverSignsIn() throws Exception {
		String token = token();
		IdentityStub.linkSignsIn(token, this.workspace, UUID.randomUUID());
		Browser browser = new Browser();

		MockHttpServletResponse page = browser.get("/p/" + this.slug + "/l/" + token);

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("action=\"/p/" + this.slug + "/l/" + token + "\"")
			.contains("method=\"post\"")
			.contains(">Continue</button>")
			.contains("<script src=\"/p/assets/sign-in.js\" defer></script>")
			.doesNotContain("<script>");
		assertThat(browser.cookies).doesNotContainKey(SESSION_COOKIE);
		assertThat(redeemsOf(token)).isEmpty();
	}

	@Test
	void theLinksPostSignsInWithASecureHttpOnlyCookie() throws Exception {
		String token = token();
		UUID contact = UUID.randomUUID();
		String sessionId = IdentityStub.linkSignsIn(token, this.workspace, contact);
		Browser browser = new Browser();
		browser.get("/p/" + this.slug + "/l/" + token);

		MockHttpServletResponse signedIn = browser.submit("/p/" + this.slug + "/l/" + token, Map.of());

		assertThat(signedIn.getStatus()).isEqualTo(303);
		assertThat(signedIn.getHeader("Location")).isEqualTo("/p/" + this.slug + "/");
		String cookie = setCookie(signedIn, SESSION_COOKIE);
		assertThat(cookie).startsWith(SESSION_COOKIE + "=" + sessionId + ";")
			.contains("Path=/")
			.contains("Secure")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.doesNotContain("Domain");
		LoggedRequest redeem = redeemsOf(token).getFirst();
		assertThat(redeem.getHeader("Authorization")).isEqualTo("Bearer " + IdentityStub.GATEWAY_TOKEN);
		assertThat(redeem.getBodyAsString()).contains("\"ip\":\"127.0.0.1\"").contains(USER_AGENT);

		MockHttpServletResponse home = browser.get("/p/" + this.slug + "/");
		assertThat(home.getStatus()).isEqualTo(200);
		assertThat(home.getContentAsString()).contains("<h1>Welcome</h1>").contains("Sign out");
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
		String token = token();
		IdentityStub.linkSignsIn(token, this.workspace, UUID.randomUUID());

		MockHttpServletResponse refused = this.mvc.perform(post("/p/" + this.slug + "/l/" + token)).andReturn().getResponse();
		MockHttpServletResponse forged = this.mvc
			.perform(post("/p/" + this.slug + "/l/" + token).param("_csrf", "forged")
				.cookie(new Cookie(CSRF_COOKIE, "forged-too")))
			.andReturn()
			.getResponse();

		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentAsString()).contains("This form has expired");
		assertThat(forged.getStatus()).isEqualTo(403);
		assertThat(redeemsOf(token)).isEmpty();
		assertThat(refused.getHeaders("Set-Cookie")).noneMatch((header) -> header.startsWith(SESSION_COOKIE));
	}

	@Test
	void aFormSentFromAnotherSiteIsRefusedEvenWithItsToken() throws Exception {
		String token = token();
		IdentityStub.linkSignsIn(token, this.workspace, UUID.randomUUID());
		Browser browser = new Browser();
		browser.get("/p/" + this.slug + "/l/" + token);

		browser.headers.put("Sec-Fetch-Site", "cross-site");
		MockHttpServletResponse crossSite = browser.submit("/p/" + this.slug + "/l/" + token, Map.of());
		browser.headers.clear();
		browser.headers.put("Origin", "https://evil.example");
		MockHttpServletResponse otherOrigin = browser.submit("/p/" + this.slug + "/l/" + token, Map.of());

		assertThat(crossSite.getStatus()).isEqualTo(403);
		assertThat(otherOrigin.getStatus()).isEqualTo(403);
		assertThat(redeemsOf(token)).isEmpty();

		browser.headers.clear();
		browser.headers.put("Sec-Fetch-Site", "same-origin");
		browser.headers.put("Origin", "https://portal.test");
		assertThat(browser.submit("/p/" + this.slug + "/l/" + token, Map.of()).getStatus()).isEqualTo(303);
	}

	@Test
	void aLinkThatNoLongerWorksOffersTheCode() throws Exception {
		String token = token();
		Browser browser = new Browser();
		browser.get("/p/" + this.slug + "/l/" + token);

		MockHttpServletResponse page = browser.submit("/p/" + this.slug + "/l/" + token, Map.of());

		assertThat(page.getStatus()).isEqualTo(403);
		assertThat(page.getContentAsString()).contains("This link no longer works")
			.contains("action=\"/p/" + this.slug + "/sign-in\"")
			.contains("Email me a code");
		assertThat(browser.cookies).doesNotContainKey(SESSION_COOKIE);
	}

	@Test
	void refusedLinksDoNotOpenTheCircuit() throws Exception {
		Browser browser = new Browser();
		browser.get("/p/" + this.slug + "/sign-in");

		for (int i = 0; i < 15; i++) {
			assertThat(browser.submit("/p/" + this.slug + "/l/" + token(), Map.of()).getStatus()).as("refusal %d", i)
				.isEqualTo(403);
		}
	}

	@Test
	void anotherWorkspacesLinkDoesNotSignInHere() throws Exception {
		String token = token();
		String sessionId = IdentityStub.linkSignsIn(token, UUID.randomUUID(), UUID.randomUUID());
		Browser browser = new Browser();
		browser.get("/p/" + this.slug + "/l/" + token);

		MockHttpServletResponse page = browser.submit("/p/" + this.slug + "/l/" + token, Map.of());

		assertThat(page.getStatus()).isEqualTo(403);
		assertThat(browser.cookies).doesNotContainKey(SESSION_COOKIE);
		assertThat(IdentityStub.internalRequests("/internal/sessions/sign-out"))
			.anyMatch((request) -> request.getBodyAsString().contains(sessionId));
	}

	@Test
	void signingOutEndsTheSessionAtIdentityAndClearsTheCookie() throws Exception {
		String token = token();
		String sessionId = IdentityStub.linkSignsIn(token, this.workspace, UUID.randomUUID());
		Browser browser = new Browser();
		browser.get("/p/" + this.slug + "/l/" + token);
		browser.submit("/p/" + this.slug + "/l/" + token, Map.of());
		browser.get("/p/" + this.slug + "/");

		MockHttpServletResponse signedOut = browser.submit("/p/" + this.slug + "/sign-out", Map.of());

		assertThat(signedOut.getStatus()).isEqualTo(303);
		assertThat(signedOut.getHeader("Location")).isEqualTo("/p/" + this.slug + "/sign-in?signed-out=1");
		assertThat(setCookie(signedOut, SESSION_COOKIE)).contains("Max-Age=0");
		assertThat(signOutsOf(sessionId)).hasSize(1);
		assertThat(browser.get("/p/" + this.slug + "/sign-in?signed-out=1").getContentAsString())
			.contains("You are signed out");
	}

	@Test
	void signingOutNeedsTheCsrfToken() throws Exception {
		String token = token();
		String sessionId = IdentityStub.linkSignsIn(token, this.workspace, UUID.randomUUID());

		MockHttpServletResponse refused = this.mvc
			.perform(post("/p/" + this.slug + "/sign-out").cookie(new Cookie(SESSION_COOKIE, sessionId)))
			.andReturn()
			.getResponse();

		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(signOutsOf(sessionId)).isEmpty();
	}

	@Test
	void withoutASessionHomeLeadsToSignIn() throws Exception {
		MockHttpServletResponse home = new Browser().get("/p/" + this.slug + "/");

		assertThat(home.getStatus()).isEqualTo(302);
		assertThat(home.getHeader("Location")).isEqualTo("/p/" + this.slug + "/sign-in");
	}

	@Test
	void theEmailCodeSignsIn() throws Exception {
		String email = "dana-" + UUID.randomUUID() + "@example.com";
		String attempt = "attempt-" + UUID.randomUUID();
		UUID contact = UUID.randomUUID();
		IdentityStub.codeRequested(email, attempt);
		String sessionId = IdentityStub.codeSignsIn(attempt, "123456", this.workspace, contact);
		Browser browser = new Browser();
		assertThat(browser.get("/p/" + this.slug + "/sign-in").getContentAsString()).contains("type=\"email\"")
			.contains("<label for=\"email\">");

		MockHttpServletResponse sent = browser.submit("/p/" + this.slug + "/sign-in", Map.of("email", " " + email.toUpperCase() + " "));

		assertThat(sent.getStatus()).isEqualTo(303);
		assertThat(sent.getHeader("Location")).isEqualTo("/p/" + this.slug + "/code");
		assertThat(setCookie(sent, ATTEMPT_COOKIE)).startsWith(ATTEMPT_COOKIE + "=" + attempt + ";")
			.contains("Max-Age=3600")
			.contains("HttpOnly")
			.contains("Secure")
			.contains("SameSite=Lax");
		LoggedRequest request = IdentityStub.internalRequests("/internal/codes")
			.stream()
			.filter((logged) -> logged.getBodyAsString().contains(email))
			.findFirst()
			.orElseThrow();
		assertThat(request.getBodyAsString()).contains("\"workspaceId\":\"" + this.workspace + "\"")
			.contains("\"ip\":\"127.0.0.1\"");

		String form = browser.get("/p/" + this.slug + "/code").getContentAsString();
		assertThat(form).contains("inputmode=\"numeric\"").contains("autocomplete=\"one-time-code\"");

		MockHttpServletResponse signedIn = browser.submit("/p/" + this.slug + "/code", Map.of("code", "123 456"));

		assertThat(signedIn.getStatus()).isEqualTo(303);
		assertThat(signedIn.getHeader("Location")).isEqualTo("/p/" + this.slug + "/");
		assertThat(setCookie(signedIn, SESSION_COOKIE)).startsWith(SESSION_COOKIE + "=" + sessionId + ";");
		assertThat(setCookie(signedIn, ATTEMPT_COOKIE)).contains("Max-Age=0");
		assertThat(browser.get("/p/" + this.slug + "/").getContentAsString()).contains("<h1>Welcome</h1>");
	}

	@Test
	void aWrongCodeSaysHowManyTriesAreLeftAndABurntOneAsksForANewCode() throws Exception {
		String attempt = "attempt-" + UUID.randomUUID();
		IdentityStub.codeRefused(attempt, "111111", 2);
		IdentityStub.codeRefused(attempt, "222222", 0);
		Browser browser = new Browser();
		browser.cookies.put(ATTEMPT_COOKIE, attempt);
		browser.get("/p/" + this.slug + "/code");

		MockHttpServletResponse wrong = browser.submit("/p/" + this.slug + "/code", Map.of("code", "111111"));
		assertThat(wrong.getStatus()).isEqualTo(400);
		assertThat(wrong.getContentAsString()).contains("That code is not right. 2 tries left.");

		MockHttpServletResponse burnt = browser.submit("/p/" + this.slug + "/code", Map.of("code", "222222"));
		assertThat(burnt.getContentAsString()).contains("Ask for a new code").doesNotContain("name=\"code\"");

		MockHttpServletResponse notDigits = browser.submit("/p/" + this.slug + "/code", Map.of("code", "12ab56"));
		assertThat(notDigits.getStatus()).isEqualTo(400);
		assertThat(notDigits.getContentAsString()).contains("Enter the 6 digits from the email.");
		assertThat(IdentityStub.internalRequests("/internal/codes/verify"))
			.noneMatch((request) -> request.getBodyAsString().contains("12ab56"));
	}

	@Test
	void severalContactsWithTheEmailChooseWhoTheyAre() throws Exception {
		String attempt = "attempt-" + UUID.randomUUID();
		UUID dana = UUID.randomUUID();
		UUID sam = UUID.randomUUID();
		IdentityStub.codeOffersChoice(attempt, "654321", """
				[{"contactId": "%s", "firstName": "Dana", "lastName": "Reyes"},
				 {"contactId": "%s", "firstName": "Sam <b>", "lastName": "Reyes"}]
				""".formatted(dana, sam));
		String sessionId = IdentityStub.choiceSignsIn(attempt, this.workspace, sam);
		Browser browser = new Browser();
		browser.cookies.put(ATTEMPT_COOKIE, attempt);
		browser.get("/p/" + this.slug + "/code");

		MockHttpServletResponse chooser = browser.submit("/p/" + this.slug + "/code", Map.of("code", "654321"));

		assertThat(chooser.getStatus()).isEqualTo(200);
		assertThat(chooser.getContentAsString()).contains("Continue as")
			.contains("value=\"" + dana + "\"")
			.contains(">Dana Reyes</button>")
			.contains(">Sam &lt;b&gt; Reyes</button>")
			.doesNotContain("Sam <b>");
		assertThat(browser.cookies).doesNotContainKey(SESSION_COOKIE);

		MockHttpServletResponse signedIn = browser.submit("/p/" + this.slug + "/code/choose",
				Map.of("contactId", sam.toString()));

		assertThat(signedIn.getStatus()).isEqualTo(303);
		assertThat(setCookie(signedIn, SESSION_COOKIE)).startsWith(SESSION_COOKIE + "=" + sessionId + ";");
	}

	@Test
	void throttlingSaysHowLongToWait() throws Exception {
		String email = "busy-" + UUID.randomUUID() + "@example.com";
		IdentityStub.codeRequestsThrottled(email, 900);
		Browser browser = new Browser();
		browser.get("/p/" + this.slug + "/sign-in");

		MockHttpServletResponse throttled = browser.submit("/p/" + this.slug + "/sign-in", Map.of("email", email));

		assertThat(throttled.getStatus()).isEqualTo(429);
		assertThat(throttled.getHeader("Retry-After")).isEqualTo("900");
		assertThat(throttled.getContentAsString()).contains("Please wait 15 minutes and try again.");
		assertThat(browser.cookies).doesNotContainKey(ATTEMPT_COOKIE);
	}

	@Test
	void anOldAddressMovesPermanently() throws Exception {
		String newSlug = slug("harbor-new");
		this.portal.change(this.workspace, PortalFixture.profile(newSlug, "Harbor Builders", "#0b5cad"));

		MockHttpServletResponse moved = new Browser().get("/p/" + this.slug + "/l/some-token?project=42");

		assertThat(moved.getStatus()).isEqualTo(301);
		assertThat(moved.getHeader("Location")).isEqualTo("/p/" + newSlug + "/l/some-token?project=42");
	}

	@Test
	void anUnknownAddressIsAPageNotFound() throws Exception {
		MockHttpServletResponse page = new Browser().get("/p/" + slug("nobody") + "/sign-in");

		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentType()).startsWith("text/html");
		assertThat(page.getContentAsString()).contains("There is no customer portal at this address");

		MockHttpServletResponse unknownPage = new Browser().get("/p/" + this.slug + "/no-such-page");
		assertThat(unknownPage.getStatus()).isEqualTo(404);
		assertThat(unknownPage.getContentAsString()).contains("Harbor Builders").contains("This page does not exist");
	}

	@Test
	void aClosedPortalSaysItIsNotAvailable() throws Exception {
		UUID closed = UUID.randomUUID();
		String closedSlug = slug("closed");
		this.portal.setUp(closed, closedSlug);

		MockHttpServletResponse page = new Browser().get("/p/" + closedSlug + "/l/" + token());

		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentAsString()).contains("This portal is not available");
	}

	@Test
	void aDeactivationThroughThisReplicaClosesThePortalAtOnce() throws Exception {
		assertThat(new Browser().get("/p/" + this.slug + "/sign-in").getStatus()).isEqualTo(200);

		this.mvc.perform(post("/api/portal-profile/deactivate").header("Authorization", PortalFixture.owner(this.workspace)))
			.andExpect(status().isOk());

		MockHttpServletResponse page = new Browser().get("/p/" + this.slug + "/sign-in");
		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentAsString()).contains("This portal is not available");
	}

	@Test
	void anotherReplicasDeactivationClosesThePortalWithinTheAddressCacheTime() throws Exception {
		assertThat(new Browser().get("/p/" + this.slug + "/sign-in").getStatus()).isEqualTo(200);

		// Another replica's change: the row changes without this replica knowing.
		this.jdbc.update("update portal_profile set active = false where workspace_id = ?", this.workspace);

		long changedAt = System.nanoTime();
		assertThat(new Browser().get("/p/" + this.slug + "/sign-in").getStatus()).isEqualTo(200);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> new Browser().get("/p/" + this.slug + "/sign-in").getStatus() == 404);
		assertThat(Duration.ofNanos(System.nanoTime() - changedAt)).isLessThanOrEqualTo(Duration.ofMillis(5_500));
	}

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		MockHttpServletResponse page = new Browser().get("/p/" + this.slug + "/l/" + token());

		assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(page.getHeader("Cache-Control")).contains("no-store");
		assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

		MockHttpServletResponse stylesheet = new Browser().get("/p/assets/portal.css");
		assertThat(stylesheet.getStatus()).isEqualTo(200);
		assertThat(stylesheet.getContentType()).startsWith("text/css");
		assertThat(stylesheet.getHeader("Cache-Control")).contains("max-age=3600");
		assertThat(new Browser().get("/p/assets/sign-in.js").getContentAsString()).contains("form.submit()");
	}

	@Test
	void pagesShowTheWorkspacesBrandingEscaped() throws Exception {
		this.portal.change(this.workspace, PortalFixture.profile(this.slug, "Harbor <i>Builders</i> & Sons", "#8a3b12"))
			.andReturn();

		String page = new Browser().get("/p/" + this.slug + "/sign-in").getContentAsString();

		assertThat(page).contains("Harbor &lt;i&gt;Builders&lt;/i&gt; &amp; Sons")
			.doesNotContain("<i>Builders</i>")
			.contains("href=\"/p/" + this.slug + "/theme.css?v=8a3b12\"")
			.contains("href=\"tel:+1 303 555 0100\"")
			.contains("office@harbor.example");
		MockHttpServletResponse theme = new Browser().get("/p/" + this.slug + "/theme.css?v=8a3b12");
		assertThat(theme.getContentType()).startsWith("text/css");
		assertThat(theme.getContentAsString()).contains("--accent:#8a3b12");
		assertThat(theme.getHeader("Cache-Control")).contains("max-age=86400");
	}

	@Test
	void identityDownIsAFriendlyTryAgainPage() throws Exception {
		String token = token();
		IdentityStub.redeemFails(token);
		Browser browser = new Browser();
		browser.get("/p/" + this.slug + "/l/" + token);

		MockHttpServletResponse page = browser.submit("/p/" + this.slug + "/l/" + token, Map.of());

		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.getHeader("Retry-After")).isEqualTo("10");
		assertThat(page.getContentAsString()).contains("Please try again in a moment");
		assertThat(browser.cookies).doesNotContainKey(SESSION_COOKIE);
	}

	private static String token() {
		return "tok" + UUID.randomUUID().toString().replace("-", "") + "x";
	}

	private static List<LoggedRequest> redeemsOf(String token) {
		return IdentityStub.internalRequests("/internal/links/redeem")
			.stream()
			.filter((request) -> request.getBodyAsString().contains(token))
			.toList();
	}

	private static List<LoggedRequest> signOutsOf(String sessionId) {
		return IdentityStub.internalRequests("/internal/sessions/sign-out")
			.stream()
			.filter((request) -> request.getBodyAsString().contains(sessionId))
			.toList();
	}

	private static String setCookie(MockHttpServletResponse response, String name) {
		return response.getHeaders("Set-Cookie")
			.stream()
			.filter((header) -> header.startsWith(name + "="))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("no Set-Cookie for " + name + " in " + response.getHeaders("Set-Cookie")));
	}

	/** A browser: keeps cookies, and sends forms with the CSRF token of the last page it read. */
	private final class Browser {

		private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

		final Map<String, String> cookies = new LinkedHashMap<>();

		final Map<String, String> headers = new LinkedHashMap<>();

		private String csrf;

		MockHttpServletResponse get(String path) throws Exception {
			MockHttpServletResponse response = perform(MockMvcRequestBuilders.get(path));
			Matcher field = CSRF_FIELD.matcher(response.getContentAsString());
			if (field.find()) {
				this.csrf = field.group(1);
			}
			return response;
		}

		MockHttpServletResponse submit(String path, Map<String, String> fields) throws Exception {
			MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path);
			if (this.csrf != null) {
				request.param("_csrf", this.csrf);
			}
			fields.forEach(request::param);
			return perform(request);
		}

		private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
			request.header("User-Agent", USER_AGENT);
			this.headers.forEach(request::header);
			List<Cookie> sent = new ArrayList<>();
			this.cookies.forEach((name, value) -> sent.add(new Cookie(name, value)));
			if (!sent.isEmpty()) {
				request.cookie(sent.toArray(Cookie[]::new));
			}
			MockHttpServletResponse response = SignInPagesTest.this.mvc.perform(request).andReturn().getResponse();
			for (Cookie cookie : response.getCookies()) {
				if (cookie.getMaxAge() == 0) {
					this.cookies.remove(cookie.getName());
				}
				else {
					this.cookies.put(cookie.getName(), cookie.getValue());
				}
			}
			return response;
		}
	}
}
