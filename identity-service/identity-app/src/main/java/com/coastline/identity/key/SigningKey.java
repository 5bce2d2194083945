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
 * An EC P-256 key pair that signs tokens (ES256), with its key id.
 *
 * @param jwk the key pair as a JWK, private part included
 * @param createdAt when it was generated; the newest key signs
 */
public record SigningKey(ECKey jwk, Instant createdAt) {

	public SigningKey {
		Objects.requireNonNull(jwk, "jwk");
		Objects.requireNonNull(createdAt, "createdAt");
		if (!jwk.isPrivate() || !Curve.P_256.equals(jwk.getCurve()) || jwk.getKeyID() == null) {
			throw new IllegalArgumentException("A signing key is a private EC P-256 JWK with a key id");
		}
	}

	/** A new random key pair. */
	public static SigningKey generate(Instant now) {
		try {
			ECKey jwk = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.generate();
			return new SigningKey(jwk, now);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate an EC P-256 key", ex);
		}
	}

	public String keyId() {
		return this.jwk.getKeyID();
	}

	/** Never the private part: a record's default would print it. */
	@Override
	public String toString() {
		return "SigningKey[kid=" + keyId() + ", createdAt=" + this.createdAt + "]";
	}
}
