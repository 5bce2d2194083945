package com.coastline.portal.profile;

/**
 * A logo as served.
 *
 * @param content the re-encoded image
 * @param contentType {@code image/png} or {@code image/jpeg}
 * @param tag its entity tag (a digest prefix)
 */
public record PortalLogoFile(byte[] content, String contentType, String tag) {
}
