package com.coastline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Attacks with real tokens from identity-service against the real project-service, every service its
 * own JVM, and two identity-service replicas on one database and broker. A contact signs in the way
 * the portal gateway does it (link issued by the back office, redeemed, session swapped for a client
 * JWT); that genuine token, forged and tampered copies of it, and a tampered admin token are sent to
 * project-service's back-office APIs.
 * <p>
 * Tokens with a valid signature but a wrong audience, issuer or expiry can only be made with identity's
 * own key, which the test reads from identity's database (the local stack's, created for this run).
 * A control signs the genuine claims with it and is accepted, so that each refusal of a changed claim
 * is the claim's doing, not a signature the test got wrong.
 */
@Order(2)
class TokenAttacksAcrossProcessesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

	/** identity consumes ContactUpserted from Kafka; two replicas joining one consumer group rebalance first. */
	private static final Duration CONTACT_KNOWN_TO_IDENTITY = Duration.ofSeconds(90);

	private static final String CONTACT_EMAIL = "attacked-" + UUID.randomUUID() + "@example.com";

	private static LocalStack stack;

	private static String identity1;

	private static String identity2;

	private static Api admin;

	private static UUID workspace;

	private static UUID otherWorkspace;

	private static UUID contact;

	private static UUID project;

	private static ECKey identityKey;

	/**
	 * The attacks need identity twice, project-service to refuse tokens and notification-service for code emails:
	 * the whole system's shared stack has them (started already when the pipeline tests ran first).
	 */
	@BeforeAll
	@Timeout(value = 12, unit = TimeUnit.MINUTES)
	static void startTheSystemWithTwoIdentityReplicas() throws ParseException {
		stack = SharedStack.WHOLE_SYSTEM.get();
		List<ServiceProcess> identities = stack.instances(Service.IDENTITY);
		identity1 = identities.get(0).url();
		identity2 = identities.get(1).url();
		admin = Api.admin(identity1);
		workspace = newWorkspace("Attacked");
		otherWorkspace = newWorkspace("Targeted");
		String token = admin.token(workspace);
		contact = id(admin.post(stack.url(Service.PROJECT) + "/api/contacts",
				Map.of("firstName", "Ada", "lastName", "Quist", "email", CONTACT_EMAIL), token).require(201));
		project = id(admin.post(stack.url(Service.PROJECT) + "/api/projects",
				Map.of("name", "Fence " + UUID.randomUUID(), "primaryContactId", contact), token).require(201));
		await().atMost(CONTACT_KNOWN_TO_IDENTITY)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> issueLink(identity1).status() != 404);
		identityKey = identitysSigningKey(SignedJWT.parse(clientToken(identity1)).getHeader().getKeyID());
	}

	// --- a genuine client token -------------------------------------------------------------------

	@Test
	void genuineClientTokenIsForbiddenOnBackOfficeApisThatAnAdminTokenMayRead() {
		String clientToken = clientToken(identity1);
		String adminToken = admin.token(workspace);

		for (String url : backOfficeUrls()) {
			assertThat(get(url, adminToken).status()).as(url).isEqualTo(200);
			assertProblem(get(url, clientToken), 403, url);
		}
	}

	@Test
	void clientTokenCarriesTheContactTheWorkspaceAndTheSession() throws ParseException {
		JWTClaimsSet claims = SignedJWT.parse(clientToken(identity1)).getJWTClaimsSet();

		assertThat(claims.getSubject()).isEqualTo(contact.toString());
		assertThat(claims.getStringClaim("cid")).isEqualTo(contact.toString());
		assertThat(claims.getStringClaim("wid")).isEqualTo(workspace.toString());
		assertThat(claims.getStringClaim("kind")).isEqualTo("client");
		assertThat(claims.getStringClaim("sid")).isNotBlank();
		assertThat(claims.getAudience()).containsExactly("coastline");
		assertThat(claims.getStringListClaim("amr")).containsExactly("link");
	}

	/**
	 * The controls of the forgeries: the test's own tampering (same bytes put back) and re-signing
	 * (identity's key read from its database) give tokens project-service accepts as genuine.
	 */
	@Test
	void theTestsTamperingAndReSigningAloneLeaveAValidToken() throws Exception {
		String genuine = clientToken(identity1);

		String reEncoded = replaceInPayload(genuine, workspace.toString(), workspace.toString());
		String reSigned = signedByIdentity(SignedJWT.parse(genuine).getJWTClaimsSet());

		assertThat(reEncoded).isEqualTo(genuine);
		for (String url : backOfficeUrls()) {
			assertProblem(get(url, reSigned), 403, url);
		}
	}

	// --- forged and tampered client tokens -----------------------------------------------------------

	/** What an attacker does to a genuine client token. */
	enum Forgery {

		ALG_NONE(genuine -> encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + part(genuine, 1) + "."),

		ALG_NONE_KEEPING_THE_SIGNATURE(
				genuine -> encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + part(genuine, 1) + "." + part(genuine, 2)),

		SIGNATURE_DROPPED(genuine -> part(genuine, 0) + "." + part(genuine, 1) + "."),

		SIGNED_BY_ANOTHER_EC_KEY_UNDER_IDENTITYS_KEY_ID(TokenAttacksAcrossProcessesTest::signedByForeignKey),

		HS256_WITH_IDENTITYS_PUBLIC_KEY_AS_SECRET(TokenAttacksAcrossProcessesTest::signedWithPublicKeyAsHmacSecret),

		OTHER_WORKSPACE_WITH_THE_ORIGINAL_SIGNATURE(
				genuine -> replaceInPayload(genuine, workspace.toString(), otherWorkspace.toString())),

		KIND_RAISED_TO_STAFF_WITH_THE_ORIGINAL_SIGNATURE(
				genuine -> replaceInPayload(genuine, "\"kind\":\"client\"", "\"kind\":\"staff\"")),

		OTHER_AUDIENCE_WITH_THE_ORIGINAL_SIGNATURE(genuine -> replaceInPayload(genuine, "coastline", "elsewhere")),

		OTHER_AUDIENCE_SIGNED_BY_IDENTITY(genuine -> reSigned(genuine, claims -> claims.audience("elsewhere"))),

		OTHER_ISSUER_SIGNED_BY_IDENTITY(genuine -> reSigned(genuine, claims -> claims.issuer("http://attacker.example"))),

		EXPIRED_SIGNED_BY_IDENTITY(genuine -> reSigned(genuine, claims -> {
			Instant past = Instant.now().minus(Duration.ofMinutes(10));
			return claims.issueTime(Date.from(past))
				.notBeforeTime(Date.from(past))
				.expirationTime(Date.from(past.plusSeconds(60)));
		})),

		WITHOUT_EXPIRY_SIGNED_BY_IDENTITY(genuine -> reSigned(genuine, claims -> claims.expirationTime(null))),

		NOT_YET_VALID_SIGNED_BY_IDENTITY(genuine -> reSigned(genuine, claims -> {
			Instant future = Instant.now().plus(Duration.ofMinutes(10));
			return claims.issueTime(Date.from(future))
				.notBeforeTime(Date.from(future))
				.expirationTime(Date.from(future.plusSeconds(60)));
		})),

		TRUNCATED(genuine -> genuine.substring(0, genuine.length() / 2)),

		SIGNATURE_CUT_SHORT(genuine -> genuine.substring(0, genuine.length() - 10)),

		NOT_A_JWT(genuine -> "not-a-jwt");

		private final UnaryOperator<String> attack;

		Forgery(UnaryOperator<String> attack) {
			this.attack = attack;
		}

		String forge(String genuine) {
			return this.attack.apply(genuine);
		}
	}

	@ParameterizedTest
	@EnumSource(Forgery.class)
	void forgedOrTamperedClientTokenIsUnauthorized(Forgery forgery) {
		String forged = forgery.forge(clientToken(identity1));

		for (String url : backOfficeUrls()) {
			assertProblem(get(url, forged), 401, url);
		}
	}

	@Test
	void tokenSignedByAnotherKeyIsWellFormedAndStillUnauthorized() throws Exception {
		ECKey foreign = new ECKeyGenerator(Curve.P_256).generate();
		SignedJWT genuine = SignedJWT.parse(clientToken(identity1));
		SignedJWT forged = new SignedJWT(genuine.getHeader(), genuine.getJWTClaimsSet());
		forged.sign(new ECDSASigner(foreign));

		// A correct ES256 signature, only by the wrong key: the refusal is the key's doing.
		assertThat(SignedJWT.parse(forged.serialize()).verify(new ECDSAVerifier(foreign.toPublicJWK()))).isTrue();
		assertProblem(get(backOfficeUrls().get(0), forged.serialize()), 401, "foreign key");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "Bearer", "Basic YWRtaW46bG9jYWwtYWRtaW4tc2VjcmV0" })
	void missingOrOtherSchemeIsUnauthorized(String authorization) {
		String url = backOfficeUrls().get(0);

		assertProblem(call("GET", url, authorization, null), 401, "Authorization: '" + authorization + "'");
	}

	@Test
	void emptyBearerIsUnauthorized() {
		assertProblem(call("GET", backOfficeUrls().get(0), "Bearer ", null), 401, "empty bearer");
	}

	@Test
	void hugeBearerIsABadRequestProblem() {
		String huge = "A".repeat(100 * 1024);

		// Tomcat refuses headers over its limit (8 kB) before any filter; platform-web's error report
		// valve still answers with a problem.
		assertProblem(get(backOfficeUrls().get(0), huge), 400, "100 kB bearer");
	}

	@Test
	void bearerJustUnderTheHeaderLimitIsUnauthorized() {
		String large = "A".repeat(7 * 1024);

		assertProblem(get(backOfficeUrls().get(0), large), 401, "7 kB bearer");
	}

	// --- tampered admin tokens -------------------------------------------------------------------

	@Test
	void adminTokenTamperedToAnotherWorkspaceIsUnauthorized() {
		String genuine = admin.token(workspace);
		String tampered = replaceInPayload(genuine, workspace.toString(), otherWorkspace.toString());

		assertThat(get(stack.url(Service.PROJECT) + "/api/projects", genuine).status()).isEqualTo(200);
		for (String url : List.of(stack.url(Service.PROJECT) + "/api/projects",
				stack.url(Service.PROJECT) + "/api/contacts")) {
			assertProblem(get(url, tampered), 401, url);
		}
	}

	@Test
	void adminTokenAlgNoneIsUnauthorized() {
		String genuine = admin.token(workspace);

		String forged = Forgery.ALG_NONE.forge(genuine);

		assertProblem(get(stack.url(Service.PROJECT) + "/api/projects", forged), 401, "admin alg none");
	}

	// --- two identity replicas -------------------------------------------------------------------

	@Test
	void bothIdentityReplicasPublishTheSameKeys() throws Exception {
		Answer first = call("GET", identity1 + "/oauth2/jwks", null, null);
		Answer second = call("GET", identity2 + "/oauth2/jwks", null, null);
		String kid = SignedJWT.parse(clientToken(identity2)).getHeader().getKeyID();

		assertThat(first.status()).isEqualTo(200);
		assertThat(second.status()).isEqualTo(200);
		assertThat(first.json().path("keys").size()).isPositive();
		assertThat(second.json()).isEqualTo(first.json());
		assertThat(first.json().path("keys").findValuesAsString("kid")).contains(kid);
	}

	@Test
	void sessionRedeemedOnOneReplicaIsExchangedOnTheOtherAndAcceptedByProjectService() throws Exception {
		String session = redeem(identity1, linkToken(identity1));

		Answer exchanged = exchange(identity2, session);

		assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(200);
		String token = exchanged.json().path("accessToken").asString();
		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getSubject()).isEqualTo(contact.toString());
		String url = backOfficeUrls().get(0);
		// Authenticated (403: a client may not use the back office), where a forgery is not (401).
		assertProblem(get(url, token), 403, "replica 2's token");
		assertProblem(get(url, signedByForeignKey(token)), 401, "replica 2's token, re-signed by another key");
	}

	@Test
	void signingOutOnOneReplicaEndsTheSessionOnTheOther() {
		String session = redeem(identity1, linkToken(identity1));
		assertThat(exchange(identity1, session).status()).isEqualTo(200);

		Answer signedOut = call("POST", identity2 + "/internal/sessions/sign-out", "Bearer " + gatewayToken(identity2),
				Map.of("sessionId", session, "ip", "203.0.113.7", "userAgent", "Coastline attack test"));

		assertThat(signedOut.status()).as(signedOut.toString()).isEqualTo(204);
		assertProblem(exchange(identity1, session), 401, "exchange on replica 1 after sign-out on replica 2");
		assertProblem(exchange(identity2, session), 401, "exchange on replica 2 after sign-out on replica 2");
	}

	@Test
	void aCodeAskedForOnOneReplicaArrivesByEmailAndSignsInOnTheOther() {
		String ip = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
		Answer requested = call("POST", identity2 + "/internal/codes", "Bearer " + gatewayToken(identity2),
				Map.of("workspaceId", workspace.toString(), "email", CONTACT_EMAIL, "ip", ip, "userAgent", "Coastline test"));
		assertThat(requested.status()).as(requested.toString()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(60)).until(() -> !stack.inbox().mailsTo(CONTACT_EMAIL).isEmpty());
		MailInbox.Mail mail = stack.inbox().mailsTo(CONTACT_EMAIL).get(0);
		Matcher code = Pattern.compile("^([0-9]{6}) is your sign-in code for Attacked").matcher(mail.subject());
		assertThat(code.find()).as(mail.subject()).isTrue();
		assertThat(mail.text()).contains(code.group(1)).doesNotContain("{{secret");

		Answer verified = call("POST", identity1 + "/internal/codes/verify", "Bearer " + gatewayToken(identity1),
				Map.of("attempt", requested.json().path("attempt").asString(), "code", code.group(1), "ip", ip,
						"userAgent", "Coastline test"));
		assertThat(verified.status()).as(verified.toString()).isEqualTo(201);
		assertThat(verified.json().path("contactId").asString()).isEqualTo(contact.toString());
	}

	@Test
	void bothReplicasCountTheSamePerIpLimit() {
		String ip = "192.0.2." + ThreadLocalRandom.current().nextInt(1, 255);
		String email = "nobody-" + UUID.randomUUID() + "@example.com";
		for (int i = 0; i < 20; i++) {
			String replica = (i % 2 == 0) ? identity1 : identity2;
			Answer requested = call("POST", replica + "/internal/codes", "Bearer " + gatewayToken(replica),
					Map.of("workspaceId", workspace.toString(), "email", email, "ip", ip));
			assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
		}

		for (String replica : List.of(identity1, identity2)) {
			Answer throttled = call("POST", replica + "/internal/codes", "Bearer " + gatewayToken(replica),
					Map.of("workspaceId", workspace.toString(), "email", email, "ip", ip));
			assertProblem(throttled, 429, "the 21st code request from one address, on " + replica);
		}
	}

	// --- signing in as the portal gateway does ------------------------------------------------------

	private static Answer issueLink(String identityUrl) {
		return call("POST", identityUrl + "/api/contacts/" + contact + "/links", "Bearer " + admin.token(workspace),
				Map.of());
	}

	private static String linkToken(String identityUrl) {
		Answer issued = issueLink(identityUrl);
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		return issued.json().path("token").asString();
	}

	private static String gatewayToken(String identityUrl) {
		return Api.portalGateway(identityUrl).token("gateway");
	}

	private static String redeem(String identityUrl, String linkToken) {
		Answer started = call("POST", identityUrl + "/internal/links/redeem", "Bearer " + gatewayToken(identityUrl),
				Map.of("token", linkToken, "ip", "203.0.113.7", "userAgent", "Coastline attack test"));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.json().path("sessionId").asString();
	}

	private static Answer exchange(String identityUrl, String session) {
		return call("POST", identityUrl + "/internal/sessions/token", "Bearer " + gatewayToken(identityUrl),
				Map.of("sessionId", session));
	}

	/** A fresh client token of the contact (they live 60 s): a new link, redeemed, the session swapped. */
	private static String clientToken(String identityUrl) {
		Answer exchanged = exchange(identityUrl, redeem(identityUrl, linkToken(identityUrl)));
		assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(200);
		return exchanged.json().path("accessToken").asString();
	}

	private static List<String> backOfficeUrls() {
		String project = stack.url(Service.PROJECT);
		return List.of(project + "/api/projects", project + "/api/projects/" + TokenAttacksAcrossProcessesTest.project,
				project + "/api/contacts/" + contact);
	}

	// --- forging ---------------------------------------------------------------------------------

	private static String part(String jwt, int index) {
		String[] parts = jwt.split("\\.", -1);
		assertThat(parts).hasSize(3);
		return parts[index];
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	/** The token with a text of its payload replaced, header and signature kept byte for byte. */
	private static String replaceInPayload(String jwt, String from, String to) {
		String payload = new String(Base64.getUrlDecoder().decode(part(jwt, 1)), StandardCharsets.UTF_8);
		assertThat(payload).as("the payload to tamper with").contains(from);
		return part(jwt, 0) + "." + encode(payload.replace(from, to)) + "." + part(jwt, 2);
	}

	/** The same header (identity's key id) and claims, signed by a fresh P-256 key. */
	private static String signedByForeignKey(String genuine) {
		try {
			SignedJWT original = SignedJWT.parse(genuine);
			SignedJWT forged = new SignedJWT(original.getHeader(), original.getJWTClaimsSet());
			forged.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));
			return forged.serialize();
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Algorithm confusion: HS256 with identity's public JWK as the shared secret. */
	private static String signedWithPublicKeyAsHmacSecret(String genuine) {
		try {
			SignedJWT original = SignedJWT.parse(genuine);
			SignedJWT forged = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(original.getHeader().getKeyID()).build(),
					original.getJWTClaimsSet());
			forged.sign(new MACSigner(identityKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
			return forged.serialize();
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The genuine token's claims, changed, signed with identity's own key: only the change can be refused. */
	private static String reSigned(String genuine, UnaryOperator<JWTClaimsSet.Builder> change) {
		try {
			return signedByIdentity(change.apply(new JWTClaimsSet.Builder(SignedJWT.parse(genuine).getJWTClaimsSet()))
				.build());
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String signedByIdentity(JWTClaimsSet claims) {
		try {
			SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(identityKey.getKeyID())
				.type(JOSEObjectType.JWT)
				.build(), claims);
			JWSSigner signer = new ECDSASigner(identityKey);
			token.sign(signer);
			return token.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The private key identity signs with, from its {@code signing_key} table: in clear in {@code jwk}, or
	 * (once identity seals its keys) in {@code private_jwk_sealed}, opened with the key-encryption key
	 * identity runs with (its environment, which the stack's processes inherit, or its local default).
	 */
	private static ECKey identitysSigningKey(String kid) {
		try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(Service.IDENTITY), "postgres", "postgres");
				var query = connection.prepareStatement("select * from signing_key where kid = ?")) {
			query.setString(1, kid);
			try (ResultSet row = query.executeQuery()) {
				assertThat(row.next()).as("identity's signing key " + kid).isTrue();
				String plaintext = row.getString("jwk");
				return ECKey.parse((plaintext != null) ? plaintext
						: openSealed(kid, row.getString("kek_id"), row.getBytes("private_jwk_sealed")));
			}
		}
		catch (SQLException | ParseException ex) {
			throw new IllegalStateException("Could not read identity's signing key " + kid, ex);
		}
	}

	/** AES-256-GCM: a 12-byte nonce, then ciphertext and tag; the kid is the associated data. */
	private static String openSealed(String kid, String kekId, byte[] sealed) {
		String configuredId = identitySetting("KEY_ENCRYPTION_KEY_ID");
		assertThat(kekId).as("the key-encryption key that sealed " + kid).isEqualTo(configuredId);
		String kek = identitySetting("KEY_ENCRYPTION_KEY");
		byte[] key = (kek.indexOf('-') >= 0 || kek.indexOf('_') >= 0) ? Base64.getUrlDecoder().decode(kek)
				: Base64.getDecoder().decode(kek);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
					new GCMParameterSpec(128, Arrays.copyOfRange(sealed, 0, 12)));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Identity's signing key " + kid + " does not open with its KEK", ex);
		}
	}

	/** An environment variable of identity's configuration, else its default in identity's application.yml. */
	private static String identitySetting(String variable) {
		String value = System.getenv(variable);
		if (value != null) {
			return value;
		}
		try {
			String yaml = Files.readString(
					Path.of("../../identity-service/identity-app/src/main/resources/application.yml"));
			Matcher matcher = Pattern.compile("\\$\\{" + variable + ":([^}]*)}").matcher(yaml);
			assertThat(matcher.find()).as("identity's application.yml has a default for " + variable).isTrue();
			return matcher.group(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// --- HTTP ------------------------------------------------------------------------------------

	/** An answer: status, content type and body as text. */
	record Answer(int status, String contentType, String text) {

		JsonNode json() {
			return JSON.readTree(this.text);
		}
	}

	private static Answer get(String url, String bearer) {
		return call("GET", url, "Bearer " + bearer, null);
	}

	private static Answer call(String method, String url, String authorization, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(CALL_TIMEOUT);
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Call failed: " + method + " " + url, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A refusal as an RFC 9457 problem of the given status, with nothing of the contact in it. */
	private static void assertProblem(Answer answer, int status, String what) {
		assertThat(answer.status()).as(what + ": " + answer).isEqualTo(status);
		assertThat(answer.contentType()).as(what + ": content type").startsWith("application/problem+json");
		JsonNode problem = answer.json();
		assertThat(problem.path("status").asInt()).as(what + ": problem status").isEqualTo(status);
		assertThat(problem.path("type").asString()).as(what + ": problem type").startsWith("tag:coastline.app,2026:problem:");
		assertThat(answer.text()).as(what + ": body").doesNotContain(CONTACT_EMAIL);
	}

	private static UUID newWorkspace(String name) {
		return id(admin.post(identity1 + "/api/workspaces",
				Map.of("name", name + " " + UUID.randomUUID(), "timeZone", "Europe/Oslo", "currency", "NOK"), admin.token())
			.require(201));
	}

	private static UUID id(JsonNode node) {
		return UUID.fromString(node.get("id").asString());
	}
}
