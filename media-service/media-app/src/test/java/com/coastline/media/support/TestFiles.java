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

	/** What a PNG's text chunk says in {@link #pngWithText()}: the kind of thing a phone or editor writes. */
	public static final String PNG_TEXT = "Taken by " + PDF_AUTHOR + " with " + SERIAL_NUMBER;

	/** A PNG with a {@code tEXt} chunk (keyword {@code Author}) right after its header. */
	public static byte[] pngWithText() {
		byte[] png = png(32, 24);
		byte[] data = ("Author\u0000" + PNG_TEXT).getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream chunk = new ByteArrayOutputStream();
		chunk.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
		byte[] typeAndData = new byte[4 + data.length];
		System.arraycopy("tEXt".getBytes(StandardCharsets.US_ASCII), 0, typeAndData, 0, 4);
		System.arraycopy(data, 0, typeAndData, 4, data.length);
		chunk.writeBytes(typeAndData);
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(typeAndData);
		chunk.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
		// signature (8) + IHDR (4 length + 4 type + 13 data + 4 CRC = 25)
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, 33);
		out.writeBytes(chunk.toByteArray());
		out.write(png, 33, png.length - 33);
		return out.toByteArray();
	}

	/** A Word document with a photo (GPS, camera make, serial number in EXIF) in {@code word/media}. */
	public static byte[] docxWithPhoto() {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(out)) {
				entry(zip, "[Content_Types].xml", """
						<?xml version="1.0" encoding="UTF-8"?>
						<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
						<Default Extension="jpeg" ContentType="image/jpeg"/>
						<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
						</Types>
						""");
				entry(zip, "word/document.xml",
						"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
				zip.putNextEntry(new ZipEntry("word/media/image1.jpeg"));
				zip.write(jpegWithGps());
				zip.closeEntry();
				zip.putNextEntry(new ZipEntry("word/media/image2.png"));
				zip.write(pngWithText());
				zip.closeEntry();
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An OpenDocument text: {@code mimetype} first and uncompressed, content, {@code meta.xml} with creator,
	 * generator and a user-defined field, a manifest naming them, and a photo with GPS EXIF in {@code Pictures/}.
	 */
	public static byte[] odtWithMetadataAndPhoto() {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(out)) {
				byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
				ZipEntry first = new ZipEntry("mimetype");
				first.setMethod(ZipEntry.STORED);
				first.setSize(mimetype.length);
				java.util.zip.CRC32 crc = new java.util.zip.CRC32();
				crc.update(mimetype);
				first.setCrc(crc.getValue());
				zip.putNextEntry(first);
				zip.write(mimetype);
				zip.closeEntry();
				entry(zip, "content.xml", """
						<?xml version="1.0" encoding="UTF-8"?>
						<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3"/>
						""");
				entry(zip, "meta.xml", """
						<?xml version="1.0" encoding="UTF-8"?>
						<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">
						<office:meta><meta:initial-creator>%s</meta:initial-creator><dc:creator>%s</dc:creator>
						<meta:generator>%s</meta:generator><meta:user-defined meta:name="Device">%s</meta:user-defined></office:meta>
						</office:document-meta>
						""".formatted(PDF_AUTHOR, PDF_AUTHOR, PDF_PRODUCER, PDF_CREATOR));
				zip.putNextEntry(new ZipEntry("Pictures/photo.jpg"));
				zip.write(jpegWithGps());
				zip.closeEntry();
				entry(zip, "META-INF/manifest.xml", """
						<?xml version="1.0" encoding="UTF-8"?>
						<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
						<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
						<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
						<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
						<manifest:file-entry manifest:full-path="Pictures/photo.jpg" manifest:media-type="image/jpeg"/>
						</manifest:manifest>
						""");
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A one-page PDF showing a photo with GPS, camera make and serial number in its EXIF (embedded as is). */
	public static byte[] pdfWithPhoto() {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			org.openpdf.text.Document document = new org.openpdf.text.Document();
			PdfWriter.getInstance(document, out);
			document.open();
			document.add(org.openpdf.text.Image.getInstance(jpegWithGps()));
			document.close();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The start of a legacy Office file: the OLE2 compound-file signature, then an empty header. */
	public static byte[] legacyWordDocument() {
		byte[] bytes = new byte[4096];
		byte[] signature = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		System.arraycopy(signature, 0, bytes, 0, signature.length);
		return bytes;
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
