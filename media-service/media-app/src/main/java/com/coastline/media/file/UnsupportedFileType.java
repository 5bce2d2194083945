package com.coastline.media.file;

import java.net.URI;
import java.util.Map;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.platform.web.problem.UnprocessableException;

/**
 * 422: the file's content is not of a kind this endpoint takes (whatever its name or declared type says),
 * or cannot be read as what it claims to be.
 */
public class UnsupportedFileType extends UnprocessableException {

	private static final URI TYPE = URI.create(ProblemType.TYPE_PREFIX + "unsupported-file-type");

	private final String detectedType;

	public UnsupportedFileType(String detail, FileType detected) {
		super(detail);
		this.detectedType = (detected != null) ? detected.mediaType() : null;
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
		return (this.detectedType != null) ? Map.of("detectedType", this.detectedType) : Map.of();
	}
}
