package com.coastline.media.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Files for uploads, made in the test: photos with GPS and serial numbers in EXIF, documents, fakes. */
public final class TestFiles {

	public static final String SERIAL_NUMBER = "SN-4711-COASTLINE";

	public static final String CAMERA_MAKE = "Coastline Test Cam";

	public static final double LATITUDE = 40.0150;

	public static final double LONGITUDE = -105.2705;

	private TestFiles() {
	}

	/** A JPEG of the given size with GPS coordinates, camera make, body serial number and an orientation. */
	public static byte[] jpegWithGps(int width, int height, int orientation) {
		try {
			ByteArrayOutputStream plain = new ByteArrayOutputStream();
			ImageIO.write(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpg", plain);
			TiffOutputSet exif = new TiffOutputSet();
			exif.setGpsInDegrees(LONGITUDE, LATITUDE);
			TiffOutputDirectory root = exif.getOrCreateRootDirectory();
			root.add(TiffTagConstants.TIFF_TAG_MAKE, CAMERA_MAKE);
			root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
			exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, SERIAL_NUMBER);
			ByteArrayOutputStream withExif = new ByteArrayOutputStream();
			new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), withExif, exif);
			return withExif.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] jpegWithGps() {
		return jpegWithGps(64, 48, 1);
	}

	public static byte[] png(int width, int height) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Text, whatever name and type the upload claims. */
	public static byte[] notAnImage() {
		return "This is not a photo, just text pretending.\n".repeat(20).getBytes(StandardCharsets.UTF_8);
	}

	/** Starts with the JPEG magic bytes, then garbage: detected as JPEG, cannot be decoded. */
	public static byte[] brokenJpeg() {
		byte[] bytes = new byte[2048];
		bytes[0] = (byte) 0xFF;
		bytes[1] = (byte) 0xD8;
		bytes[2] = (byte) 0xFF;
		bytes[3] = (byte) 0xE0;
		for (int i = 4; i < bytes.length; i++) {
			bytes[i] = (byte) (i * 31);
		}
		return bytes;
	}

	/** The start of an iPhone HEIC file: an ISO-BMFF {@code ftyp} box of brand {@code heic}. */
	public static byte[] heic() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { 0, 0, 0, 0x18 });
		out.writeBytes("ftypheic".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(new byte[] { 0, 0, 0, 0 });
		out.writeBytes("mif1heic".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(new byte[512]);
		return out.toByteArray();
	}

	public static byte[] pdf() {
		String pdf = """
				%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
				trailer << /Root 1 0 R >>
				%%EOF
				""";
		return pdf.getBytes(StandardCharsets.US_ASCII);
	}

	/** A minimal Word (OOXML) document: a ZIP with the content-types part and the main document part. */
	public static byte[] docx() {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(out)) {
				zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
				zip.write("""
						<?xml version="1.0" encoding="UTF-8"?>
						<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
						<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
						</Types>
						""".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
				zip.putNextEntry(new ZipEntry("word/document.xml"));
				zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"
					.getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BufferedImage picture(int width, int height, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(30, 120, 200));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.ORANGE);
		graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
		graphics.dispose();
		return image;
	}
}
