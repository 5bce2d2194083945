package com.coastline.backoffice.signin;

import java.util.UUID;

import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.CsrfTokens;
import com.coastline.backoffice.support.IdentityStub;
import com.coastline.backoffice.support.SignUpStub;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public sign-up page against identity at its HTTP boundary: the form and its CSRF token, the business sent
 * to identity with the browser's IP and user agent, the owner's code sent at once and the code form shown,
 * identity's validation problems by the field, its throttling as how long to wait, CSRF and same-site checks,
 * identity down.
 */
@BackofficeGatewayTest
class SignUpPagesTest {

	private static final String ATTEMPT_COOKIE = "__Host-coastline-staff-attempt";

	@Autowired
	MockMvc mvc;

	@Test
	void theSignUpPageAsksForTheBusinessWithAFormThatCarriesItsCsrfToken() throws Exception {
		this.mvc.perform(get("/sign-up"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(content().string(containsString("Create your workspace")))
			.andExpect(content().string(containsString("name=\"_csrf\" value=\"")))
			.andExpect(content().string(containsString("name=\"workspaceName\"")))
			.andExpect(content().string(containsString("name=\"ownerEmail\"")))
			.andExpect(content().string(containsString("name=\"ownerName\"")))
			.andExpect(content().string(containsString("<option value=\"\" selected=\"selected\">Choose your time zone")))
			.andExpect(content().string(containsString("<option value=\"America/Denver\">America/Denver</option>")))
			.andExpect(content().string(containsString("<option value=\"USD\" selected=\"selected\">")))
			.andExpect(content().string(containsString("data-browser-default=\"yes\"")))
			// The browser's time zone comes from a script file of this origin (CSP script-src 'self'), never inline.
			.andExpect(content().string(containsString("<script src=\"/assets/signup.js\" defer></script>")))
			.andExpect(content().string(not(containsString("style="))));
		this.mvc.perform(get("/assets/signup.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("resolvedOptions().timeZone")));
	}

	@Test
	void theSignInPageLinksToTheSignUpPage() throws Exception {
		this.mvc.perform(get("/sign-in"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"/sign-up\">Create a workspace</a>")));
	}

	@Test
	void aBusinessSignsUpAndItsOwnerIsSentACodeAtOnce() throws Exception {
		String name = "Harbour Roofing " + UUID.randomUUID();
		String email = "owner-" + UUID.randomUUID() + "@harbour.test";
		String attempt = "attempt-" + UUID.randomUUID();
		SignUpStub.created(name, email);
		IdentityStub.codeSent(email, attempt);

		MockHttpServletResponse response = this.mvc
			.perform(form(name, "America/Los_Angeles", "CAD", "  " + email + " ", " Dana Reyes ")
				.header(HttpHeaders.USER_AGENT, "Firefox"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(content().string(containsString("Check your email")))
			.andExpect(content().string(containsString(email)))
			.andExpect(content().string(containsString("action=\"/sign-in/code\"")))
			.andReturn()
			.getResponse();

		IdentityStub.SERVER.verify(postRequestedFor(urlPathEqualTo(SignUpStub.PATH))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + IdentityStub.GATEWAY_TOKEN))
			.withRequestBody(matchingJsonPath("$.workspaceName", equalTo(name)))
			.withRequestBody(matchingJsonPath("$.timeZone", equalTo("America/Los_Angeles")))
			.withRequestBody(matchingJsonPath("$.currency", equalTo("CAD")))
			.withRequestBody(matchingJsonPath("$.ownerEmail", equalTo(email)))
			.withRequestBody(matchingJsonPath("$.ownerName", equalTo("Dana Reyes")))
			.withRequestBody(matchingJsonPath("$.ip", equalTo("127.0.0.1")))
			.withRequestBody(matchingJsonPath("$.userAgent", equalTo("Firefox"))));
		IdentityStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/internal/staff/codes"))
			.withRequestBody(matchingJsonPath("$.email", equalTo(email)))
			.withRequestBody(matchingJsonPath("$.ip", equalTo("127.0.0.1"))));
		assertThat(response.getHeaders(HttpHeaders.SET_COOKIE)).anySatisfy((cookie) -> assertThat(cookie)
			.startsWith(ATTEMPT_COOKIE + "=" + attempt)
			.contains("Path=/", "Secure", "HttpOnly", "SameSite=Lax"));
	}

	@Test
	void identitysRefusalIsShownByTheFieldAndTheFormKeepsWhatWasTyped() throws Exception {
		String name = "Harbour Tiling " + UUID.randomUUID();
		String email = "owner@harbour.test, other@harbour.test";
		SignUpStub.invalid(name, "ownerEmail", "must be one address, not a list");

		this.mvc.perform(form(name, "Europe/Berlin", "EUR", email, "Dana Reyes"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(
					"Enter one email address, like you@yourbusiness.com (must be one address, not a list).")))
			.andExpect(content().string(containsString("value=\"" + name + "\"")))
			.andExpect(content().string(containsString("<option value=\"Europe/Berlin\" selected=\"selected\">")))
			.andExpect(content().string(containsString("<option value=\"EUR\" selected=\"selected\">")))
			.andExpect(content().string(containsString("value=\"Dana Reyes\"")));
		IdentityStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/internal/staff/codes"))
			.withRequestBody(containing("harbour.test, other")));
	}

	@Test
	void blankFieldsAndAnUnknownTimeZoneAreRefusedWithoutAskingIdentity() throws Exception {
		String email = "blank-" + UUID.randomUUID() + "@harbour.test";

		this.mvc.perform(form("  ", "Mars/Olympus", "XXX", email, ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter your business name (up to 200 characters).")))
			.andExpect(content().string(containsString("Choose your time zone.")))
			.andExpect(content().string(containsString("Choose your currency.")))
			.andExpect(content().string(containsString("Enter your name on one line (up to 200 characters).")))
			.andExpect(content().string(not(containsString("Enter one email address"))));
		IdentityStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo(SignUpStub.PATH)).withRequestBody(containing(email)));
	}

	@Test
	void theBrowsersOwnTimeZoneIsOfferedAgainWhenTheFormComesBack() throws Exception {
		String name = "Kolkata Builders " + UUID.randomUUID();
		SignUpStub.invalid(name, "ownerName", "must be a single line of text");

		this.mvc.perform(form(name, "Asia/Kolkata", "USD", "owner@kolkata.test", "Ravi"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter your name on one line (up to 200 characters).")))
			.andExpect(content().string(containsString("<option value=\"Asia/Kolkata\" selected=\"selected\">")))
			.andExpect(content().string(containsString("data-browser-default=\"no\"")));
	}

	@Test
	void tooManySignUpsFromTheNetworkSayHowLongToWait() throws Exception {
		String name = "Busy Builders " + UUID.randomUUID();
		SignUpStub.throttled(name, 150);

		this.mvc.perform(form(name, "America/Denver", "USD", "owner@busy.test", "Dana Reyes"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "150"))
			.andExpect(content().string(containsString("Too many sign-ups from your network. Please wait 3 minutes")));
		IdentityStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/internal/staff/codes"))
			.withRequestBody(containing("owner@busy.test")));
	}

	@Test
	void aFormWithoutItsCsrfTokenOrFromAnotherSiteIsRefusedAndIdentityIsNotCalled() throws Exception {
		String name = "Forged " + UUID.randomUUID();
		SignUpStub.created(name, "owner@forged.test");

		this.mvc.perform(post("/sign-up").param("workspaceName", name)
			.param("timeZone", "America/Denver")
			.param("currency", "USD")
			.param("ownerEmail", "owner@forged.test")
			.param("ownerName", "Dana Reyes")).andExpect(status().isForbidden());
		this.mvc.perform(form(name, "America/Denver", "USD", "owner@forged.test", "Dana Reyes")
			.header("Sec-Fetch-Site", "cross-site")).andExpect(status().isForbidden());
		this.mvc.perform(form(name, "America/Denver", "USD", "owner@forged.test", "Dana Reyes")
			.header(HttpHeaders.ORIGIN, "https://evil.test")).andExpect(status().isForbidden());

		IdentityStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo(SignUpStub.PATH)).withRequestBody(containing(name)));
	}

	@Test
	void identityDownShowsAPageToTryAgain() throws Exception {
		String name = "Offline " + UUID.randomUUID();
		SignUpStub.down(name);

		this.mvc.perform(form(name, "America/Denver", "USD", "owner@offline.test", "Dana Reyes"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "30"))
			.andExpect(content().string(containsString("Please try again in a moment")));
	}

	private MockHttpServletRequestBuilder form(String workspaceName, String timeZone, String currency, String email,
			String ownerName) throws Exception {
		return post("/sign-up").with(CsrfTokens.fetch(this.mvc).asField())
			.param("workspaceName", workspaceName)
			.param("timeZone", timeZone)
			.param("currency", currency)
			.param("ownerEmail", email)
			.param("ownerName", ownerName);
	}
}
