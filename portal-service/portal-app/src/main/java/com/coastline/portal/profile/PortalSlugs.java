package com.coastline.portal.profile;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Every portal address ever claimed, of every workspace (not tenant-filtered; see {@link PortalSlug}). */
interface PortalSlugs extends JpaRepository<PortalSlug, String> {

	List<PortalSlug> findByWorkspaceIdOrderByClaimedAtAscSlugAsc(UUID workspaceId);
}
