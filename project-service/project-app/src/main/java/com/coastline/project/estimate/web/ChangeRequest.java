package com.coastline.project.estimate.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The client asks for changes to an estimate.
 *
 * @param version the number of the version the client was shown; 409 if it is no longer the current one
 * @param message what they would like changed, 1 to 2000 characters
 */
record ChangeRequest(@NotNull @Min(1) Integer version,
		@NotBlank @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE, message = Text.MULTI_LINE_MESSAGE) String message) {
}
