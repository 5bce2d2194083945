package com.coastline.identity.token;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.IdentityTokens;
import com.coastline.identity.key.KeyRing;
import com.coastline.identity.workspace.Workspace;
import com.coastline.identity.workspace.WorkspaceRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.identity.IdentityTokens.bearer;
import static com.coastline.identity.IdentityTokens.part;
import static com.coastline.identity.IdentityTokens.read;
import static org.assertj.core.api.Assertions.assertThat;

@IdentityServiceTest
class ClientCredentialsTest {

	@Autowired
	IdentityTokens tokens;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	KeyRing keyRing;

	@Autowired
	WorkspaceRegistry workspaces;

	@Autowired
	TokenIssuerProperties issuer;

	@Test
	void adminClientGetsAnEs256ServiceTokenForTheCoastlineAudienceThatLivesFiveMinutes() {
		// when
		MvcTestResult result = tokens.request(IdentityTokens.ADMIN, IdentityTokens.ADMIN_SECRET, Map.of());

		// then
		assertThat(result).hasStatusOk();
		JsonNode response = read(result);
		assertThat(response.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(response.get("expires_in").asLong()).isBetween(290L, 300L);
		String token = response.get("access_token").asString();
		JsonNode header = part(token, 0);
		assertThat(header.get("alg").asString()).isEqualTo("ES256");
		assertThat(header.get("kid").asString()).isEqualTo(keyRing.current().keyId());
		JsonNode claims = part(token, 1);
		assertThat(claims.get("iss").asString()).isEqualTo(issuer.issuer());
		// A single audience is written as a string, which JWT allows and platform-web reads.
		assertThat(claims.get("aud").asString()).isEqualTo("coastline");
		assertThat(claims.get("sub").asString()).isEqualTo("admin");
		assertThat(claims.get("kind").asString()).isEqualTo("service");
		assertThat(claims.get("scope").values()).extracting(JsonNode::asString).containsExactly("admin");
		assertThat(claims.get("roles").values()).extracting(JsonNode::asString).containsExactly("admin");
		assertThat(claims.has("wid")).isFalse();
		Instant issuedAt = Instant.ofEpochSecond(claims.get("iat").asLong());
		Instant expiresAt = Instant.ofEpochSecond(claims.get("exp").asLong());
		assertThat(Duration.between(issuedAt, expiresAt)).isLessThanOrEqualTo(Duration.ofMinutes(5));
		assertThat(expiresAt).isAfter(Instant.now());
	}

	@Test
	void adminTokenIsAcceptedByTheResourceServerRules() {
		// given
		String token = tokens.admin();

		// when
		MvcTestResult result = mvc.get()
			.uri("/api/workspaces")
			.param("name", "Nobody Roofing " + UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, bearer(token))
			.exchange();

		// then
		assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("[]");
	}

	@Test
	void secretsCanAlsoBePostedInTheForm() {
		MvcTestResult result = mvc.post()
			.uri("/oauth2/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "client_credentials")
			.param("client_id", IdentityTokens.AUTOMATION)
			.param("client_secret", IdentityTokens.AUTOMATION_SECRET)
			.exchange();

		assertThat(result).hasStatusOk();
	}

	@Test
	void metadataNamesTheIssuerTheTokenEndpointAndTheJwks() {
		MvcTestResult result = mvc.get().uri("/.well-known/oauth-authorization-server").exchange();

		assertThat(result).hasStatusOk();
		JsonNode metadata = read(result);
		assertThat(metadata.get("issuer").asString()).isEqualTo(issuer.issuer());
		assertThat(metadata.get("token_endpoint").asString()).isEqualTo(issuer.issuer() + "/oauth2/token");
		assertThat(metadata.get("jwks_uri").asString()).isEqualTo(issuer.issuer() + "/oauth2/jwks");
	}

	@Test
	void wrongSecretIsRefusedAsAnInvalidClient() {
		MvcTestResult result = tokens.request(IdentityTokens.ADMIN, "not-the-secret", Map.of());

		assertThat(result).hasStatus(401);
		assertThat(read(result).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void requestWithoutClientCredentialsIsRefusedAsAnInvalidClient() {
		MvcTestResult result = mvc.post()
			.uri("/oauth2/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "client_credentials")
			.exchange();

		assertThat(result).hasStatus(401);
		assertThat(read(result).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void serviceClientGetsItsScopeAndNoRole() {
		String token = tokens.automation();

		JsonNode claims = part(token, 1);
		assertThat(claims.get("sub").asString()).isEqualTo(IdentityTokens.AUTOMATION);
		assertThat(claims.get("kind").asString()).isEqualTo("service");
		assertThat(claims.get("scope").values()).extracting(JsonNode::asString).containsExactly("portal-links:write");
		assertThat(claims.has("roles")).isFalse();
	}

	@Test
	void scopeTheClientIsNotRegisteredForIsRefused() {
		MvcTestResult result = tokens.request(IdentityTokens.AUTOMATION, IdentityTokens.AUTOMATION_SECRET,
				Map.of("scope", "admin"));

		assertThat(result).hasStatus(400);
		assertThat(read(result).get("error").asString()).isEqualTo("invalid_scope");
	}

	@Test
	void adminNamingAnExistingWorkspaceGetsATokenOfThatWorkspace() {
		// given
		Workspace workspace = workspaces.create("Harbour Electric", ZoneId.of("Europe/Lisbon"), Currency.getInstance("EUR"));

		// when
		String token = tokens.adminOf(workspace.getId());

		// then
		assertThat(part(token, 1).get("wid").asString()).isEqualTo(workspace.getId().toString());
		MvcTestResult read = mvc.get()
			.uri("/api/workspaces/{id}", workspace.getId())
			.header(HttpHeaders.AUTHORIZATION, bearer(token))
			.exchange();
		assertThat(read).hasStatusOk();
	}

	@Test
	void unknownWorkspaceIsAnInvalidRequest() {
		MvcTestResult result = tokens.request(IdentityTokens.ADMIN, IdentityTokens.ADMIN_SECRET,
				Map.of("workspace_id", UUID.randomUUID().toString()));

		assertInvalidRequest(result);
	}

	@Test
	void malformedWorkspaceIdIsAnInvalidRequest() {
		MvcTestResult result = tokens.request(IdentityTokens.ADMIN, IdentityTokens.ADMIN_SECRET,
				Map.of("workspace_id", "1-1-1-1-1"));

		assertInvalidRequest(result);
	}

	@Test
	void nonAdminClientNamingAWorkspaceIsAnInvalidRequest() {
		// given
		Workspace workspace = workspaces.create("Quay Plumbing", ZoneId.of("America/Denver"), Currency.getInstance("USD"));

		// when
		MvcTestResult result = tokens.request(IdentityTokens.AUTOMATION, IdentityTokens.AUTOMATION_SECRET,
				Map.of("workspace_id", workspace.getId().toString()));

		// then
		assertInvalidRequest(result);
	}

	private static void assertInvalidRequest(MvcTestResult result) {
		assertThat(result).hasStatus(400);
		assertThat(read(result).get("error").asString()).isEqualTo("invalid_request");
		assertThat(read(result).get("error_description").asString()).contains("workspace_id");
	}
}
