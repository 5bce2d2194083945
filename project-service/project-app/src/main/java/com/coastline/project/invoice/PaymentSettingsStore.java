package com.coastline.project.invoice;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The current workspace's payment settings (at most one row per workspace). */
interface PaymentSettingsStore extends JpaRepository<PaymentSettings, UUID> {

	Optional<PaymentSettings> findFirstBy();
}
