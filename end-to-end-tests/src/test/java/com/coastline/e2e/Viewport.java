package com.coastline.e2e;

import java.util.Locale;

/**
 * The window sizes the journeys run at, in CSS pixels (device scale factor 1): a small phone held upright
 * (the portal is mobile-first, PRODUCT.md) and a laptop.
 */
public enum Viewport {

	PHONE(360, 740), DESKTOP(1280, 900);

	private final int width;

	private final int height;

	Viewport(int width, int height) {
		this.width = width;
		this.height = height;
	}

	public int width() {
		return this.width;
	}

	public int height() {
		return this.height;
	}

	/** How screenshots name it: {@code phone}, {@code desktop}. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}
}
