package com.coastline.portal.profile;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The logo of the current workspace (tenant-filtered: at most one). */
interface PortalLogos extends JpaRepository<PortalLogo, UUID> {

	Optional<PortalLogo> findFirstBy();
}
