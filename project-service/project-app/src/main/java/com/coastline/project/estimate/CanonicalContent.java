package com.coastline.project.estimate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical content of a version of an estimate: the exact bytes whose SHA-256 the approval
 * evidence records, so that anyone can later show that the stored version is the one approved.
 * <p>
 * It is a JSON object in the form of RFC 8785 (JSON Canonicalization Scheme), which for this content
 * means: no whitespace; object keys sorted by their UTF-16 code units; strings with only {@code "},
 * backslash and control characters escaped ({@code \b \f \n \r \t}, the others as a backslash-u
 * escape with four lower-case hex digits), everything else written as itself; numbers are integers
 * only (amounts in minor units, quantities in thousandths, tax rates in basis points) written in plain
 * decimal; absent values are {@code null}; dates are ISO 8601 strings ({@code 2026-12-31}); encoded in
 * UTF-8. Its members:
 * <pre>
 * {"currency","estimateId","lineItems":[{"description","lineNumber","netMinor","quantityThousandths",
 *   "taxMinor","taxRateBasisPoints","totalMinor","unitPriceMinor"}…],"notes","projectId","subtotalMinor",
 *  "taxMinor","title","totalMinor","validUntil","versionNumber","workspaceId"}
 * </pre>
 * Line items are in their order on the estimate. The status, timestamps and evidence are not part of
 * it: they are facts about the version, not what the client agreed to.
 */
public final class CanonicalContent {

	private CanonicalContent() {
	}

	/** The canonical JSON of the version, as a string (its UTF-8 bytes are what is hashed). */
	public static String json(Estimate estimate, EstimateVersion version) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("currency", estimate.getCurrency());
		content.put("estimateId", estimate.getId().toString());
		List<Object> lines = new ArrayList<>();
		for (EstimateLineItem item : version.getLineItems()) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("description", item.getDescription());
			line.put("lineNumber", (long) item.getLineNumber());
			line.put("netMinor", item.getNetMinor());
			line.put("quantityThousandths", item.getQuantityThousandths());
			line.put("taxMinor", item.getTaxMinor());
			line.put("taxRateBasisPoints", (long) item.getTaxRateBasisPoints());
			line.put("totalMinor", item.getTotalMinor());
			line.put("unitPriceMinor", item.getUnitPriceMinor());
			lines.add(line);
		}
		content.put("lineItems", lines);
		content.put("notes", version.getNotes());
		content.put("projectId", estimate.getProjectId().toString());
		content.put("subtotalMinor", version.getSubtotalMinor());
		content.put("taxMinor", version.getTaxMinor());
		content.put("title", version.getTitle());
		content.put("totalMinor", version.getTotalMinor());
		content.put("validUntil", (version.getValidUntil() != null) ? version.getValidUntil().toString() : null);
		content.put("versionNumber", (long) version.getNumber());
		content.put("workspaceId", estimate.getWorkspaceId().toString());
		StringBuilder out = new StringBuilder();
		write(content, out);
		return out.toString();
	}

	/** SHA-256 of the canonical JSON's UTF-8 bytes, in lower-case hex. */
	public static String sha256(Estimate estimate, EstimateVersion version) {
		return sha256(json(estimate, version));
	}

	static String sha256(String canonicalJson) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	private static void write(Object value, StringBuilder out) {
		switch (value) {
			case null -> out.append("null");
			case String text -> writeString(text, out);
			case Long number -> out.append(number.longValue());
			case Map<?, ?> object -> {
				// TreeMap on String keys orders by UTF-16 code units, as RFC 8785 requires.
				Map<String, Object> sorted = new TreeMap<>();
				object.forEach((key, member) -> sorted.put((String) key, member));
				out.append('{');
				boolean first = true;
				for (Map.Entry<String, Object> member : sorted.entrySet()) {
					if (!first) {
						out.append(',');
					}
					first = false;
					writeString(member.getKey(), out);
					out.append(':');
					write(member.getValue(), out);
				}
				out.append('}');
			}
			case List<?> array -> {
				out.append('[');
				for (int i = 0; i < array.size(); i++) {
					if (i > 0) {
						out.append(',');
					}
					write(array.get(i), out);
				}
				out.append(']');
			}
			default -> throw new IllegalArgumentException("Not canonical content: " + value.getClass());
		}
	}

	private static void writeString(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}
}
