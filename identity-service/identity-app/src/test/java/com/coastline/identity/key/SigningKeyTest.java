package com.coastline.identity.key;

import java.time.Clock;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.IdentityTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionOperations;

import static com.coastline.identity.IdentityTokens.read;
import static org.assertj.core.api.Assertions.assertThat;

@IdentityServiceTest
class SigningKeyTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	KeyRing keyRing;

	@Autowired
	SigningKeys signingKeys;

	@Autowired
	SigningKeyProperties settings;

	@Autowired
	TransactionOperations transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Autowired
	IdentityTokens tokens;

	@Test
	void jwksPublishesThePublicKeyOnly() throws Exception {
		// when
		MvcTestResult result = mvc.get().uri("/oauth2/jwks").exchange();

		// then
		assertThat(result).hasStatusOk();
		JsonNode keys = read(result).get("keys");
		assertThat(keys.values()).extracting(key -> key.get("kid").asString()).contains(keyRing.current().keyId());
		for (JsonNode key : keys.values()) {
			assertThat(key.get("kty").asString()).isEqualTo("EC");
			assertThat(key.get("crv").asString()).isEqualTo("P-256");
			assertThat(key.get("alg").asString()).isEqualTo("ES256");
			assertThat(key.get("use").asString()).isEqualTo("sig");
			assertThat(key.has("x")).isTrue();
			assertThat(key.has("d")).as("private part of %s", key.get("kid")).isFalse();
		}
		assertThat(result.getResponse().getContentAsString()).doesNotContain(keyRing.current().jwk().getD().toString());
	}

	@Test
	void keysSurviveARestartSoTokensIssuedBeforeStillVerify() {
		// given a token signed before the "restart"
		String token = tokens.admin();
		int rows = keyRows();

		// when the keys are loaded again, as a restarted instance does
		KeyRing reloaded = KeyRing.loadOrCreate(signingKeys, transactions, clock, settings);

		// then
		assertThat(keyRows()).isEqualTo(rows);
		assertThat(reloaded.current().keyId()).isEqualTo(keyRing.current().keyId());
		assertThat(reloaded.current().jwk().toPublicJWK()).isEqualTo(keyRing.current().jwk().toPublicJWK());
		Jwt verified = NimbusJwtDecoder.withJwkSource(reloaded).jwsAlgorithm(SignatureAlgorithm.ES256).build().decode(token);
		assertThat(verified.getSubject()).isEqualTo(IdentityTokens.ADMIN);
	}

	@Test
	void storedKeyKeepsItsPrivatePartSoTheNextInstanceCanSign() {
		SigningKey stored = signingKeys.all().get(0);

		assertThat(stored.jwk().isPrivate()).isTrue();
		assertThat(stored.toString()).doesNotContain(stored.jwk().getD().toString());
	}

	private int keyRows() {
		return jdbc.queryForObject("select count(*) from signing_key", Integer.class);
	}
}
