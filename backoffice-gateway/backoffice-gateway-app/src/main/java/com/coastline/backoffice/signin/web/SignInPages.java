package com.coastline.backoffice.signin.web;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.signin.Browser;
import com.coastline.backoffice.signin.CodeCheck;
import com.coastline.backoffice.signin.Identity;
import com.coastline.backoffice.signin.IdentityUnavailableException;
import com.coastline.backoffice.signin.SignInRefusedException;
import com.coastline.backoffice.signin.StaffCookies;
import com.coastline.backoffice.signin.StaffSession;
import com.coastline.backoffice.signin.StaffToken;
import com.coastline.backoffice.signin.StaffTokens;
import com.coastline.backoffice.signin.WorkspaceNames;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Staff sign-in with an emailed code (PRODUCT.md, back office): the email form, the code form, the workspace
 * choice for someone in several workspaces, sign-out, and the signed-in landing page. Server-rendered; every form
 * carries the CSRF token; identity's answers (a wrong code and the tries left, its throttling and how long to
 * wait) are shown as they come. Pages are never cached.
 */
@Controller
class SignInPages {

	private static final int MAX_EMAIL = 320;

	private final Identity identity;

	private final StaffTokens tokens;

	private final StaffCookies cookies;

	private final WorkspaceNames workspaceNames;

	SignInPages(Identity identity, StaffTokens tokens, StaffCookies cookies, WorkspaceNames workspaceNames) {
		this.identity = identity;
		this.tokens = tokens;
		this.cookies = cookies;
		this.workspaceNames = workspaceNames;
	}

	/** The signed-in landing page, or the sign-in page for anyone else. */
	@GetMapping("/")
	String home(HttpServletRequest request, HttpServletResponse response, Model model) {
		noStore(response);
		Optional<StaffToken> token = this.tokens.current(request);
		if (token.isEmpty()) {
			return "redirect:/sign-in";
		}
		model.addAttribute("email", token.get().email());
		// The name the screens' header shows too, reused for a minute (identity is not asked on every visit).
		model.addAttribute("workspace", this.workspaceNames.of(token.get()).orElse("your workspace"));
		return "backoffice/home";
	}

	@GetMapping("/sign-in")
	String emailForm(HttpServletRequest request, HttpServletResponse response) {
		noStore(response);
		if (this.tokens.current(request).isPresent()) {
			return "redirect:/";
		}
		return "backoffice/email";
	}

	/** Sends a code to the email (the same page whether or not the email is on file). */
	@PostMapping("/sign-in")
	String requestCode(@RequestParam(name = "email", defaultValue = "") String email, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		noStore(response);
		String normalised = email.strip();
		model.addAttribute("email", normalised);
		if (normalised.isEmpty() || normalised.length() > MAX_EMAIL) {
			return emailRefused(response, model, "Enter the email address you work with.");
		}
		try {
			String attempt = this.identity.requestCode(normalised, this.cookies.attempt(request).orElse(null),
					Browser.of(request));
			this.cookies.attemptStarted(response, attempt);
			return "backoffice/code";
		}
		catch (SignInRefusedException.InvalidInput ex) {
			return emailRefused(response, model, "That does not look like an email address. Check it and try again.");
		}
		catch (SignInRefusedException.Throttled ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()));
			return emailRefused(response, model, throttled(ex.retryAfter()));
		}
	}

	/** Checks the code: signed in, the workspace choice, or the code form again with identity's answer. */
	@PostMapping("/sign-in/code")
	String verify(@RequestParam(name = "code", defaultValue = "") String code,
			@RequestParam(name = "email", defaultValue = "") String email, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		noStore(response);
		model.addAttribute("email", email.strip());
		Optional<String> attempt = this.cookies.attempt(request);
		if (attempt.isEmpty()) {
			return emailRefused(response, model, "Your sign-in has expired. Ask for a new code.");
		}
		String digits = code.replaceAll("\\s", "");
		if (!digits.matches("[0-9]{6}")) {
			return codeRefused(response, model, "The code is the 6 digits in the email.");
		}
		try {
			CodeCheck check = this.identity.verify(attempt.get(), digits, Browser.of(request));
			if (check.session() != null) {
				return signedIn(response, check.session());
			}
			model.addAttribute("workspaces", check.workspaces());
			return "backoffice/choose";
		}
		catch (SignInRefusedException.CodeRefused ex) {
			if (ex.attemptsLeft() > 0) {
				return codeRefused(response, model, "That code is not right. You can try " + ex.attemptsLeft()
						+ ((ex.attemptsLeft() == 1) ? " more time." : " more times."));
			}
			this.cookies.clearAttempt(response);
			return emailRefused(response, model, "That code no longer works. Ask for a new code.");
		}
		catch (SignInRefusedException.InvalidInput ex) {
			return codeRefused(response, model, "The code is the 6 digits in the email.");
		}
		catch (SignInRefusedException.Throttled ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()));
			return codeRefused(response, model, throttled(ex.retryAfter()));
		}
	}

	/** Continues in the chosen workspace. */
	@PostMapping("/sign-in/workspace")
	String choose(@RequestParam(name = "workspaceId", defaultValue = "") String workspaceId, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		noStore(response);
		Optional<String> attempt = this.cookies.attempt(request);
		UUID workspace = uuid(workspaceId);
		if (attempt.isEmpty() || workspace == null) {
			return emailRefused(response, model, "Your sign-in has expired. Ask for a new code.");
		}
		try {
			return signedIn(response, this.identity.choose(attempt.get(), workspace, Browser.of(request)));
		}
		catch (SignInRefusedException.CodeRefused | SignInRefusedException.InvalidInput ex) {
			this.cookies.clearAttempt(response);
			return emailRefused(response, model, "Your sign-in has expired. Ask for a new code.");
		}
		catch (SignInRefusedException.Throttled ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()));
			return emailRefused(response, model, throttled(ex.retryAfter()));
		}
	}

	/** Ends the session at identity and in the browser. */
	@PostMapping("/sign-out")
	String signOut(HttpServletRequest request, HttpServletResponse response) {
		Optional<String> session = this.cookies.session(request);
		this.cookies.clearSession(response);
		session.ifPresent((id) -> {
			this.tokens.forget(id);
			this.identity.signOut(id, Browser.of(request));
		});
		return "redirect:/sign-in";
	}

	@ExceptionHandler(IdentityUnavailableException.class)
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String unavailable(HttpServletResponse response) {
		noStore(response);
		response.setHeader(HttpHeaders.RETRY_AFTER, "30");
		return "backoffice/unavailable";
	}

	private String signedIn(HttpServletResponse response, StaffSession session) {
		this.cookies.signedIn(response, session);
		return "redirect:/";
	}

	private static String emailRefused(HttpServletResponse response, Model model, String message) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("message", message);
		return "backoffice/email";
	}

	private static String codeRefused(HttpServletResponse response, Model model, String message) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("message", message);
		return "backoffice/code";
	}

	private static String throttled(Duration wait) {
		long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
		return "Too many tries. Please wait " + minutes + ((minutes == 1) ? " minute" : " minutes")
				+ " and try again.";
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
	}

	private static UUID uuid(String value) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
