package com.coastline.project.invoice;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The payments of the current workspace's invoices. */
public interface InvoicePayments extends JpaRepository<InvoicePayment, UUID> {

	List<InvoicePayment> findByInvoiceIdOrderByReceivedAtAsc(UUID invoiceId);

	boolean existsByProviderAndProviderPaymentId(String provider, String providerPaymentId);
}
