package com.coastline.e2e;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;

/**
 * The system clipboard of one journey's Chromium, as a page sees it ({@code navigator.clipboard}). Headless
 * Chromium asks no one for the clipboard permissions: they are granted for one origin through the DevTools
 * protocol ({@code Browser.grantPermissions}), as a person would allow them when the browser asks.
 */
final class Clipboard {

	private Clipboard() {
	}

	/** Lets pages of the origin ({@code http://localhost:8081}) write and read the clipboard. */
	static void grant(Browser browser, String origin) {
		((HasCdp) browser.driver()).executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
				"permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
	}

	/** What is on the clipboard now, read by the current page (of a granted origin). */
	static String read(Browser browser) {
		Object text = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				navigator.clipboard.readText().then(done, error => done('clipboard refused: ' + error));
				""");
		return (String) text;
	}

	/** Empties the clipboard, so that what a later copy put there is told from what was there before. */
	static void clear(Browser browser) {
		((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				navigator.clipboard.writeText('').then(() => done(true), () => done(false));
				""");
	}
}
