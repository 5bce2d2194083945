package com.coastline.media.photo;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The photos of the current workspace (tenant-filtered). */
public interface Photos extends JpaRepository<Photo, UUID> {

	List<Photo> findByProjectIdOrderByUploadedAtAscIdAsc(UUID projectId);

	List<Photo> findByProjectIdAndOnPortalTrueOrderByUploadedAtAscIdAsc(UUID projectId);

	List<Photo> findByIdIn(Collection<UUID> ids);
}
