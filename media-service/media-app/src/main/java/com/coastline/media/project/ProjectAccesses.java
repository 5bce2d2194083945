package com.coastline.media.project;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The projects media-service knows, of the current workspace (tenant-filtered). */
public interface ProjectAccesses extends JpaRepository<ProjectAccess, UUID> {
}
