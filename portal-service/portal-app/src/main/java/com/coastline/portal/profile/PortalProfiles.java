package com.coastline.portal.profile;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The portal profile of the current workspace (tenant-filtered: at most one). */
interface PortalProfiles extends JpaRepository<PortalProfile, UUID> {

	Optional<PortalProfile> findFirstBy();
}
