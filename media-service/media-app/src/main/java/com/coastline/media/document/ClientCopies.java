package com.coastline.media.document;

import java.io.BufferedInputStream;
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
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.openpdf.text.pdf.PRStream;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStamper;

/**
 * The copy of a document a client downloads, made at download time from the stored original (left as it is)
 * into a temporary file that is deleted when the returned stream is closed:
 * <ul>
 * <li>Word, Excel and PowerPoint (OOXML): the package without its document-properties parts
 * ({@code docProps/core.xml}, {@code app.xml}, {@code custom.xml}) and the relationships and content-type
 * overrides naming them;</li>
 * <li>OpenDocument: the package without {@code meta.xml} and its manifest entry;</li>
 * <li>in both, every JPEG and PNG entry (pictures in {@code word/media}, {@code xl/media}, {@code ppt/media},
 * {@code Pictures/}, thumbnails) without its metadata ({@link EmbeddedImages});</li>
 * <li>PDFs: the same pages without the document information dictionary (Author, Creator, Producer, Title…,
 * which often name the device or app), without the catalog's XMP {@code /Metadata} stream, and with the EXIF,
 * XMP and IPTC segments of JPEG ({@code /DCTDecode}) images removed.</li>
 * </ul>
 * Legacy Office files (OLE2: {@code .doc}, {@code .xls}, {@code .ppt}) cannot be cleaned with these tools, so
 * they are never served to clients ({@link #cleanable}). A file that cannot be rewritten is not served
 * either (fail closed).
 */
final class ClientCopies {

	private ClientCopies() {
	}

	private static final String PDF = "application/pdf";

	private static final Set<String> OOXML = Set.of(
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation");

	private static final Set<String> OPEN_DOCUMENT = Set.of("application/vnd.oasis.opendocument.text",
			"application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.presentation");

	/** The OOXML package without its properties parts: author, last editor, company, application, custom fields. */
	private static final PackageRules OOXML_RULES = new PackageRules(
			Set.of("docProps/core.xml", "docProps/app.xml", "docProps/custom.xml"),
			Map.of("_rels/.rels",
					Pattern.compile("<Relationship\\b[^>]*Target=\"/?docProps/(core|app|custom)\\.xml\"[^>]*/>"),
					"[Content_Types].xml",
					Pattern.compile("<Override\\b[^>]*PartName=\"/docProps/(core|app|custom)\\.xml\"[^>]*/>")));

	/**
	 * The OpenDocument package without {@code meta.xml} (initial creator, creator, dates, editing time,
	 * generator, user-defined fields) and the manifest entry naming it.
	 */
	private static final PackageRules OPEN_DOCUMENT_RULES = new PackageRules(Set.of("meta.xml"),
			Map.of("META-INF/manifest.xml",
					Pattern.compile("<manifest:file-entry\\b[^>]*manifest:full-path=\"meta\\.xml\"[^>]*/>")));

	/** OpenDocument's first entry, which must be stored uncompressed. */
	private static final String MIMETYPE = "mimetype";

	/** At most this many bytes are written for an office file's client copy (a 25 MB upload expands less). */
	private static final long MAX_EXPANDED = 512L * 1024 * 1024;

	/** The package parts rewritten in memory are small; larger ones are not a real package's. */
	private static final int MAX_REWRITTEN_PART = 1024 * 1024;

	/** An embedded image is cleaned in memory; a larger one than this is not a picture in an office file. */
	private static final int MAX_IMAGE = 64 * 1024 * 1024;

	/** Whether a client copy can be made of this type; clients never get the others. */
	static boolean cleanable(String contentType) {
		return PDF.equals(contentType) || OOXML.contains(contentType) || OPEN_DOCUMENT.contains(contentType);
	}

	/**
	 * @throws IllegalArgumentException for a type that is not {@link #cleanable}
	 * @throws UncheckedIOException when the file cannot be read or rewritten
	 */
	static ClientCopy withoutMetadata(String contentType, InputStream original) {
		if (PDF.equals(contentType)) {
			return pdfWithoutMetadata(original);
		}
		if (OOXML.contains(contentType)) {
			return packageWithoutMetadata(original, OOXML_RULES);
		}
		if (OPEN_DOCUMENT.contains(contentType)) {
			return packageWithoutMetadata(original, OPEN_DOCUMENT_RULES);
		}
		throw new IllegalArgumentException("No client copy can be made of " + contentType);
	}

	/**
	 * The ZIP package without the rules' parts and references to them, and its images without metadata.
	 * Entries are copied one by one (streamed; images and the rewritten parts in memory, bounded).
	 */
	static ClientCopy packageWithoutMetadata(InputStream original, PackageRules rules) {
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
					if (rules.dropped().contains(name)) {
						continue;
					}
					try (BufferedInputStream in = new BufferedInputStream(zip.getInputStream(entry))) {
						Pattern references = rules.rewritten().get(name);
						if (references != null) {
							out.putNextEntry(new ZipEntry(name));
							out.write(rewrite(in, references));
						}
						else if (MIMETYPE.equals(name)) {
							byte[] mimetype = in.readNBytes(MAX_REWRITTEN_PART);
							out.putNextEntry(stored(name, mimetype));
							out.write(mimetype);
						}
						else {
							out.putNextEntry(new ZipEntry(name));
							in.mark(EmbeddedImages.SIGNATURE_LENGTH);
							EmbeddedImages.Kind kind = EmbeddedImages.kindOf(in.readNBytes(EmbeddedImages.SIGNATURE_LENGTH));
							in.reset();
							if (kind != EmbeddedImages.Kind.OTHER) {
								byte[] image = in.readNBytes(MAX_IMAGE + 1);
								if (image.length > MAX_IMAGE) {
									throw new IOException("An embedded image is larger than " + MAX_IMAGE + " bytes");
								}
								byte[] cleaned = EmbeddedImages.withoutMetadata(kind, image);
								budget -= cleaned.length;
								if (budget < 0) {
									throw new IOException("The office file expands to more than " + MAX_EXPANDED + " bytes");
								}
								out.write(cleaned);
							}
							else {
								budget -= copy(in, out, budget);
							}
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
			throw new UncheckedIOException("Could not remove the metadata of an office file",
					(ex instanceof IOException io) ? io : new IOException(ex));
		}
		finally {
			deleteQuietly(source);
		}
	}

	/** An uncompressed entry (OpenDocument's {@code mimetype}, which readers look for at a fixed offset). */
	private static ZipEntry stored(String name, byte[] content) {
		ZipEntry entry = new ZipEntry(name);
		entry.setMethod(ZipEntry.STORED);
		entry.setSize(content.length);
		entry.setCompressedSize(content.length);
		CRC32 crc = new CRC32();
		crc.update(content);
		entry.setCrc(crc.getValue());
		return entry;
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
				removeImageMetadata(reader);
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

	/**
	 * Removes the EXIF, XMP and IPTC segments of the JPEG ({@code /DCTDecode}) images; the image data is
	 * copied as it is. Images compressed another way carry no such segments (their pixels are decoded by the
	 * PDF filter, not a JPEG file).
	 */
	private static void removeImageMetadata(PdfReader reader) throws IOException {
		for (int number = 1; number < reader.getXrefSize(); number++) {
			if (reader.getPdfObject(number) instanceof PRStream stream && PdfName.IMAGE.equals(stream.get(PdfName.SUBTYPE))
					&& isJpeg(stream.get(PdfName.FILTER))) {
				PdfObject filter = stream.get(PdfName.FILTER);
				byte[] jpeg = PdfReader.getStreamBytesRaw(stream);
				if (EmbeddedImages.kindOf(jpeg) != EmbeddedImages.Kind.JPEG) {
					continue;
				}
				byte[] cleaned = EmbeddedImages.withoutMetadata(EmbeddedImages.Kind.JPEG, jpeg);
				if (cleaned.length != jpeg.length) {
					// setData drops /Filter (it would describe the bytes it compresses itself); the data stays JPEG.
					stream.setData(cleaned, false);
					stream.put(PdfName.FILTER, filter);
				}
			}
		}
	}

	/** {@code /DCTDecode} alone, as a name or a one-element array. */
	private static boolean isJpeg(PdfObject filter) {
		if (PdfName.DCTDECODE.equals(filter)) {
			return true;
		}
		return filter instanceof PdfArray array && array.size() == 1 && PdfName.DCTDECODE.equals(array.getPdfObject(0));
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
	 * What goes from a ZIP package (OOXML, OpenDocument) besides its images' metadata.
	 *
	 * @param dropped the parts left out
	 * @param rewritten parts rewritten without what the pattern matches (the references to dropped parts)
	 */
	record PackageRules(Set<String> dropped, Map<String, Pattern> rewritten) {
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
