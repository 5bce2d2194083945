package com.coastline.platform.web.tenant;

import java.util.Locale;
import java.util.Optional;

/** Who a verified token speaks for; the {@code kind} claim. */
public enum PrincipalKind {

	/** A client signed in at a workspace's portal, acting as exactly one contact. */
	CLIENT,

	/** A contractor's staff member (owner or staff) of one workspace. */
	STAFF,

	/** Another service, with a client-credentials token. */
	SERVICE;

	/** The claim value as identity writes it: "client", "staff", "service". */
	public String claimValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<PrincipalKind> fromClaim(String value) {
		for (PrincipalKind kind : values()) {
			if (kind.claimValue().equals(value)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}
}
