package com.coastline.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver (TOOLCHAIN.md "Browsers"), headless, each browser with a fresh profile
 * (no cookies, cache or history from an earlier journey). Both paths can be moved with {@code -De2e.chromium}
 * and {@code -De2e.chromedriver}; Selenium Manager is never asked to download a browser or driver.
 */
public final class Chromium {

	private static final Path BINARY = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));

	private static final Path DRIVER = Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver"));

	private Chromium() {
	}

	/** Fails, saying what to install, unless both the browser and its driver are there. */
	static void requireInstalled() {
		for (Path executable : new Path[] { BINARY, DRIVER }) {
			if (!Files.isExecutable(executable)) {
				throw new IllegalStateException("The end-to-end tests need Chromium and its driver, but " + executable
						+ " is missing. Install them (Debian: apt-get install chromium chromium-driver) or point "
						+ "-De2e.chromium and -De2e.chromedriver at them.");
			}
		}
	}

	/** A new headless Chromium with an empty profile, its viewport at the given size. */
	public static Browser open(Viewport viewport) {
		requireInstalled();
		Path profile = profile();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		// Headless, and quiet on a closed network: otherwise Chromium keeps retrying its own connections.
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
				"--force-device-scale-factor=1", "--lang=en-US", "--window-size=1600,1200",
				"--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = null;
		try {
			driver = new ChromeDriver(service, options);
			emulate(driver, viewport);
			return new Browser(driver, viewport, () -> delete(profile));
		}
		catch (RuntimeException | Error ex) {
			if (driver != null) {
				driver.quit();
			}
			delete(profile);
			throw ex;
		}
	}

	/**
	 * The viewport exactly at the size (a window cannot be made that small, and headless Chromium's window
	 * includes its toolbar), through the DevTools protocol as device emulation does it; a phone also as a
	 * mobile device (the page's viewport meta tag applies, touch input).
	 */
	private static void emulate(ChromeDriver driver, Viewport viewport) {
		boolean phone = viewport == Viewport.PHONE;
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", viewport.width(), "height",
				viewport.height(), "deviceScaleFactor", 1, "mobile", phone));
		driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", phone));
		// A page laid out at the device's width, as the portal's pages are (viewport meta tag).
		driver.get("data:text/html,<meta name=viewport content='width=device-width, initial-scale=1'>");
		Object size = driver.executeScript("return window.innerWidth + 'x' + window.innerHeight");
		if (!(viewport.width() + "x" + viewport.height()).equals(size)) {
			throw new IllegalStateException("Chromium's viewport is " + size + ", not " + viewport.width() + "x"
					+ viewport.height());
		}
	}

	private static Path profile() {
		try {
			Path target = Path.of("target").toAbsolutePath();
			Files.createDirectories(target);
			return Files.createTempDirectory(target, "chromium-profile-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// A leftover profile under target/ harms nothing.
		}
	}
}
