package com.coastline.project.estimate.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.coastline.project.estimate.EstimateContent;

/**
 * A new estimate of a project: its currency and its first (draft) version.
 *
 * @param currency ISO 4217 code (upper case) of every amount of the estimate; project-service keeps no
 * workspace settings, so the back office passes the workspace's currency. Fixed once created
 * @param title one line, at most 200 characters
 * @param notes optional text for the client, at most 4000 characters
 * @param validUntil optional last day the client can approve ({@code 2026-12-31})
 * @param lineItems at most 100; may be empty while a draft
 */
record NewEstimateRequest(@NotNull @CurrencyCode String currency,
		@NotBlank @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String title,
		@Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE, message = Text.MULTI_LINE_MESSAGE) String notes,
		LocalDate validUntil,
		@NotNull @Size(max = EstimateContent.MAX_LINE_ITEMS) List<@Valid @NotNull LineItemRequest> lineItems) {

	EstimateContent toContent() {
		return new EstimateContent(this.title, this.notes, this.validUntil,
				this.lineItems.stream().map(LineItemRequest::toLine).toList());
	}
}
