package com.coastline.portal.profile;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.platform.web.problem.UnprocessableException;
import com.coastline.portal.config.PortalProperties;
import net.coobird.thumbnailator.Thumbnails;
import org.apache.tika.Tika;

import org.springframework.stereotype.Component;

/**
 * Checks and re-encodes uploaded logos. The type comes from the content (Apache Tika's magic bytes), never
 * from the name or the declared type. Only PNG and JPEG are taken: SVG is refused because an SVG is a document
 * that can carry scripts and links. The served image is re-encoded from the decoded pixels, so no metadata,
 * trailing bytes or polyglot content survives, and fits within the configured box.
 */
@Component
class LogoImages {

	private static final String PNG = "image/png";

	private static final String JPEG = "image/jpeg";

	private final Tika tika = new Tika();

	private final PortalProperties.Logo settings;

	LogoImages(PortalProperties properties) {
		this.settings = properties.logo();
	}

	/** A re-encoded logo: its bytes, type, tag (a digest prefix, the ETag) and size in pixels. */
	record Encoded(byte[] content, String contentType, String tag, int width, int height) {
	}

	Encoded reencode(byte[] upload) {
		String type = this.tika.detect(upload);
		if (type.equals("image/svg+xml")) {
			throw new UnsupportedLogoException("SVG logos are not accepted, as SVG files can carry scripts. Please "
					+ "upload the logo as a PNG or JPEG image.", type);
		}
		if (!type.equals(PNG) && !type.equals(JPEG)) {
			throw new UnsupportedLogoException("Logos must be PNG or JPEG images; the content of this file is not.",
					type);
		}
		BufferedImage image = decode(upload, type);
		try {
			boolean png = type.equals(PNG);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			var builder = Thumbnails.of(image);
			if (image.getWidth() > this.settings.maxEdge() || image.getHeight() > this.settings.maxEdge()) {
				builder.size(this.settings.maxEdge(), this.settings.maxEdge());
			}
			else {
				builder.scale(1.0);
			}
			BufferedImage resized = builder.asBufferedImage();
			// PNG keeps transparency; JPEG stays JPEG (a photographic logo would grow as PNG).
			var encoder = Thumbnails.of(resized).scale(1.0).outputFormat(png ? "png" : "jpg");
			if (!png) {
				encoder.outputQuality(0.9f);
			}
			encoder.toOutputStream(out);
			byte[] content = out.toByteArray();
			return new Encoded(content, type, tag(content), resized.getWidth(), resized.getHeight());
		}
		catch (IOException ex) {
			throw new UnsupportedLogoException("The image could not be processed; please upload another file.", type);
		}
	}

	private BufferedImage decode(byte[] upload, String type) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
			if (input == null || !readers.hasNext()) {
				throw new UnsupportedLogoException("The image could not be read.", type);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				// Checked from the header before decoding: memory grows with pixels, not with file size.
				if (pixels > this.settings.maxPixels()) {
					throw new UnsupportedLogoException("The image has too many pixels (at most "
							+ this.settings.maxPixels() + "); please upload a smaller logo.", type);
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof UnsupportedLogoException refused) {
				throw refused;
			}
			throw new UnsupportedLogoException("The image could not be read; it may be damaged.", type);
		}
	}

	private static String tag(byte[] content) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** 422: the upload is not a PNG or JPEG image we can use; names the detected type. */
	public static final class UnsupportedLogoException extends UnprocessableException {

		private static final URI TYPE = URI.create(ProblemType.TYPE_PREFIX + "unsupported-file-type");

		private final String detectedType;

		UnsupportedLogoException(String detail, String detectedType) {
			super(detail);
			this.detectedType = detectedType;
		}

		@Override
		public URI type() {
			return TYPE;
		}

		@Override
		public String title() {
			return "Unsupported file type";
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("detectedType", this.detectedType);
		}
	}
}
