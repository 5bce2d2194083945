package com.coastline.identity.key;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * An EC P-256 key pair that signs tokens (ES256), with its key id and its place in the rotation
 * timeline: published from {@code createdAt}, signing from {@code signsFrom} until a newer key signs.
 *
 * @param jwk the key pair as a JWK, private part included
 * @param createdAt when it was generated (and published)
 * @param signsFrom when it starts signing: after the publish-ahead period, or at once for the first key
 */
public record SigningKey(ECKey jwk, Instant createdAt, Instant signsFrom) {

	public SigningKey {
		Objects.requireNonNull(jwk, "jwk");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(signsFrom, "signsFrom");
		if (!jwk.isPrivate() || !Curve.P_256.equals(jwk.getCurve()) || jwk.getKeyID() == null) {
			throw new IllegalArgumentException("A signing key is a private EC P-256 JWK with a key id");
		}
		if (signsFrom.isBefore(createdAt)) {
			throw new IllegalArgumentException("A signing key cannot sign before it exists");
		}
	}

	/** A new random key pair, created now, that signs from {@code signsFrom}. */
	public static SigningKey generate(Instant now, Instant signsFrom) {
		try {
			ECKey jwk = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.generate();
			return new SigningKey(jwk, now, signsFrom);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate an EC P-256 key", ex);
		}
	}

	public String keyId() {
		return this.jwk.getKeyID();
	}

	/** Whether it has started signing (or would, were it the newest) at {@code now}. */
	boolean signsAt(Instant now) {
		return !this.signsFrom.isAfter(now);
	}

	/** Never the private part: a record's default would print it. */
	@Override
	public String toString() {
		return "SigningKey[kid=" + keyId() + ", createdAt=" + this.createdAt + ", signsFrom=" + this.signsFrom + "]";
	}
}
