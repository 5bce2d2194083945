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
 * The whole content of an estimate's version, replacing the draft or becoming a new version; validated
 * like {@link NewEstimateRequest} (the currency cannot change).
 *
 * @param title one line, at most 200 characters
 * @param notes optional text for the client, at most 4000 characters
 * @param validUntil optional last day the client can approve
 * @param lineItems at most 100
 * @param version the estimate's version the caller edited (optional): when given and no longer current, 409
 */
record EstimateContentRequest(
		@NotBlank @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String title,
		@Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE, message = Text.MULTI_LINE_MESSAGE) String notes,
		LocalDate validUntil,
		@NotNull @Size(max = EstimateContent.MAX_LINE_ITEMS) List<@Valid @NotNull LineItemRequest> lineItems,
		Long version) {

	EstimateContent toContent() {
		return new EstimateContent(this.title, this.notes, this.validUntil,
				this.lineItems.stream().map(LineItemRequest::toLine).toList());
	}
}
