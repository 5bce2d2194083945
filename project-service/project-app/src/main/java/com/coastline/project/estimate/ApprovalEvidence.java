package com.coastline.project.estimate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What proves that a client approved exactly one version of an estimate: who (the signed-in contact and
 * the full name they typed as signature), when, from where (IP address and user agent, as relayed by
 * the portal gateway) and what (the SHA-256 of the version's {@link CanonicalContent canonical content}).
 * Written once, with the approval; the database refuses any later change.
 */
@Embeddable
public class ApprovalEvidence {

	@Column(name = "signer_contact_id")
	private UUID signerContactId;

	@Column(name = "signed_name", length = 200)
	private String signedName;

	@Column(name = "approved_at")
	private Instant approvedAt;

	@Column(name = "signer_ip", length = 45)
	private String signerIp;

	@Column(name = "signer_user_agent", length = 512)
	private String signerUserAgent;

	@Column(name = "content_sha256", length = 64)
	private String contentSha256;

	protected ApprovalEvidence() {
	}

	ApprovalEvidence(Signature signature, Instant approvedAt, String contentSha256) {
		this.signerContactId = signature.contactId();
		this.signedName = signature.signedName();
		this.signerIp = signature.ip();
		this.signerUserAgent = signature.userAgent();
		this.approvedAt = approvedAt;
		this.contentSha256 = contentSha256;
	}

	public UUID getSignerContactId() {
		return this.signerContactId;
	}

	public String getSignedName() {
		return this.signedName;
	}

	public Instant getApprovedAt() {
		return this.approvedAt;
	}

	public String getSignerIp() {
		return this.signerIp;
	}

	public String getSignerUserAgent() {
		return this.signerUserAgent;
	}

	public String getContentSha256() {
		return this.contentSha256;
	}
}
