package com.coastline.automation.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.coastline.automation.automation.InvalidAutomationException;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

import org.springframework.stereotype.Component;

/**
 * Renders the Send email action's subject and body, Mustache templates ({@code Hi {{client.first_name}},})
 * limited to plain variables from the {@link DynamicValue} catalog. The plain-text part gets the values as
 * they are; the HTML part is the text made into paragraphs with every literal and every value HTML-escaped.
 * <p>
 * Nothing a value holds can become template syntax or a secret reference: notification-service replaces
 * {@code {{secret:name}}} in what it sends, so every {@code {{} and {@code }}} of the rendered result is broken
 * up before the engine places the one reference it means, the Customer portal link's.
 */
@Component
public class EmailTemplateEngine {

	/** The secret name under which the run passes the link token URL to notification-service. */
	public static final String PORTAL_LINK_SECRET = "portal_link";

	/** What the portal link becomes in the rendered email; notification-service puts the real URL there. */
	static final String PORTAL_LINK_REFERENCE = "{{secret:" + PORTAL_LINK_SECRET + "}}";

	/** The text of the portal link in the HTML part. */
	static final String PORTAL_LINK_LABEL = "Open your customer portal";

	// Mustache tags other than a plain variable start with one of these: sections (# ^ /), partials (> <),
	// blocks ($), comments (!), delimiter changes (=), unescaped output ({ &).
	private static final Pattern SPECIAL_TAG = Pattern.compile("\\{\\{\\s*([#^/><$!={&])");

	private static final Map<String, String> SPECIAL_TAG_NAMES = Map.of("#", "sections ({{#…}})", "^",
			"inverted sections ({{^…}})", "/", "section ends ({{/…}})", ">", "partials ({{>…}})", "<",
			"template inheritance ({{<…}})", "$", "blocks ({{$…}})", "!", "comments ({{!…}})", "=",
			"delimiter changes ({{=…=}})", "{", "unescaped values ({{{…}}})", "&", "unescaped values ({{&…}})");

	private static final Pattern OPENING_BRACES = Pattern.compile("\\{(?=\\{)");

	private static final Pattern CLOSING_BRACES = Pattern.compile("\\}(?=\\})");

	private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");

	private final Mustache.Compiler textCompiler = Mustache.compiler().escapeHTML(false).defaultValue("");

	private final Mustache.Compiler htmlCompiler = Mustache.compiler()
		.withEscaper(EmailContent::escape)
		.defaultValue("");

	/**
	 * The dynamic value names used in the source that are not in the catalog, in order of appearance; empty
	 * when all are known (or the source is empty).
	 * @throws InvalidAutomationException when the source is not a template of plain {@code {{name}}} values
	 */
	public List<String> unknownValues(String source) {
		Set<String> unknown = new LinkedHashSet<>();
		for (String name : valueNames(source)) {
			if (DynamicValue.byKey(name).isEmpty()) {
				unknown.add(name);
			}
		}
		return List.copyOf(unknown);
	}

	/**
	 * Checks an email's subject and body as a save does.
	 * @throws InvalidAutomationException naming the first unknown value (and the closest known one), or the
	 * syntax that is not supported
	 */
	public void check(String subject, String body) {
		checkPart("subject", subject);
		checkPart("body", body);
	}

	/** Whether subject or body uses {@code {{portal.link}}}. */
	public boolean usesPortalLink(String subject, String body) {
		return uses(subject, DynamicValue.PORTAL_LINK) || uses(body, DynamicValue.PORTAL_LINK);
	}

	/**
	 * Renders an email to send. {@code {{portal.link}}} becomes the secret reference
	 * {@code {{secret:portal_link}}}, which notification-service replaces with the real URL at send time
	 * (escaped in HTML); in the HTML part it is a link, {@code <a href="{{secret:portal_link}}">…</a>}.
	 */
	public RenderedEmail render(String subject, String body, DynamicValues values) {
		return render(subject, body, values, PORTAL_LINK_REFERENCE, PORTAL_LINK_REFERENCE);
	}

	/**
	 * Renders like {@link #render(String, String, DynamicValues)}, but {@code {{portal.link}}} becomes the given
	 * plain URL (for previews and test emails, which carry no real link).
	 */
	public RenderedEmail render(String subject, String body, DynamicValues values, String portalLinkStandIn) {
		String standIn = portalLinkStandIn == null ? "" : portalLinkStandIn;
		return render(subject, body, values, standIn, EmailContent.escape(standIn));
	}

	private RenderedEmail render(String subject, String body, DynamicValues values, String textLink,
			String htmlHref) {
		// The link goes in after the braces of the rendered text are broken up, under a name no value can guess.
		String placeholder = "portallink" + UUID.randomUUID().toString().replace("-", "");
		Map<String, Object> context = context(values, placeholder);
		String htmlLink = "<a href=\"" + htmlHref + "\">" + PORTAL_LINK_LABEL + "</a>";
		String renderedSubject = LINE_BREAKS.matcher(plain(textCompiler, nullToEmpty(subject), context))
			.replaceAll(" ")
			.strip();
		String text = plain(textCompiler, nullToEmpty(body), context);
		String html = execute(htmlCompiler, EmailContent.html(nullToEmpty(body)), context).replace("{", "&#123;")
			.replace("}", "&#125;");
		return new RenderedEmail(renderedSubject.replace(placeholder, textLink), text.replace(placeholder, textLink),
				html.replace(placeholder, htmlLink));
	}

	private static String plain(Mustache.Compiler compiler, String source, Map<String, Object> context) {
		String rendered = execute(compiler, source, context);
		return CLOSING_BRACES.matcher(OPENING_BRACES.matcher(rendered).replaceAll("{ ")).replaceAll("} ");
	}

	/**
	 * Runs the template; a source that was never checked (saved before templates existed) and is not one is
	 * sent as written rather than failing the run.
	 */
	private static String execute(Mustache.Compiler compiler, String source, Map<String, Object> context) {
		try {
			return compiler.compile(source).execute(context);
		}
		catch (MustacheException | UnsupportedOperationException ex) {
			return source;
		}
	}

	/** {@code {client: {first_name: …}, …}}: Mustache resolves the dotted names through the nested maps. */
	private static Map<String, Object> context(DynamicValues values, String portalLink) {
		Map<String, Object> context = new HashMap<>();
		for (DynamicValue value : DynamicValue.values()) {
			String[] path = value.key().split("\\.", 2);
			@SuppressWarnings("unchecked")
			Map<String, Object> group = (Map<String, Object>) context.computeIfAbsent(path[0], key -> new HashMap<>());
			group.put(path[1], value == DynamicValue.PORTAL_LINK ? portalLink : value.valueIn(values));
		}
		return context;
	}

	private void checkPart(String part, String source) {
		List<String> unknown = unknownValues(source);
		if (unknown.isEmpty()) {
			return;
		}
		String named = unknown.stream()
			.map(name -> "{{" + name + "}}"
					+ closest(name).map(known -> " (did you mean " + known.token() + "?)").orElse(""))
			.collect(Collectors.joining(", "));
		throw new InvalidAutomationException("The email's " + part + " uses "
				+ (unknown.size() == 1 ? "an unknown dynamic value " : "unknown dynamic values ") + named
				+ ". Known values: "
				+ Arrays.stream(DynamicValue.values()).map(DynamicValue::token).collect(Collectors.joining(", "))
				+ ".");
	}

	private boolean uses(String source, DynamicValue value) {
		return source != null && valueNames(source).contains(value.key());
	}

	private List<String> valueNames(String source) {
		if (source == null || source.isEmpty()) {
			return List.of();
		}
		Matcher special = SPECIAL_TAG.matcher(source);
		if (special.find()) {
			throw new InvalidAutomationException("Templates support plain dynamic values such as {{client.first_name}} "
					+ "only, not " + SPECIAL_TAG_NAMES.get(special.group(1)) + ".");
		}
		Template template;
		try {
			template = textCompiler.compile(source);
		}
		catch (MustacheException ex) {
			throw new InvalidAutomationException("The template cannot be read (" + ex.getMessage()
					+ "); write dynamic values as {{client.first_name}}.");
		}
		List<String> names = new ArrayList<>();
		template.visit(new Mustache.Visitor() {

			@Override
			public void visitText(String text) {
				// Mustache leaves a tag that is never closed as text; here it is a mistake, not literal braces.
				if (text.contains("{{") || text.contains("}}")) {
					throw new InvalidAutomationException("The template has a {{ without its }} (or the reverse); "
							+ "write dynamic values as {{client.first_name}}.");
				}
			}

			@Override
			public void visitVariable(String name) {
				names.add(name.strip());
			}

			@Override
			public boolean visitInclude(String name) {
				throw unsupported();
			}

			@Override
			public boolean visitParent(String name) {
				throw unsupported();
			}

			@Override
			public boolean visitBlock(String name) {
				throw unsupported();
			}

			@Override
			public boolean visitSection(String name) {
				throw unsupported();
			}

			@Override
			public boolean visitInvertedSection(String name) {
				throw unsupported();
			}
		});
		return names;
	}

	private static InvalidAutomationException unsupported() {
		return new InvalidAutomationException(
				"Templates support plain dynamic values such as {{client.first_name}} only.");
	}

	/** The catalog's value nearest to a misspelled name, if one is within a few letters. */
	private static Optional<DynamicValue> closest(String name) {
		return Arrays.stream(DynamicValue.values())
			.filter(value -> distance(name, value.key()) <= 3)
			.min(Comparator.comparingInt(value -> distance(name, value.key())));
	}

	/** Levenshtein distance. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}
}
