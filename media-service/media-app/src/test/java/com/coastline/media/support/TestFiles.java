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

import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

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

	/** The device/app names a PDF writer records, for the metadata-stripping tests. */
	public static final String PDF_AUTHOR = "Dana Surveyor";

	public static final String PDF_CREATOR = "Coastline Field Scanner SN-4711";

	public static final String PDF_PRODUCER = "ScanApp 9.1 on Pixel 8";

	public static final String PDF_TITLE = "Building permit 12 Harbour Rd";

	/** A one-page PDF without document metadata of its own (written with OpenPDF). */
	public static byte[] pdf() {
		return pdf(false);
	}

	/**
	 * A one-page PDF with Author, Creator, Producer and Title in its information dictionary and the same in an
	 * XMP metadata stream in its catalog.
	 */
	public static byte[] pdfWithMetadata() {
		return pdf(true);
	}

	private static byte[] pdf(boolean metadata) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		org.openpdf.text.Document document = new org.openpdf.text.Document();
		PdfWriter writer = PdfWriter.getInstance(document, out);
		if (metadata) {
			document.addAuthor(PDF_AUTHOR);
			document.addCreator(PDF_CREATOR);
			document.addProducer(PDF_PRODUCER);
			document.addTitle(PDF_TITLE);
			writer.createXmpMetadata();
		}
		document.open();
		document.add(new Paragraph("Building permit"));
		document.close();
		return out.toByteArray();
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

	/**
	 * A Word document with docProps: core (creator, last modified by, title), app (application, company)
	 * and custom properties, named by the package relationships and content-type overrides.
	 */
	public static byte[] docxWithProperties() {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(out)) {
				entry(zip, "[Content_Types].xml", """
						<?xml version="1.0" encoding="UTF-8"?>
						<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
						<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
						<Default Extension="xml" ContentType="application/xml"/>
						<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
						<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
						<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
						<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>
						</Types>
						""");
				entry(zip, "_rels/.rels", """
						<?xml version="1.0" encoding="UTF-8"?>
						<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
						<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
						<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
						<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>
						</Relationships>
						""");
				entry(zip, "word/document.xml",
						"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
				entry(zip, "docProps/core.xml", """
						<?xml version="1.0" encoding="UTF-8"?>
						<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
						<dc:creator>%s</dc:creator><cp:lastModifiedBy>%s</cp:lastModifiedBy><dc:title>%s</dc:title>
						</cp:coreProperties>
						""".formatted(PDF_AUTHOR, PDF_AUTHOR, PDF_TITLE));
				entry(zip, "docProps/app.xml", """
						<?xml version="1.0" encoding="UTF-8"?>
						<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
						<Application>%s</Application><Company>Coastline Test Co</Company>
						</Properties>
						""".formatted(PDF_PRODUCER));
				entry(zip, "docProps/custom.xml", """
						<?xml version="1.0" encoding="UTF-8"?>
						<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties">
						<property name="Device">%s</property>
						</Properties>
						""".formatted(PDF_CREATOR));
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
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
