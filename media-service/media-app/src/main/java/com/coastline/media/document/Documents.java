package com.coastline.media.document;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The documents of the current workspace (tenant-filtered). */
public interface Documents extends JpaRepository<Document, UUID> {

	List<Document> findByProjectIdOrderByUploadedAtAscIdAsc(UUID projectId);

	List<Document> findByProjectIdAndSharedTrueOrderByUploadedAtAscIdAsc(UUID projectId);
}
