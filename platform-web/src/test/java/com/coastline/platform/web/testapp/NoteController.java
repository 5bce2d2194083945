package com.coastline.platform.web.testapp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.problem.TooManyRequestsException;
import com.coastline.platform.web.problem.UnprocessableException;
import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.platform.web.tenant.Tenant;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NoteController {

	private final Notes notes;

	private final CurrentTenant currentTenant;

	NoteController(Notes notes, CurrentTenant currentTenant) {
		this.notes = notes;
		this.currentTenant = currentTenant;
	}

	record NewNote(@NotBlank @Size(max = 100) String title) {
	}

	record NoteUpdate(@NotBlank @Size(max = 100) String title, @PositiveOrZero long version) {
	}

	/** A back-office endpoint (under {@code /api/**}). */
	@GetMapping("/api/desk")
	String desk() {
		return "open";
	}

	/** A portal endpoint (under {@code /portal/**}). */
	@GetMapping("/portal/home")
	String portalHome() {
		return "open";
	}

	@GetMapping("/notes")
	List<Note> list() {
		return this.notes.findAll();
	}

	@GetMapping("/notes/{id}")
	Note find(@PathVariable UUID id) {
		return this.notes.findById(id).orElseThrow(() -> new NotFoundException("Note", id));
	}

	@PostMapping("/notes")
	@ResponseStatus(HttpStatus.CREATED)
	Note create(@Valid @RequestBody NewNote note) {
		this.currentTenant.requireWorkspace();
		return this.notes.saveAndFlush(new Note(UUID.randomUUID(), note.title()));
	}

	@PutMapping("/notes/{id}")
	Note update(@PathVariable UUID id, @Valid @RequestBody NoteUpdate update) {
		Note current = find(id);
		return this.notes.saveAndFlush(new Note(id, current.getWorkspaceId(), update.title(), update.version()));
	}

	@PostMapping("/notes/{id}/publish")
	Note publish(@PathVariable UUID id) {
		find(id);
		throw new UnprocessableException("An empty note cannot be published.");
	}

	@GetMapping("/me")
	Map<String, Object> me() {
		Tenant tenant = this.currentTenant.get();
		return Map.of("workspaceId", tenant.workspaceId(), "subject", tenant.subject(), "kind", tenant.kind(),
				"roles", tenant.roles());
	}

	@GetMapping("/owner-only")
	String ownerOnly() {
		if (!this.currentTenant.get().hasRole("owner")) {
			throw new AccessDeniedException("Owners only");
		}
		return "ok";
	}

	@GetMapping("/limited")
	String limited() {
		throw new TooManyRequestsException("Too many codes requested; try again later.", Duration.ofMillis(29_100));
	}

	@GetMapping("/boom")
	String boom() {
		throw new IllegalStateException("secret-internal-detail: connection string jdbc:postgresql://db/secret");
	}

	@GetMapping("/public/ping")
	String ping() {
		return "pong";
	}
}
