package com.coastline.portal.profile;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.coastline.platform.web.problem.ConflictException;
import com.coastline.platform.web.problem.ProblemType;
import com.coastline.platform.web.problem.UnprocessableException;

/**
 * The rules of portal addresses ({@code /p/{slug}}): 3 to 40 lower-case letters, digits and hyphens, starting
 * and ending with a letter or digit, and none of the words the product's own pages and the sign-in flow use
 * (or that would let a portal pass for Coastline's own).
 */
public final class Slugs {

	/** The format, also checked on the request (400) and in the event schemas. */
	public static final String PATTERN = "^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$";

	private static final Pattern FORMAT = Pattern.compile(PATTERN);

	static final Set<String> RESERVED = Set.of("admin", "administrator", "api", "app", "assets", "auth", "backoffice",
			"billing", "coastline", "code", "css", "dashboard", "docs", "email", "favicon", "health", "help", "img",
			"internal", "js", "link", "links", "login", "logout", "mail", "new", "null", "oauth", "oauth2", "p",
			"pay", "payment", "payments", "portal", "portals", "public", "root", "security", "settings", "sign-in",
			"sign-out", "signin", "signout", "signup", "static", "status", "support", "system", "undefined", "www");

	private Slugs() {
	}

	/** Lower-cased and trimmed, for lookups: addresses are typed by people. */
	public static String normalize(String slug) {
		return (slug != null) ? slug.trim().toLowerCase(Locale.ROOT) : null;
	}

	public static boolean isWellFormed(String slug) {
		return slug != null && FORMAT.matcher(slug).matches();
	}

	/**
	 * A slug staff may claim (format already validated on the request).
	 * @throws ReservedSlugException for a reserved word
	 */
	static String requireClaimable(String slug) {
		if (!isWellFormed(slug)) {
			throw new UnprocessableException("A portal address has 3 to 40 lower-case letters, digits and hyphens, "
					+ "starting and ending with a letter or digit.");
		}
		if (RESERVED.contains(slug)) {
			throw new ReservedSlugException(slug);
		}
		return slug;
	}

	/** 422: the address is one of the reserved words. */
	public static final class ReservedSlugException extends UnprocessableException {

		private static final URI TYPE = URI.create(ProblemType.TYPE_PREFIX + "reserved-slug");

		private final String slug;

		ReservedSlugException(String slug) {
			super("'" + slug + "' is reserved; choose another address, such as your business name.");
			this.slug = slug;
		}

		@Override
		public URI type() {
			return TYPE;
		}

		@Override
		public String title() {
			return "Reserved address";
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("slug", this.slug);
		}
	}

	/** 409: another workspace uses, or once used, the address. */
	public static final class SlugTakenException extends ConflictException {

		private static final URI TYPE = URI.create(ProblemType.TYPE_PREFIX + "slug-taken");

		private final String slug;

		SlugTakenException(String slug) {
			super("The address '" + slug + "' is already taken; choose another.");
			this.slug = slug;
		}

		@Override
		public URI type() {
			return TYPE;
		}

		@Override
		public String title() {
			return "Address taken";
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("slug", this.slug);
		}
	}
}
