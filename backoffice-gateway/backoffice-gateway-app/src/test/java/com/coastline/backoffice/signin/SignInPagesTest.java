package com.coastline.backoffice.signin;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.CsrfTokens;
import com.coastline.backoffice.support.IdentityStub;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.github.tomakehurst.wiremock.http.Fault;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static com.coastline.backoffice.support.SignedInScreens.SESSION_COOKIE;
import static com.coastline.backoffice.support.SignedInScreens.session;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff sign-in pages against identity at its HTTP boundary: the email and code forms, identity's refusals and
 * throttling as messages, the workspace choice, the session cookie and its flags, the landing page (the workspace's
 * name read once for it and the screens' header), sign-out;
 * CSRF on every form; the pages' security headers.
 */
@BackofficeGatewayTest
class SignInPagesTest {

	private static final String ATTEMPT_COOKIE = "__Host-coastline-staff-attempt";

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Test
	void theSignInPageAsksForTheEmailWithAFormThatCarriesItsCsrfToken() throws Exception {
		MockHttpServletResponse page = this.mvc.perform(get("/sign-in"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Email me a code")))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andReturn()
			.getResponse();
		Cookie csrfCookie = page.getCookie("__Host-coastline-staff-csrf");
		Matcher token = CSRF_INPUT.matcher(page.getContentAsString());
		assertThat(csrfCookie).isNotNull();
		assertThat(csrfCookie.isHttpOnly()).isTrue();
		assertThat(token.find()).isTrue();

		String email = "form-" + UUID.randomUUID() + "@harbour.test";
		IdentityStub.codeSent(email, "attempt-" + UUID.randomUUID());
		this.mvc.perform(post("/sign-in").cookie(csrfCookie).param("_csrf", token.group(1)).param("email", email))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Check your email")));
	}

	@Test
	void anEmailSendsACodeAndStartsTheAttemptCookie() throws Exception {
		String email = "owner-" + UUID.randomUUID() + "@harbour.test";
		String attempt = "attempt-" + UUID.randomUUID();
		IdentityStub.codeSent(email, attempt);

		MockHttpServletResponse response = this.mvc
			.perform(post("/sign-in").with(CsrfTokens.fetch(this.mvc).asField()).param("email", "  " + email + " ").header(HttpHeaders.USER_AGENT, "Firefox"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Check your email")))
			.andExpect(content().string(containsString(email)))
			.andReturn()
			.getResponse();

		assertThat(setCookie(response, ATTEMPT_COOKIE)).startsWith(ATTEMPT_COOKIE + "=" + attempt)
			.contains("Path=/", "Secure", "HttpOnly", "SameSite=Lax", "Max-Age=3600")
			.doesNotContain("Domain");
		IdentityStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/internal/staff/codes"))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + IdentityStub.GATEWAY_TOKEN))
			.withRequestBody(matchingJsonPath("$.email", equalTo(email)))
			.withRequestBody(matchingJsonPath("$.ip", equalTo("127.0.0.1")))
			.withRequestBody(matchingJsonPath("$.userAgent", equalTo("Firefox"))));
	}

	@Test
	void throttledCodeRequestsSayHowLongToWait() throws Exception {
		String email = "busy-" + UUID.randomUUID() + "@harbour.test";
		IdentityStub.codesThrottled(email, 90);

		this.mvc.perform(post("/sign-in").with(CsrfTokens.fetch(this.mvc).asField()).param("email", email))
			.andExpect(status().isUnprocessableContent())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "90"))
			.andExpect(content().string(containsString("Too many tries. Please wait 2 minutes and try again.")));
	}

	@Test
	void aWrongCodeSaysHowManyTriesAreLeftAndABurntCodeAsksForANewOne() throws Exception {
		String attempt = "attempt-" + UUID.randomUUID();
		IdentityStub.codeRefused(attempt, 2);

		this.mvc.perform(post("/sign-in/code").with(CsrfTokens.fetch(this.mvc).asField())
			.cookie(new Cookie(ATTEMPT_COOKIE, attempt))
			.param("email", "owner@harbour.test")
			.param("code", "123 456"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("That code is not right. You can try 2 more times.")));
		IdentityStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/internal/staff/codes/verify"))
			.withRequestBody(matchingJsonPath("$.attempt", equalTo(attempt)))
			.withRequestBody(matchingJsonPath("$.code", equalTo("123456"))));

		IdentityStub.codeRefused(attempt, 0);
		MockHttpServletResponse burnt = this.mvc
			.perform(post("/sign-in/code").with(CsrfTokens.fetch(this.mvc).asField())
				.cookie(new Cookie(ATTEMPT_COOKIE, attempt))
				.param("email", "owner@harbour.test")
				.param("code", "654321"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("That code no longer works. Ask for a new code.")))
			.andReturn()
			.getResponse();
		assertThat(setCookie(burnt, ATTEMPT_COOKIE)).contains("Max-Age=0");
	}

	@Test
	void aCodeThatIsNotSixDigitsIsNotSentToIdentity() throws Exception {
		String attempt = "attempt-" + UUID.randomUUID();

		this.mvc.perform(post("/sign-in/code").with(CsrfTokens.fetch(this.mvc).asField()).cookie(new Cookie(ATTEMPT_COOKIE, attempt)).param("code", "12ab"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The code is the 6 digits in the email.")));

		IdentityStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/internal/staff/codes/verify"))
			.withRequestBody(containing(attempt)));
	}

	@Test
	void theRightCodeSignsInWithTheSessionCookieAndLandsOnTheBackOffice() throws Exception {
		String attempt = "attempt-" + UUID.randomUUID();
		StaffMember member = IdentityStub.staffSession("owner-" + UUID.randomUUID() + "@harbour.test", "Harbour Roofing");
		IdentityStub.codeAccepted(attempt, "246810", member);

		MockHttpServletResponse signedIn = this.mvc
			.perform(post("/sign-in/code").with(CsrfTokens.fetch(this.mvc).asField())
				.cookie(new Cookie(ATTEMPT_COOKIE, attempt))
				.param("email", member.email())
				.param("code", "246810"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse();

		String cookie = setCookie(signedIn, SESSION_COOKIE);
		assertThat(cookie).startsWith(SESSION_COOKIE + "=" + member.sessionId())
			.contains("Path=/", "Secure", "HttpOnly", "SameSite=Lax")
			.doesNotContain("Domain");
		assertThat(setCookie(signedIn, ATTEMPT_COOKIE)).contains("Max-Age=0");

		this.mvc.perform(get("/").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Signed in as <strong>" + member.email()
					+ "</strong> at\n    <strong>Harbour Roofing</strong>")))
			.andExpect(content().string(containsString("name=\"_csrf_header\" content=\"X-CSRF-TOKEN\"")))
			.andExpect(content().string(not(containsString(member.jwt()))));
	}

	@Test
	void theLandingPageAndTheScreensShareTheWorkspacesNameSoIdentityIsAskedOnce() throws Exception {
		StaffMember member = IdentityStub.staffSession("twice-" + UUID.randomUUID() + "@harbour.test", "Harbour Roofing");

		for (int visit = 0; visit < 2; visit++) {
			this.mvc.perform(get("/").cookie(session(member)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<strong>Harbour Roofing</strong>")));
		}
		this.mvc.perform(get("/contacts/new").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a class=\"workspace-name\" href=\"/\">Harbour Roofing</a>")));

		assertThat(IdentityStub.SERVER
			.findAll(getRequestedFor(urlPathEqualTo("/api/workspaces/" + member.workspaceId())))).hasSize(1);
	}

	@Test
	void someoneInTwoWorkspacesChoosesOne() throws Exception {
		String attempt = "attempt-" + UUID.randomUUID();
		StaffMember member = IdentityStub.staffSession("both-" + UUID.randomUUID() + "@harbour.test", "Harbour Roofing");
		IdentityStub.codeOfTwoWorkspaces(attempt, "135790", member, "Bay Plumbing");

		this.mvc.perform(post("/sign-in/code").with(CsrfTokens.fetch(this.mvc).asField()).cookie(new Cookie(ATTEMPT_COOKIE, attempt)).param("code", "135790"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Which workspace?")))
			.andExpect(content().string(containsString("Bay Plumbing")))
			.andExpect(content().string(containsString(member.workspaceId().toString())));

		MockHttpServletResponse chosen = this.mvc
			.perform(post("/sign-in/workspace").with(CsrfTokens.fetch(this.mvc).asField())
				.cookie(new Cookie(ATTEMPT_COOKIE, attempt))
				.param("workspaceId", member.workspaceId().toString()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse();
		assertThat(setCookie(chosen, SESSION_COOKIE)).startsWith(SESSION_COOKIE + "=" + member.sessionId());
	}

	@Test
	void withoutASessionTheLandingPageSendsToSignIn() throws Exception {
		this.mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/").cookie(new Cookie(SESSION_COOKIE, "ended-" + UUID.randomUUID())))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/sign-in"));
	}

	@Test
	void signingOutEndsTheSessionAtIdentityAndClearsTheCookie() throws Exception {
		StaffMember member = IdentityStub.staffSession("leaving-" + UUID.randomUUID() + "@harbour.test", "Harbour Roofing");

		MockHttpServletResponse response = this.mvc
			.perform(post("/sign-out").with(CsrfTokens.fetch(this.mvc).asField()).cookie(session(member)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/sign-in"))
			.andReturn()
			.getResponse();

		assertThat(setCookie(response, SESSION_COOKIE)).startsWith(SESSION_COOKIE + "=;").contains("Max-Age=0");
		IdentityStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/internal/staff/sessions/sign-out"))
			.withRequestBody(matchingJsonPath("$.sessionId", equalTo(member.sessionId()))));
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefusedAndIdentityIsNotAsked() throws Exception {
		String email = "nocsrf-" + UUID.randomUUID() + "@harbour.test";
		StaffMember member = IdentityStub.staffSession("stays-" + UUID.randomUUID() + "@harbour.test", "Harbour Roofing");

		this.mvc.perform(post("/sign-in").param("email", email))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("This form has expired")));
		this.mvc.perform(post("/sign-out").cookie(session(member)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/sign-in").with(CsrfTokens.fetch(this.mvc).asField()).header("Sec-Fetch-Site", "cross-site").param("email", email))
			.andExpect(status().isForbidden());

		IdentityStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/internal/staff/codes")).withRequestBody(containing(email)));
		IdentityStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/internal/staff/sessions/sign-out"))
			.withRequestBody(containing(member.sessionId())));
	}

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		this.mvc.perform(get("/sign-in"))
			.andExpect(header().string("Content-Security-Policy",
					"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
							+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(content().string(not(containsString("<script"))))
			.andExpect(content().string(not(containsString("style="))));
	}

	@Test
	void identityDownShowsAPageToTryAgain() throws Exception {
		String email = "down-" + UUID.randomUUID() + "@harbour.test";
		IdentityStub.SERVER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/internal/staff/codes"))
			.atPriority(1)
			.withRequestBody(containing(email))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		this.mvc.perform(post("/sign-in").with(CsrfTokens.fetch(this.mvc).asField()).param("email", email))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("Please try again in a moment")));
	}

	private static String setCookie(MockHttpServletResponse response, String name) {
		return response.getHeaders(HttpHeaders.SET_COOKIE)
			.stream()
			.filter((value) -> value.startsWith(name + "="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No Set-Cookie for " + name));
	}
}
