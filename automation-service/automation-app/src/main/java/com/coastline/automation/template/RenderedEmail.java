package com.coastline.automation.template;

/**
 * An email rendered from a template.
 * @param subject a single line
 * @param text the plain-text part
 * @param html the HTML fragment of the body, before notification-service wraps it in the workspace's layout
 */
public record RenderedEmail(String subject, String text, String html) {
}
