package com.coastline.project.invoice;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The checkout sessions of the current workspace's invoices. */
interface PaymentCheckouts extends JpaRepository<PaymentCheckout, UUID> {

	int countByInvoiceId(UUID invoiceId);
}
