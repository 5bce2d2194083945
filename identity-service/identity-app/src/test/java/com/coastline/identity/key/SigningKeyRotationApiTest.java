package com.coastline.identity.key;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.IdentityTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.identity.IdentityTokens.bearer;
import static com.coastline.identity.IdentityTokens.part;
import static com.coastline.identity.IdentityTokens.read;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/signing-keys/rotation}, on the application's own ring (real time). */
@IdentityServiceTest
class SigningKeyRotationApiTest {

	private static final String ROTATION = "/api/signing-keys/rotation";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	KeyRing keyRing;

	@Autowired
	IdentityTokens tokens;

	@Autowired
	JdbcTemplate jdbc;

	SigningKeyRows rows;

	@BeforeEach
	void snapshot() {
		rows = SigningKeyRows.snapshot(jdbc);
	}

	@AfterEach
	void restore() {
		rows.restore(keyRing);
	}

	@Test
	void anAdminRotationPublishesTheNewKeyAtOnceWhileTheOldOneKeepsSigning() {
		// given
		String admin = tokens.admin();
		String signing = keyRing.current().keyId();
		Instant before = Instant.now();

		// when
		MvcTestResult result = mvc.post().uri(ROTATION).header(HttpHeaders.AUTHORIZATION, bearer(admin)).exchange();

		// then
		assertThat(result).hasStatus(202);
		JsonNode body = read(result);
		String kid = body.get("kid").asString();
		Instant signsFrom = Instant.parse(body.get("signsFrom").asString());
		assertThat(kid).isNotEqualTo(signing);
		assertThat(signsFrom).isBetween(before.plus(Duration.ofMinutes(10)), Instant.now().plus(Duration.ofMinutes(10)));
		assertThat(jwksKids()).contains(kid, signing);
		assertThat(keyRing.current().keyId()).isEqualTo(signing);
		assertThat(part(tokens.admin(), 0).get("kid").asString()).isEqualTo(signing);
	}

	@Test
	void onlyAnAdminClientWithoutWorkspaceMayRotate() {
		int keys = keyRows();

		assertThat(rotateWith(tokens.sign(tokens.adminClaims().claim("wid", UUID.randomUUID().toString()))))
			.hasStatus(403);
		assertThat(rotateWith(tokens.automation())).hasStatus(403);
		assertThat(rotateWith(tokens.staff(UUID.randomUUID(), "owner"))).hasStatus(403);
		assertThat(rotateWith(tokens.portalClient(UUID.randomUUID(), UUID.randomUUID()))).hasStatus(403);
		assertThat(mvc.post().uri(ROTATION).exchange()).hasStatus(401);
		assertThat(keyRows()).isEqualTo(keys);
	}

	private MvcTestResult rotateWith(String token) {
		return mvc.post().uri(ROTATION).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();
	}

	private List<String> jwksKids() {
		MvcTestResult jwks = mvc.get().uri("/oauth2/jwks").exchange();
		assertThat(jwks).hasStatusOk();
		return read(jwks).get("keys").values().stream().map(key -> key.get("kid").asString()).toList();
	}

	private int keyRows() {
		return jdbc.queryForObject("select count(*) from signing_key", Integer.class);
	}
}
