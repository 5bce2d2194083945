package com.coastline.project.invoice;

/**
 * Where an invoice stands.
 *
 * <pre>
 * DRAFT ──issue──▶ OPEN ──payments reach the total──▶ PAID   (final)
 * DRAFT, OPEN without payments ──void──▶ VOID              (final)
 * OPEN ──due date passed──▶ overdue                         (derived when read, never a status; InvoiceOverdue once)
 * </pre>
 *
 * Every other move is refused with {@link InvoiceTransitionRefused} (409) and changes nothing.
 */
public enum InvoiceStatus {

	/** Being written by the contractor; the client does not see it. */
	DRAFT,

	/** Issued to the client and waiting for payment; partial payments keep it open. */
	OPEN,

	/** Paid in full. Final. */
	PAID,

	/** Voided by the contractor: no longer due, no longer payable. Final. */
	VOID
}
