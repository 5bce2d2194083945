package com.coastline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core on the page as the browser shows it, with all its rules (WCAG 2.x A and AA and best
 * practices). A {@code serious} or {@code critical} violation fails the journey, with each rule, the
 * elements it found and how to fix them; every violation (the moderate and minor ones too) is written to
 * {@code target/accessibility.txt}.
 */
final class Accessibility {

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	private static final Path REPORT = Path.of("target", "accessibility.txt");

	static {
		// One report per run of the journeys, not appended to an earlier run's.
		try {
			Files.deleteIfExists(REPORT);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Accessibility() {
	}

	static void assertAccessible(WebDriver driver, String page, Viewport viewport) {
		Results results = new AxeBuilder().analyze(driver);
		String where = page + " (" + viewport.label() + ", " + driver.getCurrentUrl() + ")";
		if (results.isErrored()) {
			throw new AssertionError("axe-core could not check " + where + ": " + results.getErrorMessage());
		}
		if (results.getPasses() == null || results.getPasses().isEmpty()) {
			throw new AssertionError("axe-core checked nothing on " + where + ": is the page empty?");
		}
		List<Rule> violations = results.getViolations();
		report(where, results.getPasses().size(), violations);
		List<Rule> blocking = violations.stream().filter(rule -> BLOCKING.contains(rule.getImpact())).toList();
		if (!blocking.isEmpty()) {
			throw new AssertionError("axe-core " + results.getTestEngine().getVersion() + " found " + blocking.size()
					+ " serious or critical accessibility violation(s) on " + where + ":\n" + describe(blocking));
		}
	}

	/** Each rule: id, impact, what it wants and where it explains it; then each element, and what to fix. */
	static String describe(List<Rule> rules) {
		StringBuilder text = new StringBuilder();
		for (Rule rule : rules) {
			text.append("- ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ")
				.append(rule.getHelp()).append("  ").append(rule.getHelpUrl()).append('\n');
			for (CheckedNode node : rule.getNodes()) {
				text.append("    ").append(node.getTarget()).append("  ").append(node.getHtml()).append('\n');
				if (node.getFailureSummary() != null) {
					text.append("      ").append(node.getFailureSummary().replace("\n", "\n      ")).append('\n');
				}
			}
		}
		return text.toString();
	}

	private static synchronized void report(String where, int passes, List<Rule> violations) {
		String entry = where + ": " + passes + " rules passed, " + violations.size() + " violated\n"
				+ describe(violations) + "\n";
		try {
			Files.createDirectories(REPORT.getParent());
			Files.writeString(REPORT, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
