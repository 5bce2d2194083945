package com.coastline.identity.key.web;

import java.time.Instant;

import com.coastline.identity.key.KeyRing;
import com.coastline.identity.key.SigningKey;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operations on the signing keys, for admin clients without a workspace. */
@RestController
class SigningKeyController {

	private final KeyRing keyRing;

	SigningKeyController(KeyRing keyRing) {
		this.keyRing = keyRing;
	}

	/**
	 * Rotates now: creates a key that is published at once and signs after the publish-ahead period
	 * (the current key keeps signing until then). Other replicas pick it up at their next reload.
	 * @return the new key's id and when it starts signing
	 */
	@PostMapping("/api/signing-keys/rotation")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Rotation rotate() {
		SigningKey key = this.keyRing.rotate();
		return new Rotation(key.keyId(), key.signsFrom());
	}

	/**
	 * A rotation under way.
	 * @param kid the new key's id, already in the JWKS
	 * @param signsFrom when it starts signing
	 */
	public record Rotation(String kid, Instant signsFrom) {
	}
}
