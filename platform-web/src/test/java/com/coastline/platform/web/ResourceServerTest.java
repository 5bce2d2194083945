package com.coastline.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.coastline.platform.test.security.TestTokens;
import com.coastline.platform.web.problem.ProblemType;
import com.coastline.platform.web.security.VerifiedTokenCache;
import com.coastline.platform.web.tenant.Tenant;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@PlatformWebTest
class ResourceServerTest {

	private final UUID workspace = UUID.randomUUID();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JwtDecoder jwtDecoder;

	@Test
	void validTokenIsAccepted() {
		// given
		String token = TestTokens.staff(this.workspace).roles("owner").mint();

		// when
		MvcTestResult result = call(token);

		// then
		assertThat(result).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.workspaceId", (value) -> assertThat(value).asString().isEqualTo(this.workspace.toString()))
			.hasPathSatisfying("$.kind", (value) -> assertThat(value).asString().isEqualTo("STAFF"));
	}

	/**
	 * The decoder remembers verified tokens ({@link VerifiedTokenCache}): a token accepted once is accepted again,
	 * and a copy of it with its signature changed is not taken for it.
	 */
	@Test
	void aRememberedTokenIsAcceptedAgainAndATamperedCopyOfItIsStillRefused() {
		String token = TestTokens.staff(this.workspace).roles("owner").mint();
		assertThat(this.jwtDecoder).isInstanceOf(VerifiedTokenCache.class);
		assertThat(call(token)).hasStatusOk();

		assertThat(call(token)).hasStatusOk();
		char last = token.charAt(token.length() - 2);
		String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
		assertRefused(call(tampered));
		assertThat(call(token)).hasStatusOk();
	}

	@Test
	void requestWithoutTokenIsRefused() {
		MvcTestResult result = this.mvc.get().uri("/me").exchange();

		assertProblem(result, ProblemType.UNAUTHORIZED);
		assertThat(result).headers()
			.hasHeaderSatisfying(HttpHeaders.WWW_AUTHENTICATE,
					(values) -> assertThat(values).singleElement().asString().startsWith("Bearer").doesNotContain("error="));
	}

	@Test
	void unsignedTokenIsRefused() {
		assertRefused(call(TestTokens.staff(this.workspace).forgedUnsigned()));
	}

	@Test
	void tokenSignedWithAnotherKeyIsRefused() {
		assertRefused(call(TestTokens.staff(this.workspace).forgedWithForeignKey()));
	}

	@Test
	void hs256TokenSignedWithThePublicKeyIsRefused() {
		assertRefused(call(TestTokens.staff(this.workspace).forgedHs256WithPublicKey()));
	}

	@Test
	void tokenForAnotherAudienceIsRefused() {
		assertRefused(call(TestTokens.staff(this.workspace).audience("another-api").mint()));
	}

	@Test
	void expiredTokenIsRefused() {
		Instant issued = Instant.now().minus(Duration.ofMinutes(5));
		String token = TestTokens.staff(this.workspace).issuedAt(issued).expiresIn(Duration.ofSeconds(60)).mint();

		assertRefused(call(token));
	}

	@Test
	void tokenFromAnotherIssuerIsRefused() {
		assertRefused(call(TestTokens.staff(this.workspace).issuer("https://attacker.example").mint()));
	}

	@Test
	void tokenWithoutKindIsRefused() {
		assertRefused(call(TestTokens.staff(this.workspace).claim("kind", null).mint()));
	}

	@Test
	void clientTokenWithoutContactIsRefused() {
		assertRefused(call(TestTokens.client(this.workspace, UUID.randomUUID()).contact(null).mint()));
	}

	@Test
	void tokenNamingTheRootTenantIsRefused() {
		assertRefused(call(TestTokens.staff(Tenant.ROOT).mint()));
	}

	@Test
	void tokenWithMalformedWorkspaceIsRefused() {
		assertRefused(call(TestTokens.staff(this.workspace).claim("wid", "not-a-uuid").mint()));
	}

	@Test
	void publicPathNeedsNoToken() {
		MvcTestResult result = this.mvc.get().uri("/public/ping").exchange();

		assertThat(result).hasStatusOk().bodyText().isEqualTo("pong");
	}

	@Test
	void missingRoleIsForbidden() {
		// given
		String staff = TestTokens.staff(this.workspace).roles("staff").mint();

		// when
		MvcTestResult result = this.mvc.get().uri("/owner-only").header(HttpHeaders.AUTHORIZATION, "Bearer " + staff).exchange();

		// then
		assertProblem(result, ProblemType.FORBIDDEN);
	}

	@Test
	void ownerPassesTheRoleCheck() {
		String owner = TestTokens.staff(this.workspace).roles("owner").mint();

		MvcTestResult result = this.mvc.get().uri("/owner-only").header(HttpHeaders.AUTHORIZATION, "Bearer " + owner).exchange();

		assertThat(result).hasStatusOk();
	}

	@Test
	void staffMayUseBackOfficeApis() {
		assertThat(backOffice(TestTokens.staff(this.workspace).roles("staff").mint())).hasStatusOk();
	}

	@Test
	void adminServiceClientActingForAWorkspaceMayUseBackOfficeApis() {
		assertThat(backOffice(TestTokens.service("admin").workspace(this.workspace).roles("admin").mint()))
			.hasStatusOk();
	}

	@Test
	void clientTokenIsForbiddenOnBackOfficeApis() {
		assertProblem(backOffice(TestTokens.client(this.workspace, UUID.randomUUID()).mint()), ProblemType.FORBIDDEN);
	}

	@Test
	void serviceTokenWithoutTheAdminRoleIsForbiddenOnBackOfficeApis() {
		assertProblem(backOffice(TestTokens.service("automation-service").workspace(this.workspace).mint()),
				ProblemType.FORBIDDEN);
	}

	@Test
	void adminServiceTokenWithoutAWorkspaceIsForbiddenOnBackOfficeApis() {
		assertProblem(backOffice(TestTokens.service("admin").roles("admin").mint()), ProblemType.FORBIDDEN);
	}

	@Test
	void portalClientsMayUsePortalApis() {
		assertThat(portal(TestTokens.client(this.workspace, UUID.randomUUID()).mint())).hasStatusOk();
	}

	@Test
	void staffAndServiceTokensAreForbiddenOnPortalApis() {
		assertProblem(portal(TestTokens.staff(this.workspace).roles("owner").mint()), ProblemType.FORBIDDEN);
		assertProblem(portal(TestTokens.service("admin").workspace(this.workspace).roles("admin").mint()),
				ProblemType.FORBIDDEN);
	}

	@Test
	void portalApisNeedAToken() {
		assertProblem(this.mvc.get().uri("/portal/home").exchange(), ProblemType.UNAUTHORIZED);
	}

	private MvcTestResult portal(String token) {
		return this.mvc.get().uri("/portal/home").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

	private MvcTestResult backOffice(String token) {
		return this.mvc.get().uri("/api/desk").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

	private MvcTestResult call(String token) {
		return this.mvc.get().uri("/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

	private static void assertRefused(MvcTestResult result) {
		assertProblem(result, ProblemType.UNAUTHORIZED);
		assertThat(result).headers()
			.hasHeaderSatisfying(HttpHeaders.WWW_AUTHENTICATE,
					(values) -> assertThat(values).singleElement()
						.asString()
						.startsWith("Bearer")
						.contains("error=\"invalid_token\""));
	}
}
