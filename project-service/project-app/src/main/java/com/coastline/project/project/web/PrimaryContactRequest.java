package com.coastline.project.project.web;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * A project's new primary contact.
 *
 * @param primaryContactId an active contact of the workspace
 */
record PrimaryContactRequest(@NotNull UUID primaryContactId) {
}
