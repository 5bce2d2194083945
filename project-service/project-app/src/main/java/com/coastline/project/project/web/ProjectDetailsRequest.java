package com.coastline.project.project.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import static com.coastline.project.project.web.ProjectRequest.SINGLE_LINE;
import static com.coastline.project.project.web.ProjectRequest.SINGLE_LINE_MESSAGE;

/**
 * A project's new name and address (the whole details; a missing address removes it).
 *
 * @param name the project's name, one line, at most 200 characters
 * @param address optional site address, one line, at most 500 characters
 */
record ProjectDetailsRequest(
		@NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String name,
		@Size(max = 500) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String address) {
}
