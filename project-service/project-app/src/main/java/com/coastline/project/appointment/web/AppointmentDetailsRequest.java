package com.coastline.project.appointment.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import static com.coastline.project.appointment.web.AppointmentRequest.SINGLE_LINE;
import static com.coastline.project.appointment.web.AppointmentRequest.SINGLE_LINE_MESSAGE;

/**
 * Who is coming and the internal notes (both replaced; missing ones are removed).
 *
 * @param assigneeName who is coming, one line, at most 100 characters
 * @param notes internal notes for the crew, at most 2000 characters; never shown to the client
 */
record AppointmentDetailsRequest(
		@Size(max = 100) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String assigneeName,
		@Size(max = 2000) String notes) {
}
