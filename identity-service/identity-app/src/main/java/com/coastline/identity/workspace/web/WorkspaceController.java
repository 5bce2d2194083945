package com.coastline.identity.workspace.web;

import java.net.URI;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import com.coastline.identity.workspace.WorkspaceRegistry;
import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.platform.web.tenant.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant registry's API. Creating and searching need the {@code admin} role (enforced by the
 * security configuration); reading one workspace is also open to tokens of that workspace.
 */
@RestController
@Tag(name = "Workspaces", description = "The tenant registry.")
@RequestMapping("/api/workspaces")
class WorkspaceController {

	static final String ADMIN = "admin";

	private final WorkspaceRegistry registry;

	private final CurrentTenant currentTenant;

	WorkspaceController(WorkspaceRegistry registry, CurrentTenant currentTenant) {
		this.registry = registry;
		this.currentTenant = currentTenant;
	}

	/** Signs a contractor business up: 201 with the workspace; announces it with {@code WorkspaceCreated}. */
	@Operation(summary = "Create a workspace (admin)",
			description = "201 with the workspace; publishes WorkspaceCreated.")
	@ApiResponse(responseCode = "201", description = "Created")
	@PostMapping
	ResponseEntity<WorkspaceView> create(@Valid @RequestBody NewWorkspace request) {
		WorkspaceView created = WorkspaceView.of(this.registry.create(request.name(), ZoneId.of(request.timeZone()),
				Currency.getInstance(request.currency())));
		return ResponseEntity.created(URI.create("/api/workspaces/" + created.id())).body(created);
	}

	/** One workspace, for an admin or a token of that workspace; 404 for anyone else, as if it did not exist. */
	@Operation(summary = "Read a workspace",
			description = "For an admin or a token of that workspace; 404 for anyone else, as if it did not "
				+ "exist.")
	@GetMapping("/{id}")
	WorkspaceView get(@PathVariable UUID id) {
		Tenant tenant = this.currentTenant.get();
		if (!tenant.hasRole(ADMIN) && !id.equals(tenant.workspaceId())) {
			throw notFound(id);
		}
		return this.registry.find(id).map(WorkspaceView::of).orElseThrow(() -> notFound(id));
	}

	/** The workspaces with exactly this name (oldest first), so that a seeder can create one only once. */
	@Operation(summary = "Find the workspaces with exactly this name (admin)",
			description = "Oldest first; names are not unique.")
	@GetMapping
	List<WorkspaceView> named(@RequestParam @NotBlank String name) {
		return this.registry.named(name).stream().map(WorkspaceView::of).toList();
	}

	private static NotFoundException notFound(UUID id) {
		return new NotFoundException("Workspace", id);
	}
}
