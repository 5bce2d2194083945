package com.coastline.portal.signin;

import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import com.coastline.platform.web.client.SessionTokenReuse;
import com.coastline.portal.support.IdentityStub;
import com.coastline.portal.support.PortalServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The swap of the session cookie for client JWTs at identity-service, and the reuse of a page's token. */
@PortalServiceTest
class ClientTokensTest {

	private static final String SESSION_COOKIE = "__Host-coastline-portal-session";

	@Autowired
	ClientTokens tokens;

	@Test
	void aRequestSwapsItsSessionOnceWhateverItCalls() {
		UUID workspace = UUID.randomUUID();
		UUID contact = UUID.randomUUID();
		String sessionId = "session-" + UUID.randomUUID();
		IdentityStub.sessionLive(sessionId, workspace, contact);
		MockHttpServletRequest request = request("GET", sessionId);

		ClientToken first = this.tokens.current(request, workspace).orElseThrow();
		ClientToken second = this.tokens.current(request, workspace).orElseThrow();

		assertThat(first).isSameAs(second);
		assertThat(first.workspaceId()).isEqualTo(workspace);
		assertThat(first.contactId()).isEqualTo(contact);
		assertThat(first.toString()).doesNotContain(first.accessToken());
		assertThat(swapsOf(sessionId)).isEqualTo(1);

		this.tokens.current(request("POST", sessionId), workspace);
		assertThat(swapsOf(sessionId)).isEqualTo(2);
	}

	@Test
	void pagesReuseTheSessionsTokenWhileFormsAlwaysSwapAfresh() {
		UUID workspace = UUID.randomUUID();
		String sessionId = "session-" + UUID.randomUUID();
		IdentityStub.sessionLive(sessionId, workspace, UUID.randomUUID());

		ClientToken first = this.tokens.current(request("GET", sessionId), workspace).orElseThrow();
		ClientToken again = this.tokens.current(request("GET", sessionId), workspace).orElseThrow();
		this.tokens.current(request("HEAD", sessionId), workspace).orElseThrow();
		assertThat(again).isSameAs(first);
		assertThat(swapsOf(sessionId)).isEqualTo(1);

		this.tokens.current(request("POST", sessionId), workspace).orElseThrow();
		assertThat(swapsOf(sessionId)).isEqualTo(2);
	}

	@Test
	void anEndedSessionCanNeverActAndASignOutHereEndsItsPagesAtOnce() {
		UUID workspace = UUID.randomUUID();
		String sessionId = "session-" + UUID.randomUUID();
		IdentityStub.sessionLive(sessionId, workspace, UUID.randomUUID());
		assertThat(this.tokens.current(request("GET", sessionId), workspace)).isPresent();

		IdentityStub.sessionEnded(sessionId);
		assertThat(this.tokens.current(request("POST", sessionId), workspace)).isEmpty();
		assertThat(this.tokens.current(request("GET", sessionId), workspace)).isEmpty();

		String other = "session-" + UUID.randomUUID();
		IdentityStub.sessionLive(other, workspace, UUID.randomUUID());
		assertThat(this.tokens.current(request("GET", other), workspace)).isPresent();
		this.tokens.forget(other);
		IdentityStub.sessionEnded(other);
		assertThat(this.tokens.current(request("GET", other), workspace)).isEmpty();
	}

	@Test
	void aTokenCloseToItsExpiryIsNotReused() {
		UUID workspace = UUID.randomUUID();
		String sessionId = "session-" + UUID.randomUUID();
		IdentityStub.sessionLive(sessionId, workspace, UUID.randomUUID(),
				Duration.ofSeconds(SessionTokenReuse.EXPIRY_MARGIN_SECONDS - 2));

		this.tokens.current(request("GET", sessionId), workspace).orElseThrow();
		this.tokens.current(request("GET", sessionId), workspace).orElseThrow();

		assertThat(swapsOf(sessionId)).isEqualTo(2);
	}

	@Test
	void anEndedSessionOrAnotherWorkspacesHasNoToken() {
		UUID workspace = UUID.randomUUID();
		String sessionId = "session-" + UUID.randomUUID();
		IdentityStub.sessionLive(sessionId, workspace, UUID.randomUUID());
		MockHttpServletRequest otherPortal = new MockHttpServletRequest();
		otherPortal.setCookies(new Cookie(SESSION_COOKIE, sessionId));
		MockHttpServletRequest ended = new MockHttpServletRequest();
		ended.setCookies(new Cookie(SESSION_COOKIE, "session-" + UUID.randomUUID()));

		assertThat(this.tokens.current(otherPortal, UUID.randomUUID())).isEmpty();
		assertThat(this.tokens.current(ended, workspace)).isEmpty();
		assertThat(this.tokens.current(new MockHttpServletRequest(), workspace)).isEmpty();
	}

	private static MockHttpServletRequest request(String method, String sessionId) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/p/portal/");
		request.setCookies(new Cookie(SESSION_COOKIE, sessionId));
		return request;
	}

	private static long swapsOf(String sessionId) {
		return IdentityStub.internalRequests("/internal/sessions/token")
			.stream()
			.filter((request) -> request.getBodyAsString().contains(sessionId))
			.count();
	}
}
