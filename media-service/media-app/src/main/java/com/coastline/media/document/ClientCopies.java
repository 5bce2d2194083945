package com.coastline.media.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStamper;

/**
 * The copy of a document a client downloads: for Word, Excel and PowerPoint (OOXML) files, the package without
 * its document-properties parts; for PDFs, the same pages without the document information
 * dictionary (Author, Creator, Producer, Title…, which often name the device or app) and without the
 * catalog's XMP {@code /Metadata} stream. Made at download time into a temporary file that is deleted when
 * the returned stream is closed. A PDF that cannot be read is not served (fail closed).
 */
final class ClientCopies {

	private ClientCopies() {
	}

	private static final Set<String> OOXML = Set.of(
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation");

	/** The OOXML document-properties parts: author, last editor, company, application, custom fields. */
	private static final Set<String> PROPERTY_PARTS = Set.of("docProps/core.xml", "docProps/app.xml",
			"docProps/custom.xml");

	private static final Pattern PROPERTY_RELATIONSHIP = Pattern
		.compile("<Relationship\\b[^>]*Target=\"/?docProps/(core|app|custom)\\.xml\"[^>]*/>");

	private static final Pattern PROPERTY_OVERRIDE = Pattern
		.compile("<Override\\b[^>]*PartName=\"/docProps/(core|app|custom)\\.xml\"[^>]*/>");

	/** At most this many bytes are written for an office file's client copy (a 25 MB upload expands less). */
	private static final long MAX_EXPANDED = 512L * 1024 * 1024;

	/** The package parts rewritten in memory are small; larger ones are not a real package's. */
	private static final int MAX_REWRITTEN_PART = 1024 * 1024;

	static boolean strips(String contentType) {
		return "application/pdf".equals(contentType) || OOXML.contains(contentType);
	}

	static ClientCopy withoutMetadata(String contentType, InputStream original) {
		return "application/pdf".equals(contentType) ? pdfWithoutMetadata(original) : ooxmlWithoutProperties(original);
	}

	/**
	 * The OOXML package without its {@code docProps} core, app and custom parts, and without the
	 * relationships and content-type overrides that name them. Entries are copied one by one (streamed).
	 */
	static ClientCopy ooxmlWithoutProperties(InputStream original) {
		Path source = null;
		Path copy = null;
		try {
			source = Files.createTempFile("coastline-original-", ".zip");
			Files.copy(original, source, StandardCopyOption.REPLACE_EXISTING);
			copy = Files.createTempFile("coastline-client-copy-", ".zip");
			try (ZipFile zip = new ZipFile(source.toFile());
					ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
				long budget = MAX_EXPANDED;
				Enumeration<? extends ZipEntry> entries = zip.entries();
				while (entries.hasMoreElements()) {
					ZipEntry entry = entries.nextElement();
					String name = entry.getName();
					if (PROPERTY_PARTS.contains(name)) {
						continue;
					}
					out.putNextEntry(new ZipEntry(name));
					try (InputStream in = zip.getInputStream(entry)) {
						if ("_rels/.rels".equals(name)) {
							out.write(rewrite(in, PROPERTY_RELATIONSHIP));
						}
						else if ("[Content_Types].xml".equals(name)) {
							out.write(rewrite(in, PROPERTY_OVERRIDE));
						}
						else {
							budget -= copy(in, out, budget);
						}
					}
					out.closeEntry();
				}
			}
			long length = Files.size(copy);
			return new ClientCopy(Files.newInputStream(copy, StandardOpenOption.DELETE_ON_CLOSE), length);
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(copy);
			throw new UncheckedIOException("Could not remove the properties of an office file",
					(ex instanceof IOException io) ? io : new IOException(ex));
		}
		finally {
			deleteQuietly(source);
		}
	}

	/** Copies at most {@code budget} bytes; more means a ZIP bomb, not an office file. */
	private static long copy(InputStream in, OutputStream out, long budget) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long copied = 0;
		for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
			copied += read;
			if (copied > budget) {
				throw new IOException("The office file expands to more than " + MAX_EXPANDED + " bytes");
			}
			out.write(buffer, 0, read);
		}
		return copied;
	}

	private static byte[] rewrite(InputStream in, Pattern remove) throws IOException {
		byte[] bytes = in.readNBytes(MAX_REWRITTEN_PART + 1);
		if (bytes.length > MAX_REWRITTEN_PART) {
			throw new IOException("A package part is too large");
		}
		String xml = new String(bytes, StandardCharsets.UTF_8);
		return remove.matcher(xml).replaceAll("").getBytes(StandardCharsets.UTF_8);
	}

	/** The PDF without document metadata; the caller closes the stream, which deletes the copy. */
	static ClientCopy pdfWithoutMetadata(InputStream original) {
		Path copy = null;
		try {
			copy = Files.createTempFile("coastline-client-copy-", ".pdf");
			PdfReader reader = new PdfReader(original);
			try (OutputStream out = Files.newOutputStream(copy)) {
				// Not only unreferenced: a stamper copies every object of the original, so the objects go too.
				PdfReader.killIndirect(reader.getTrailer().get(PdfName.INFO));
				reader.getTrailer().remove(PdfName.INFO);
				PdfReader.killIndirect(reader.getCatalog().get(PdfName.METADATA));
				reader.getCatalog().remove(PdfName.METADATA);
				reader.removeUnusedObjects();
				PdfStamper stamper = new PdfStamper(reader, out);
				// OpenPDF writes an information dictionary of its own with Producer and ModDate: a null value
				// removes a key, so the dictionary written is empty.
				Map<String, String> noInfo = new HashMap<>();
				noInfo.put("Producer", null);
				noInfo.put("ModDate", null);
				stamper.setInfoDictionary(noInfo);
				stamper.close();
			}
			finally {
				reader.close();
			}
			long length = Files.size(copy);
			return new ClientCopy(Files.newInputStream(copy, StandardOpenOption.DELETE_ON_CLOSE), length);
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(copy);
			throw new UncheckedIOException("Could not remove the metadata of a PDF",
					(ex instanceof IOException io) ? io : new IOException(ex));
		}
	}

	private static void deleteQuietly(Path path) {
		if (path != null) {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ignored) {
				// a temporary file; the OS cleans its temporary directory
			}
		}
	}

	/**
	 * A file for a client.
	 *
	 * @param content the bytes; the caller closes it
	 * @param length their number
	 */
	record ClientCopy(InputStream content, long length) {
	}
}
