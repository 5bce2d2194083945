package com.coastline.project.estimate.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The client declines an estimate.
 *
 * @param version the number of the version the client was shown; 409 if it is no longer the current one
 * @param message optional word to the contractor, at most 2000 characters
 */
record DeclineRequest(@NotNull @Min(1) Integer version,
		@Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE, message = Text.MULTI_LINE_MESSAGE) String message) {
}
