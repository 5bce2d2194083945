package com.coastline.media.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import org.apache.tika.Tika;

import org.springframework.stereotype.Component;

/**
 * Detects a file's type from its content (magic bytes), with Apache Tika. Neither the declared
 * {@code Content-Type} nor the name decides: the name may only narrow a type the content already shows
 * (a ZIP container whose entries say "Office document" named {@code .docx}); a name can never turn
 * text into a JPEG.
 */
@Component
public class FileTypes {

	/** As much of the file as Tika's magic-byte detection looks at. */
	private static final int HEAD = 64 * 1024;

	/**
	 * Types that only say "a container": the content shows a ZIP or an OLE2 file, and the name may then tell
	 * which office format it holds.
	 */
	private static final Set<String> CONTAINERS = Set.of("application/zip", "application/x-tika-ooxml",
			"application/x-tika-msoffice", "application/x-tika-ooxml-protected");

	private final Tika tika = new Tika();

	/**
	 * @param content the file's bytes; only the first 64 KiB are read; the stream is not closed
	 * @param fileName the uploaded file's name, a hint only; may be null
	 */
	public FileType detect(InputStream content, String fileName) {
		try {
			byte[] head = content.readNBytes(HEAD);
			String fromContent = this.tika.detect(head);
			if (CONTAINERS.contains(fromContent) && fileName != null) {
				// Tika takes the name's type only where it narrows the content's (a .docx inside a ZIP).
				return new FileType(this.tika.detect(head, fileName));
			}
			return new FileType(fromContent);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded file", ex);
		}
	}
	/** A photo, or a clear refusal. */
	public FileType requirePhoto(FileType type) {
		if (type.isHeif()) {
			throw new UnsupportedFileType("HEIC/HEIF photos cannot be processed. Please upload the photo as JPEG or PNG "
					+ "(on an iPhone: Settings > Camera > Formats > Most Compatible, or share it as JPEG).", type);
		}
		if (!type.isPhoto()) {
			throw new UnsupportedFileType("Photos must be JPEG or PNG files; the content of this file is not.", type);
		}
		return type;
	}

	/** A document, or a clear refusal. */
	public FileType requireDocument(FileType type) {
		if (!type.isDocument()) {
			throw new UnsupportedFileType(
					"Documents must be PDF, Word, Excel, PowerPoint or OpenDocument files; the content of this file is not.",
					type);
		}
		return type;
	}
}
