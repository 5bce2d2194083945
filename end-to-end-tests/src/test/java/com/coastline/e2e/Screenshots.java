package com.coastline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * PNGs of what the browser shows (the viewport, at its size), named {@code <screen>-<viewport>.png}: always
 * into {@code target/screenshots/}, and with {@code -De2e.screenshots=docs} also into the repository's
 * {@code docs/screenshots/}, for the README.
 */
final class Screenshots {

	private static final Path TARGET = Path.of("target", "screenshots");

	private Screenshots() {
	}

	static void take(WebDriver driver, String screen, Viewport viewport) {
		byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
		String name = screen + "-" + viewport.label() + ".png";
		write(TARGET.resolve(name), png);
		if ("docs".equals(System.getProperty("e2e.screenshots"))) {
			write(Path.of(System.getProperty("e2e.docs-screenshots", "../docs/screenshots")).resolve(name), png);
		}
	}

	private static void write(Path file, byte[] png) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
