package com.coastline.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One journey's Chromium (from {@link Chromium#open}): the driver, waits bounded for a busy two-core
 * machine, and {@link #screen} for what every main screen gets (a screenshot and an accessibility check).
 * Closing it quits the browser and deletes its profile.
 */
public final class Browser implements AutoCloseable {

	/** Long enough for a page that calls two services on a machine running six JVMs and a build. */
	private static final Duration WAIT = Duration.ofSeconds(30);

	private final WebDriver driver;

	private final Viewport viewport;

	private final Runnable cleanup;

	Browser(WebDriver driver, Viewport viewport, Runnable cleanup) {
		this.driver = driver;
		this.viewport = viewport;
		this.cleanup = cleanup;
	}

	public WebDriver driver() {
		return this.driver;
	}

	public Viewport viewport() {
		return this.viewport;
	}

	public void open(String url) {
		this.driver.get(url);
	}

	/** Waits (bounded) until the condition gives something other than null or false, and returns it. */
	public <T> T until(Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, WAIT).until(driver -> {
			try {
				return condition.apply(driver);
			}
			catch (WebDriverException ex) {
				if (midNavigation(ex)) {
					return null;
				}
				throw ex;
			}
		});
	}

	/**
	 * A read that raced the page being replaced (a form's redirect): an element of the old page, which Chromium
	 * reports as stale or, through its inspector, as a node that "does not belong to the document" (CI,
	 * 2026-11-29); the wait then looks again.
	 */
	private static boolean midNavigation(WebDriverException ex) {
		return ex instanceof StaleElementReferenceException
				|| (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document"));
	}

	/** The element, once it is displayed. */
	public WebElement visible(By locator) {
		return until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/**
	 * The element, once a load of the current page displays it: reloads the page (a GET) every 2 s until then,
	 * at most a minute. For a signed-in page right after signing in on a busy machine, where a service slower
	 * than the portal's 600 ms greys out the sections this journey looks for (the portal's graceful degradation;
	 * the next load has them).
	 */
	public WebElement visibleReloading(By locator) {
		return new WebDriverWait(this.driver, Duration.ofMinutes(1), Duration.ofSeconds(2)).until((driver) -> {
			List<WebElement> found = driver.findElements(locator);
			if (!found.isEmpty() && found.get(0).isDisplayed()) {
				return found.get(0);
			}
			driver.navigate().refresh();
			return null;
		});
	}

	public List<WebElement> all(By locator) {
		return this.driver.findElements(locator);
	}

	/** The page's visible text. */
	public String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	/** The page's path (and query), without scheme, host and port. */
	public String path() {
		URI uri = URI.create(this.driver.getCurrentUrl());
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/**
	 * Fetches the address from the page, as a link the client follows would, with the browser's cookies:
	 * "{status} {content type} {the body's first 5 characters}".
	 */
	public String fetch(String url) {
		return (String) ((JavascriptExecutor) this.driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(response => response.arrayBuffer().then(body => done(response.status + ' '
				  + response.headers.get('content-type') + ' ' + new TextDecoder().decode(body.slice(0, 5)))))
				  .catch(error => done('failed: ' + error));
				""", url);
	}

	/** The accessibility check only, for a screen whose screenshot another journey takes. */
	public void check(String screen) {
		Accessibility.assertAccessible(this.driver, screen, this.viewport);
	}

	/** A screenshot only, e.g. of a part of a screen already checked, scrolled into view. */
	public void screenshot(String name) {
		Screenshots.take(this.driver, name, this.viewport);
	}

	/**
	 * A main screen: screenshot ({@code target/screenshots/<screen>-<viewport>.png}) first, so even a page that
	 * then fails the check is on file, then axe-core, failing on serious or critical violations.
	 */
	public void screen(String screen) {
		Screenshots.take(this.driver, screen, this.viewport);
		Accessibility.assertAccessible(this.driver, screen, this.viewport);
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.cleanup.run();
		}
	}
}
