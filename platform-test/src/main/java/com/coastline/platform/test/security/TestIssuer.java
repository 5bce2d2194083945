package com.coastline.platform.test.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The JVM-wide token issuer of the tests: an EC P-256 signing key generated at first use and its
 * public JWKS served over HTTP on 127.0.0.1, so services under test validate tokens exactly as in
 * production (fetching the JWKS from a URI), with no mock decoder.
 * <p>
 * A test context gets the resource-server settings from {@link #properties()}; tokens come from
 * {@link TestTokens}.
 */
public final class TestIssuer {

	/** The {@code iss} of every test token. */
	public static final String ISSUER = "https://identity.test.coastline";

	/** The default {@code aud} of test tokens, and the audience test services require. */
	public static final String AUDIENCE = "coastline";

	static final String JWKS_PATH = "/.well-known/jwks.json";

	private static volatile TestIssuer instance;

	private final ECKey signingKey;

	private final HttpServer server;

	private TestIssuer() {
		this.signingKey = generateKey();
		this.server = serveJwks(new JWKSet(this.signingKey.toPublicJWK()).toString());
	}

	/** The shared issuer, started on first use. */
	public static TestIssuer get() {
		TestIssuer issuer = instance;
		if (issuer == null) {
			synchronized (TestIssuer.class) {
				issuer = instance;
				if (issuer == null) {
					issuer = new TestIssuer();
					instance = issuer;
				}
			}
		}
		return issuer;
	}

	/**
	 * The settings a test context needs to accept tokens of this issuer, as lazy values (the JWKS
	 * server starts when the first value is read): {@code coastline.security.jwt.jwk-set-uri},
	 * {@code coastline.security.jwt.issuer} and {@code coastline.security.jwt.audience}. Register
	 * each entry with a {@code DynamicPropertyRegistry}.
	 */
	public static Map<String, Supplier<Object>> properties() {
		Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
		properties.put("coastline.security.jwt.jwk-set-uri", () -> get().jwkSetUri());
		properties.put("coastline.security.jwt.issuer", () -> ISSUER);
		properties.put("coastline.security.jwt.audience", () -> AUDIENCE);
		return properties;
	}

	/** Where the public keys are served, e.g. {@code http://127.0.0.1:41234/.well-known/jwks.json}. */
	public String jwkSetUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + JWKS_PATH;
	}

	ECKey signingKey() {
		return this.signingKey;
	}

	/** A key of the same shape and key id that the JWKS does not publish: for forged tokens. */
	static ECKey foreignKey(String keyId) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate an EC key", ex);
		}
	}

	private static ECKey generateKey() {
		return foreignKey("test-" + UUID.randomUUID());
	}

	private static HttpServer serveJwks(String jwks) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
			server.createContext(JWKS_PATH, exchange -> respond(exchange, body));
			server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
				Thread thread = new Thread(runnable, "test-issuer-jwks");
				thread.setDaemon(true);
				return thread;
			}));
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-issuer-stop"));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the test JWKS server", ex);
		}
	}

	private static void respond(HttpExchange exchange, byte[] body) throws IOException {
		try (exchange; OutputStream out = exchange.getResponseBody()) {
			exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
			exchange.sendResponseHeaders(200, body.length);
			out.write(body);
		}
	}
}
