package com.coastline.media.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;

/**
 * Removes the metadata of JPEG and PNG images inside documents (a photo pasted into a Word file or a PDF keeps
 * its camera's EXIF: GPS position, serial numbers), without touching their pixels. JPEG: the EXIF (APP1), XMP
 * (APP1) and IPTC/Photoshop (APP13) segments go, with Apache Commons Imaging's lossless rewriters; the image
 * data, ICC profile and JFIF header stay. PNG: the text, EXIF and time chunks go ({@code tEXt}, {@code zTXt},
 * {@code iTXt}, {@code eXIf}, {@code tIME}); every other chunk is copied as it is.
 */
final class EmbeddedImages {

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/** As many bytes as {@link #kindOf} needs. */
	static final int SIGNATURE_LENGTH = PNG.length;

	private static final Set<String> PNG_METADATA_CHUNKS = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");

	private EmbeddedImages() {
	}

	/** The kind of image the bytes start like; {@link Kind#OTHER} for anything else. */
	static Kind kindOf(byte[] head) {
		if (startsWith(head, JPEG)) {
			return Kind.JPEG;
		}
		if (startsWith(head, PNG)) {
			return Kind.PNG;
		}
		return Kind.OTHER;
	}

	/**
	 * The image without its metadata.
	 * @throws IOException when the image is malformed (the document is then not served: fail closed)
	 */
	static byte[] withoutMetadata(Kind kind, byte[] image) throws IOException {
		return switch (kind) {
			case JPEG -> jpegWithoutMetadata(image);
			case PNG -> pngWithoutMetadata(image);
			case OTHER -> image;
		};
	}

	private static byte[] jpegWithoutMetadata(byte[] jpeg) throws IOException {
		try {
			ByteArrayOutputStream withoutExif = new ByteArrayOutputStream(jpeg.length);
			new ExifRewriter().removeExifMetadata(jpeg, withoutExif);
			ByteArrayOutputStream withoutXmp = new ByteArrayOutputStream(jpeg.length);
			new JpegXmpRewriter().removeXmpXml(withoutExif.toByteArray(), withoutXmp);
			ByteArrayOutputStream withoutIptc = new ByteArrayOutputStream(jpeg.length);
			new JpegIptcRewriter().removeIptc(withoutXmp.toByteArray(), withoutIptc, true);
			return withoutIptc.toByteArray();
		}
		catch (ImagingException | RuntimeException ex) {
			throw new IOException("An embedded JPEG image cannot be read", ex);
		}
	}

	/** PNG: signature, then chunks of length (4 bytes), type (4), data, CRC (4). */
	private static byte[] pngWithoutMetadata(byte[] png) throws IOException {
		ByteBuffer in = ByteBuffer.wrap(png);
		ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
		out.write(png, 0, PNG.length);
		in.position(PNG.length);
		boolean ended = false;
		while (!ended) {
			if (in.remaining() < 12) {
				throw new IOException("An embedded PNG image is truncated");
			}
			int start = in.position();
			int length = in.getInt();
			byte[] type = new byte[4];
			in.get(type);
			if (length < 0 || in.remaining() < (long) length + 4) {
				throw new IOException("An embedded PNG image has a malformed chunk");
			}
			in.position(in.position() + length + 4);
			String name = new String(type, StandardCharsets.US_ASCII);
			if (!PNG_METADATA_CHUNKS.contains(name)) {
				out.write(png, start, in.position() - start);
			}
			ended = "IEND".equals(name);
		}
		return out.toByteArray();
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

	/** The images whose metadata is removed. */
	enum Kind {

		JPEG, PNG, OTHER
	}
}
