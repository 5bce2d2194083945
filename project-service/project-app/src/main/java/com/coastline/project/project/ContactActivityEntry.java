package com.coastline.project.project;

/**
 * A timeline entry of something a client did, with the name of the project it is on.
 *
 * @param entry the timeline entry
 * @param projectName the project's name
 */
public record ContactActivityEntry(ProjectActivity entry, String projectName) {
}
