package com.coastline.identity.workspace;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/** All workspaces. */
public interface Workspaces extends Repository<Workspace, UUID> {

	Workspace save(Workspace workspace);

	Optional<Workspace> findById(UUID id);

	boolean existsById(UUID id);

	List<Workspace> findByNameOrderByCreatedAt(String name);
}
