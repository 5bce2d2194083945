package com.coastline.automation.template.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.coastline.automation.automation.Trigger;
import com.coastline.automation.template.EmailTemplate;
import com.coastline.automation.template.EmailTemplateLibrary;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Back office: the email template library of the caller's workspace (starters included). */
@RestController
@RequestMapping("/api/email-templates")
class EmailTemplateController {

	private final EmailTemplateLibrary library;

	EmailTemplateController(EmailTemplateLibrary library) {
		this.library = library;
	}

	/** The workspace's templates: the starters first, then its own, oldest first. */
	@GetMapping
	List<TemplateView> list() {
		return library.list().stream().map(TemplateView::of).toList();
	}

	/** Adds a template; 201 with its address in {@code Location}. */
	@PostMapping
	ResponseEntity<TemplateView> create(@Valid @RequestBody TemplateRequest request) {
		EmailTemplate template = library.create(request.name(), request.subject(), request.body(),
				request.suggestedTrigger());
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(template.id()))
			.body(TemplateView.of(template));
	}

	@GetMapping("/{id}")
	TemplateView find(@PathVariable UUID id) {
		return TemplateView.of(library.find(id));
	}

	/** Replaces name, subject, body and suggested trigger. */
	@PutMapping("/{id}")
	TemplateView change(@PathVariable UUID id, @Valid @RequestBody TemplateRequest request) {
		return TemplateView.of(library.change(id, request.name(), request.subject(), request.body(),
				request.suggestedTrigger(), request.version()));
	}

	/** 204; automations that copied the template keep their copy. */
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		library.delete(id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A template to add, or the new state of one.
	 * @param subject a single line, with dynamic values like {@code {{project.name}}}
	 * @param body plain text with dynamic values; blank lines make paragraphs
	 * @param suggestedTrigger the trigger it is written for, optional
	 * @param version on a change, the version the caller read; when given and stale, refused with 409
	 */
	record TemplateRequest(@NotBlank @Size(max = EmailTemplate.MAX_NAME_LENGTH) String name,
			@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "must be a single line") String subject,
			@NotBlank @Size(max = 20_000) String body, Trigger suggestedTrigger, @PositiveOrZero Long version) {
	}

	/**
	 * A template as the back office sees it.
	 * @param starter the key of the starter it is the workspace's copy of (e.g. {@code project-approved}), else
	 * null
	 */
	record TemplateView(UUID id, String name, String subject, String body, Trigger suggestedTrigger, String starter,
			String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, long version) {

		static TemplateView of(EmailTemplate template) {
			return new TemplateView(template.id(), template.name(), template.subject(), template.body(),
					template.suggestedTrigger(), template.starter(), template.createdBy(), template.createdAt(),
					template.updatedBy(), template.updatedAt(), template.version());
		}
	}
}
