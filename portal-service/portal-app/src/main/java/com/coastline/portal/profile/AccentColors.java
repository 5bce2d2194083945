package com.coastline.portal.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.platform.web.problem.UnprocessableException;

/**
 * The accent colour is the background of buttons and the header, with white text on it: it must reach the
 * WCAG 2.1 AA contrast ratio for normal text, 4.5:1, against white (WCAG's relative luminance of sRGB).
 */
public final class AccentColors {

	/** The format, also checked on the request (400) and in the event schemas. */
	public static final String PATTERN = "^#[0-9a-fA-F]{6}$";

	static final double MINIMUM_CONTRAST = 4.5;

	private AccentColors() {
	}

	/** {@code #rrggbb}, lower-cased, readable with white text. */
	static String requireReadable(String color) {
		String normalized = color.toLowerCase(Locale.ROOT);
		double ratio = contrastWithWhite(normalized);
		if (ratio < MINIMUM_CONTRAST) {
			throw new LowContrastException(normalized, ratio);
		}
		return normalized;
	}

	/** The WCAG contrast ratio of white text on the colour, 1 to 21. */
	static double contrastWithWhite(String color) {
		int rgb = Integer.parseInt(color.substring(1), 16);
		double luminance = 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
		return 1.05 / (luminance + 0.05);
	}

	private static double channel(int value) {
		double c = (value & 0xff) / 255.0;
		return (c <= 0.04045) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

	/** 422: white text on the colour would be hard to read; names the ratio. */
	public static final class LowContrastException extends UnprocessableException {

		private static final URI TYPE = URI.create(ProblemType.TYPE_PREFIX + "low-contrast");

		private final String color;

		private final BigDecimal ratio;

		LowContrastException(String color, double ratio) {
			// Rounded down, so a ratio just under the minimum never reads as the minimum.
			this(color, BigDecimal.valueOf(ratio).setScale(2, RoundingMode.DOWN));
		}

		private LowContrastException(String color, BigDecimal ratio) {
			super("White text on " + color + " has a contrast ratio of " + ratio.toPlainString() + ":1; at least "
					+ MINIMUM_CONTRAST + ":1 is needed (WCAG 2.1 AA). Choose a darker colour.");
			this.color = color;
			this.ratio = ratio;
		}

		@Override
		public URI type() {
			return TYPE;
		}

		@Override
		public String title() {
			return "Accent colour too light";
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("accentColor", this.color, "contrastRatio", this.ratio, "minimumContrastRatio",
					MINIMUM_CONTRAST);
		}
	}
}
