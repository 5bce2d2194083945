package com.coastline.media.file;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Download responses: streamed from the store, with the stored (detected) type, never cached (visibility
 * is checked on every request, so a cached copy would outlive a removal), and a sanitised file name in
 * {@code Content-Disposition} (RFC 6266 with an RFC 5987 UTF-8 name).
 */
public final class FileResponses {

	private FileResponses() {
	}

	/** To show in the browser (renditions). */
	public static ResponseEntity<Resource> inline(InputStream content, String mediaType, String fileName) {
		return respond(content, mediaType, ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build(), -1);
	}

	/** To save (documents, originals). */
	public static ResponseEntity<Resource> attachment(InputStream content, String mediaType, String fileName,
			long length) {
		return respond(content, mediaType,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build(), length);
	}

	private static ResponseEntity<Resource> respond(InputStream content, String mediaType,
			ContentDisposition disposition, long length) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentDisposition(disposition);
		headers.setCacheControl(CacheControl.noStore());
		// A stored file is never run as a page on our origin (an uploaded office file with scripts, say).
		headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
		ResponseEntity.BodyBuilder builder = ResponseEntity.ok().headers(headers).contentType(MediaType.parseMediaType(mediaType));
		if (length >= 0) {
			builder.contentLength(length);
		}
		return builder.body(new InputStreamResource(content));
	}
}
