package com.coastline.portal.signin.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.portal.profile.PublicPortal;
import com.coastline.portal.signin.Browser;
import com.coastline.portal.signin.ClientTokens;
import com.coastline.portal.signin.CodeCheck;
import com.coastline.portal.signin.IdentityGateway;
import com.coastline.portal.signin.IdentityUnavailableException;
import com.coastline.portal.signin.PortalCookies;
import com.coastline.portal.signin.SignInRefusedException;
import com.coastline.portal.signin.SignedIn;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The client's sign-in pages at the portal's address (PRODUCT.md "Signing in", SECURITY.md). The one-tap
 * link's GET only shows a page (email scanners open links); the browser signs in with the POST that page
 * sends by script at once, or by its Continue button without scripts. The email code: email form, code form,
 * the contact chooser when several contacts share the email. Every form carries Spring Security's CSRF
 * token; identity-service decides everything and gets the client's IP and user agent.
 */
@Controller
@RequestMapping("/p/{slug}")
class SignInPages {

	private static final Pattern CODE = Pattern.compile("[0-9]{6}");

	private static final Pattern CODE_SEPARATORS = Pattern.compile("[\\s-]");

	private static final int MAX_EMAIL = 254;

	private final PortalAddresses addresses;

	private final IdentityGateway identity;

	private final ClientTokens tokens;

	private final PortalCookies cookies;

	SignInPages(PortalAddresses addresses, IdentityGateway identity, ClientTokens tokens, PortalCookies cookies) {
		this.addresses = addresses;
		this.identity = identity;
		this.tokens = tokens;
		this.cookies = cookies;
	}

	@GetMapping
	ModelAndView portal(@PathVariable String slug, HttpServletRequest request) {
		PublicPortal portal = this.addresses.open(slug, request);
		return Pages.redirect(home(portal), HttpStatus.FOUND);
	}

	/** The accent colour, the one per-portal style (no inline styles under the CSP). */
	@GetMapping("/theme.css")
	ResponseEntity<String> theme(@PathVariable String slug, HttpServletRequest request) {
		PublicPortal portal = this.addresses.open(slug, request);
		String accent = portal.branding().accentColor();
		if (accent == null || !accent.matches("#[0-9a-f]{6}")) {
			accent = "#0b5cad";
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, "text/css;charset=UTF-8")
			// The page links it with the colour in the URL, so a new colour is a new URL.
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(":root{--accent:" + accent + ";}\n");
	}

	/** The one-tap link: a page only, never a session (scanners open links). */
	@GetMapping("/l/{token}")
	ModelAndView link(@PathVariable String slug, @PathVariable String token, HttpServletRequest request) {
		PublicPortal portal = this.addresses.open(slug, request);
		return page("portal/link", portal).addObject("token", token);
	}

	/** The browser's deliberate POST from the link page: a new session, replacing any earlier one. */
	@PostMapping("/l/{token}")
	ModelAndView redeem(@PathVariable String slug, @PathVariable String token, HttpServletRequest request,
			HttpServletResponse response) {
		PublicPortal portal = this.addresses.open(slug, request);
		Browser browser = Browser.of(request);
		SignedIn session;
		try {
			session = this.identity.redeem(token, browser);
		}
		catch (SignInRefusedException.LinkRefused ex) {
			return page("portal/link-refused", portal, HttpStatus.FORBIDDEN);
		}
		if (!session.workspaceId().equals(portal.workspaceId())) {
			// Another contractor's link opened at this address: no session here.
			this.identity.signOut(session.sessionId(), browser);
			return page("portal/link-refused", portal, HttpStatus.FORBIDDEN);
		}
		return signedIn(portal, session, request, response);
	}

	@GetMapping("/sign-in")
	ModelAndView emailForm(@PathVariable String slug, @RequestParam(name = "signed-out", required = false) String signedOut,
			HttpServletRequest request) {
		PublicPortal portal = this.addresses.open(slug, request);
		if (this.tokens.current(request, portal.workspaceId()).isPresent()) {
			return Pages.redirect(home(portal), HttpStatus.FOUND);
		}
		return page("portal/email", portal).addObject("signedOut", signedOut != null);
	}

	/** Sends a code (identity answers alike whether or not the email is on file) and asks for it. */
	@PostMapping("/sign-in")
	ModelAndView requestCode(@PathVariable String slug, @RequestParam(required = false) String email,
			HttpServletRequest request, HttpServletResponse response) {
		PublicPortal portal = this.addresses.open(slug, request);
		String normalized = (email != null) ? email.trim().toLowerCase(Locale.ROOT) : "";
		if (normalized.isEmpty() || normalized.length() > MAX_EMAIL || !normalized.contains("@")) {
			return emailError(portal, email, "Enter your email address, like name@example.com.");
		}
		try {
			String attempt = this.identity.requestCode(portal.workspaceId(), normalized,
					this.cookies.attempt(request).orElse(null), Browser.of(request));
			this.cookies.attemptStarted(response, attempt);
			return Pages.seeOther(code(portal));
		}
		catch (SignInRefusedException.InvalidInput ex) {
			return emailError(portal, email, "Enter your email address, like name@example.com.");
		}
		catch (SignInRefusedException.Throttled ex) {
			return throttled(page("portal/email", portal).addObject("email", email), ex, response);
		}
		catch (SignInRefusedException ex) {
			return emailError(portal, email, "We could not send a code. Please try again.");
		}
	}

	@GetMapping("/code")
	ModelAndView codeForm(@PathVariable String slug, HttpServletRequest request) {
		PublicPortal portal = this.addresses.open(slug, request);
		if (this.cookies.attempt(request).isEmpty()) {
			return Pages.redirect(signIn(portal), HttpStatus.FOUND);
		}
		return page("portal/code", portal);
	}

	@PostMapping("/code")
	ModelAndView verify(@PathVariable String slug, @RequestParam(required = false) String code,
			HttpServletRequest request, HttpServletResponse response) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<String> attempt = this.cookies.attempt(request);
		if (attempt.isEmpty()) {
			return expiredAttempt(portal);
		}
		// Pasted codes may come with spaces or a dash ("123 456").
		String digits = (code != null) ? CODE_SEPARATORS.matcher(code).replaceAll("") : "";
		if (!CODE.matcher(digits).matches()) {
			return page("portal/code", portal, HttpStatus.BAD_REQUEST).addObject("error",
					"Enter the 6 digits from the email.");
		}
		try {
			CodeCheck check = this.identity.verify(attempt.get(), digits, Browser.of(request));
			if (check.session() == null) {
				return page("portal/choose", portal).addObject("contacts", check.contacts());
			}
			return signedInByCode(portal, check.session(), request, response);
		}
		catch (SignInRefusedException.CodeRefused ex) {
			if (ex.attemptsLeft() > 0) {
				return page("portal/code", portal, HttpStatus.BAD_REQUEST).addObject("error",
						"That code is not right. " + tries(ex.attemptsLeft()) + " left.");
			}
			return page("portal/code", portal, HttpStatus.BAD_REQUEST).addObject("burnt", true)
				.addObject("error", "That code can no longer be used. Ask for a new code.");
		}
		catch (SignInRefusedException.Throttled ex) {
			return throttled(page("portal/code", portal), ex, response);
		}
		catch (SignInRefusedException ex) {
			return page("portal/code", portal, HttpStatus.BAD_REQUEST).addObject("error",
					"Enter the 6 digits from the email.");
		}
	}

	/** The contact the client continues as, after a right code that several contacts share. */
	@PostMapping("/code/choose")
	ModelAndView choose(@PathVariable String slug, @RequestParam(required = false) String contactId,
			HttpServletRequest request, HttpServletResponse response) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<String> attempt = this.cookies.attempt(request);
		UUID contact = uuid(contactId);
		if (attempt.isEmpty() || contact == null) {
			return expiredAttempt(portal);
		}
		try {
			return signedInByCode(portal, this.identity.choose(attempt.get(), contact, Browser.of(request)), request,
					response);
		}
		catch (SignInRefusedException.Throttled ex) {
			return throttled(page("portal/email", portal), ex, response);
		}
		catch (SignInRefusedException ex) {
			return expiredAttempt(portal);
		}
	}

	/** Ends the session at identity and forgets the cookie. */
	@PostMapping("/sign-out")
	ModelAndView signOut(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<String> session = this.cookies.session(request);
		if (session.isPresent()) {
			this.tokens.forget(session.get());
			this.identity.signOut(session.get(), Browser.of(request));
		}
		this.cookies.clearSession(response);
		return Pages.seeOther(signIn(portal) + "?signed-out=1");
	}

	private ModelAndView signedInByCode(PublicPortal portal, SignedIn session, HttpServletRequest request,
			HttpServletResponse response) {
		if (!session.workspaceId().equals(portal.workspaceId())) {
			// identity signs in to the workspace the code was asked for; anything else is not this portal's.
			this.identity.signOut(session.sessionId(), Browser.of(request));
			return expiredAttempt(portal);
		}
		return signedIn(portal, session, request, response);
	}

	/** A new session replaces the browser's earlier one, which is ended at identity (best effort). */
	private ModelAndView signedIn(PublicPortal portal, SignedIn session, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<String> earlier = this.cookies.session(request);
		if (earlier.isPresent() && !earlier.get().equals(session.sessionId())) {
			this.tokens.forget(earlier.get());
			try {
				this.identity.signOut(earlier.get(), Browser.of(request));
			}
			catch (IdentityUnavailableException ex) {
				// The earlier session then ends by its idle timeout; the new one must not wait for that.
			}
		}
		this.cookies.signedIn(response, session);
		return Pages.seeOther(home(portal));
	}

	private ModelAndView expiredAttempt(PublicPortal portal) {
		return page("portal/email", portal, HttpStatus.BAD_REQUEST).addObject("error",
				"This sign-in has expired. Enter your email to get a new code.");
	}

	private ModelAndView emailError(PublicPortal portal, String email, String message) {
		return page("portal/email", portal, HttpStatus.BAD_REQUEST).addObject("email", email).addObject("error", message);
	}

	private static ModelAndView throttled(ModelAndView page, SignInRefusedException.Throttled ex,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()));
		page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
		return page.addObject("error",
				"Too many sign-in attempts from your network. Please wait " + howLong(ex.retryAfter()) + " and try again.");
	}

	/** "45 seconds", "1 minute", "15 minutes", rounded up. */
	static String howLong(Duration duration) {
		long seconds = Math.max(1, duration.toSeconds());
		if (seconds < 60) {
			return seconds + ((seconds == 1) ? " second" : " seconds");
		}
		long minutes = (seconds + 59) / 60;
		return minutes + ((minutes == 1) ? " minute" : " minutes");
	}

	private static String tries(int left) {
		return left + ((left == 1) ? " try" : " tries");
	}

	private static UUID uuid(String value) {
		try {
			return (value != null) ? UUID.fromString(value) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static ModelAndView page(String view, PublicPortal portal) {
		return page(view, portal, HttpStatus.OK);
	}

	private static ModelAndView page(String view, PublicPortal portal, HttpStatus status) {
		return new ModelAndView(view, status).addObject("portal", portal).addObject("slug", portal.canonicalSlug());
	}

	private static String home(PublicPortal portal) {
		return "/p/" + portal.canonicalSlug() + "/";
	}

	private static String signIn(PublicPortal portal) {
		return "/p/" + portal.canonicalSlug() + "/sign-in";
	}

	private static String code(PublicPortal portal) {
		return "/p/" + portal.canonicalSlug() + "/code";
	}
}
