package com.coastline.portal.project;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The projects portal-service knows, of the current workspace (tenant-filtered). */
interface ProjectContacts extends JpaRepository<ProjectContact, UUID> {
}
