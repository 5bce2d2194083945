package com.coastline.project.invoice.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** @param dueDate the last day to pay the invoice of the approved estimate version */
record InvoiceFromEstimateRequest(@NotNull LocalDate dueDate) {
}
