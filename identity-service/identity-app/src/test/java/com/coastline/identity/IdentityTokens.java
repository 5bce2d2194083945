package com.coastline.identity;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.identity.key.KeyRing;
import com.coastline.identity.token.TokenIssuerProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens for this module's tests. Client-credentials tokens come from the real token endpoint.
 * Staff and portal-client tokens (which identity will sign once sign-in exists) are signed here with
 * identity's own current key, since identity trusts no other issuer, not even the platform's test one.
 */
@TestComponent
public class IdentityTokens {

	public static final String ADMIN = "admin";

	public static final String ADMIN_SECRET = "local-admin-secret";

	public static final String AUTOMATION = "automation-service";

	public static final String AUTOMATION_SECRET = "local-automation-secret";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockMvcTester mvc;

	private final JwtEncoder encoder;

	private final KeyRing keyRing;

	private final TokenIssuerProperties issuer;

	IdentityTokens(MockMvcTester mvc, JwtEncoder encoder, KeyRing keyRing, TokenIssuerProperties issuer) {
		this.mvc = mvc;
		this.encoder = encoder;
		this.keyRing = keyRing;
		this.issuer = issuer;
	}

	/** A token request with HTTP Basic client authentication and the given form parameters. */
	public MvcTestResult request(String clientId, String secret, Map<String, String> parameters) {
		var request = this.mvc.post()
			.uri("/oauth2/token")
			.header(HttpHeaders.AUTHORIZATION, basic(clientId, secret))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "client_credentials");
		parameters.forEach(request::param);
		return request.exchange();
	}

	/** The access token a client gets, failing the test if it gets none. */
	public String clientCredentials(String clientId, String secret, Map<String, String> parameters) {
		MvcTestResult result = request(clientId, secret, parameters);
		assertThat(result).hasStatusOk();
		return read(result).get("access_token").asString();
	}

	public String admin() {
		return clientCredentials(ADMIN, ADMIN_SECRET, Map.of());
	}

	public String adminOf(UUID workspace) {
		return clientCredentials(ADMIN, ADMIN_SECRET, Map.of("workspace_id", workspace.toString()));
	}

	public String automation() {
		return clientCredentials(AUTOMATION, AUTOMATION_SECRET, Map.of());
	}

	/** A staff member of a workspace, signed by identity's current key. */
	public String staff(UUID workspace, String... roles) {
		return sign(Map.of("sub", "staff-" + UUID.randomUUID(), "kind", "staff", "wid", workspace.toString(), "roles",
				List.of(roles), "amr", List.of("code"), "sid", UUID.randomUUID().toString()));
	}

	/** A portal client acting as one contact of a workspace, signed by identity's current key. */
	public String portalClient(UUID workspace, UUID contact) {
		return sign(Map.of("sub", contact.toString(), "kind", "client", "wid", workspace.toString(), "cid",
				contact.toString(), "amr", List.of("link"), "sid", UUID.randomUUID().toString()));
	}

	public static JsonNode read(MvcTestResult result) {
		return JSON.readTree(result.getResponse().getContentAsByteArray());
	}

	/** The header and claims of a compact JWS, decoded without verification (for assertions on its shape). */
	public static JsonNode part(String jwt, int index) {
		return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
	}

	public static String bearer(String token) {
		return "Bearer " + token;
	}

	/** Claims of an admin service token valid for a minute, to be varied by a test and {@link #sign signed}. */
	public JwtClaimsSet.Builder adminClaims() {
		return claimsValidForAMinute().subject(ADMIN).claim("kind", "service").claim("roles", List.of(ADMIN));
	}

	private JwtClaimsSet.Builder claimsValidForAMinute() {
		Instant now = Instant.now();
		return JwtClaimsSet.builder()
			.issuer(this.issuer.issuer())
			.audience(List.of("coastline"))
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plusSeconds(60))
			.id(UUID.randomUUID().toString());
	}

	private String sign(Map<String, Object> claims) {
		JwtClaimsSet.Builder set = claimsValidForAMinute();
		claims.forEach(set::claim);
		return sign(set);
	}

	/** Signs the claims with identity's current key, as the token endpoint does. */
	public String sign(JwtClaimsSet.Builder set) {
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(this.keyRing.current().keyId()).type("JWT").build();
		return this.encoder.encode(JwtEncoderParameters.from(header, set.build())).getTokenValue();
	}

	private static String basic(String clientId, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes());
	}
}
