package com.coastline.portal.signin.web;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A file media-service is sending to the signed-in client (a photo's rendition, a shared document), opened by
 * {@link MediaDownloads} once its headers arrived, and copied to the browser as it comes, never held whole in
 * memory. Whoever opens one sends or closes it. Also the {@code Content-Disposition} of the portal's downloads.
 */
final class MediaFile implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(MediaFile.class);

	/** Longest file name offered to the browser, in characters. */
	private static final int MAX_NAME = 150;

	private final ClientHttpResponse response;

	MediaFile(ClientHttpResponse response) {
		this.response = response;
	}

	HttpHeaders headers() {
		return this.response.getHeaders();
	}

	/** The type media-service gave, or {@code application/octet-stream}. */
	MediaType contentType() {
		MediaType type = headers().getContentType();
		return (type != null) ? type : MediaType.APPLICATION_OCTET_STREAM;
	}

	/** The file name media-service offered in its {@code Content-Disposition}, or null. */
	String fileName() {
		String disposition = headers().getFirst(HttpHeaders.CONTENT_DISPOSITION);
		if (disposition == null) {
			return null;
		}
		try {
			return ContentDisposition.parse(disposition).getFilename();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Sends the file to the browser with this type, never cached ({@code no-store}: the next request checks
	 * visibility again), never sniffed, with this {@code Content-Disposition} (or none), then closes it. A
	 * failure half-way (the browser went away, media-service broke off) only ends the response short.
	 */
	void send(HttpServletResponse browser, MediaType type, String disposition) {
		try (this) {
			browser.setStatus(HttpServletResponse.SC_OK);
			browser.setContentType(type.toString());
			long length = headers().getContentLength();
			if (length >= 0) {
				browser.setContentLengthLong(length);
			}
			browser.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			browser.setHeader("X-Content-Type-Options", "nosniff");
			if (disposition != null) {
				browser.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition);
			}
			try (InputStream in = this.response.getBody()) {
				OutputStream out = browser.getOutputStream();
				in.transferTo(out);
				out.flush();
			}
		}
		catch (IOException ex) {
			log.debug("A file from media-service was not sent whole: {}", ex.toString());
		}
	}

	/**
	 * Closes the body first: a transfer cut short (the browser went away, a file nobody waits for) then drops
	 * its connection rather than reading the rest of the file, as closing the response alone would.
	 */
	@Override
	public void close() {
		try {
			this.response.getBody().close();
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Closing a file from media-service: {}", ex.toString());
		}
		this.response.close();
	}

	/**
	 * {@code Content-Disposition: attachment} for this name (RFC 6266): a plain-ASCII {@code filename} for old
	 * browsers and the exact name as RFC 5987 UTF-8 {@code filename*}. Control characters (a CR LF cannot
	 * start a header), path separators and quotes never pass; an empty name becomes {@code fallback}.
	 */
	static String attachment(String name, String fallback) {
		String clean = clean(name);
		if (clean.isEmpty()) {
			clean = fallback;
		}
		String ascii = Normalizer.normalize(clean, Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.replaceAll("[^\\x20-\\x7e]", "_")
			.replace('"', '_')
			.replace('\\', '_');
		return ContentDisposition.attachment().filename(ascii).build() + "; filename*=UTF-8''" + rfc5987(clean);
	}

	/** The name without control characters, separators or quotes, trimmed and at most {@link #MAX_NAME} long. */
	private static String clean(String name) {
		if (name == null) {
			return "";
		}
		String clean = name.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", "")
			.replaceAll("[/\\\\\"]", "_")
			.strip();
		if (clean.codePointCount(0, clean.length()) > MAX_NAME) {
			int dot = clean.lastIndexOf('.');
			String extension = (dot > 0 && clean.length() - dot <= 10) ? clean.substring(dot) : "";
			String base = clean.substring(0, clean.length() - extension.length());
			int keep = MAX_NAME - extension.codePointCount(0, extension.length());
			clean = base.substring(0, base.offsetByCodePoints(0, keep)) + extension;
		}
		while (clean.startsWith(".")) {
			clean = clean.substring(1);
		}
		return clean;
	}

	/** RFC 5987 {@code value-chars}: attr-chars as they are, every other UTF-8 byte as {@code %XX}. */
	private static String rfc5987(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return encoded.toString();
	}

	/**
	 * A file on its way: when the page stops waiting for it (timeout), a file that still arrives is closed at
	 * once rather than left holding a connection.
	 */
	static final class Opening {

		private MediaFile file;

		private boolean abandoned;

		synchronized MediaFile opened(MediaFile opened) {
			if (this.abandoned) {
				opened.close();
			}
			this.file = opened;
			return opened;
		}

		synchronized void abandon() {
			this.abandoned = true;
			if (this.file != null) {
				this.file.close();
			}
		}
	}
}
