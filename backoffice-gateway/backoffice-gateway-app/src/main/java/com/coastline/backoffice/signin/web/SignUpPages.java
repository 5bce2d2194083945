package com.coastline.backoffice.signin.web;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.signin.Browser;
import com.coastline.backoffice.signin.Identity;
import com.coastline.backoffice.signin.IdentityUnavailableException;
import com.coastline.backoffice.signin.SignInRefusedException;
import com.coastline.backoffice.signin.StaffCookies;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.client.RestClient;

/**
 * Public sign-up of a contractor business (PRODUCT.md, back office: Workspace): the form (workspace name, time
 * zone, currency, the owner's email and name), sent to identity-service's {@code POST /internal/staff/signups} as
 * the {@code backoffice-gateway} client with the browser's IP and user agent. On success the owner is sent a
 * sign-in code at once and sees the code form of the sign-in pages: signing in is the ordinary staff sign-in.
 * identity's validation problems are shown by the field (422), its per-IP limit as how long to wait (429). The
 * form carries the CSRF token like every form; pages are never cached.
 */
@Controller
class SignUpPages {

	/** identity's sign-in client ({@code signin.IdentityConfiguration}): the gateway's client-credentials token. */
	private static final String SIGN_IN_CLIENT = "identitySignInRestClient";

	/** The breaker of every sign-in call to identity (application.yml). */
	private static final String CIRCUIT_BREAKER = "identity-sign-in";

	private static final Set<String> FIELDS = Set.of("workspaceName", "timeZone", "currency", "ownerEmail",
			"ownerName");

	/** The time zones offered (the browser's own is added by {@code signup.js} when it is another). */
	static final List<String> TIME_ZONES = List.of("America/St_Johns", "America/Halifax", "America/New_York",
			"America/Toronto", "America/Chicago", "America/Winnipeg", "America/Denver", "America/Edmonton",
			"America/Phoenix", "America/Los_Angeles", "America/Vancouver", "America/Anchorage", "Pacific/Honolulu",
			"America/Mexico_City", "Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Berlin", "Europe/Madrid",
			"Europe/Amsterdam", "Europe/Stockholm", "Africa/Johannesburg", "Asia/Dubai", "Asia/Singapore",
			"Australia/Perth", "Australia/Brisbane", "Australia/Sydney", "Pacific/Auckland", "UTC");

	/** The currencies offered: ISO 4217 code → what the select shows. */
	static final Map<String, String> CURRENCIES = currencies();

	private static final int MAX_TEXT = 200;

	private static final int MAX_EMAIL = 320;

	private final RestClient identity;

	private final CircuitBreaker breaker;

	private final Identity signIn;

	private final StaffCookies cookies;

	SignUpPages(@Qualifier(SIGN_IN_CLIENT) RestClient identity, CircuitBreakerRegistry breakers, Identity signIn,
			StaffCookies cookies) {
		this.identity = identity;
		this.breaker = breakers.circuitBreaker(CIRCUIT_BREAKER);
		this.signIn = signIn;
		this.cookies = cookies;
	}

	@GetMapping("/sign-up")
	String form(HttpServletResponse response, Model model) {
		noStore(response);
		return form(model, new Form("", "", "USD", "", ""), Map.of());
	}

	/** Signs the business up and sends its owner a sign-in code; the form again with identity's answer otherwise. */
	@PostMapping("/sign-up")
	String signUp(@RequestParam(name = "workspaceName", defaultValue = "") String workspaceName,
			@RequestParam(name = "timeZone", defaultValue = "") String timeZone,
			@RequestParam(name = "currency", defaultValue = "") String currency,
			@RequestParam(name = "ownerEmail", defaultValue = "") String ownerEmail,
			@RequestParam(name = "ownerName", defaultValue = "") String ownerName, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		noStore(response);
		Form form = new Form(workspaceName.strip(), timeZone.strip(), currency.strip(), ownerEmail.strip(),
				ownerName.strip());
		Map<String, String> errors = form.check();
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, form, errors);
		}
		Browser browser = Browser.of(request);
		Answer answer = send(form, browser);
		if (answer.retryAfter() != null) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(answer.retryAfter().toSeconds()));
			model.addAttribute("message", "Too many sign-ups from your network. Please wait "
					+ minutes(answer.retryAfter()) + " and try again.");
			return form(model, form, Map.of());
		}
		if (!answer.errors().isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, form, answer.errors());
		}
		model.addAttribute("email", form.ownerEmail());
		try {
			this.cookies.attemptStarted(response,
					this.signIn.requestCode(form.ownerEmail(), this.cookies.attempt(request).orElse(null), browser));
			return "backoffice/code";
		}
		catch (SignInRefusedException.Throttled ex) {
			// The workspace exists; the code waits for identity's per-IP limit like any sign-in.
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()));
			model.addAttribute("message", "Your workspace is ready. Too many sign-in codes were asked for from your "
					+ "network: please wait " + minutes(ex.retryAfter()) + ", then ask for a code here.");
			return "backoffice/email";
		}
		catch (SignInRefusedException ex) {
			model.addAttribute("message", "Your workspace is ready. Ask for a sign-in code here.");
			return "backoffice/email";
		}
	}

	@ExceptionHandler({ IdentityUnavailableException.class, Unavailable.class })
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String unavailable(HttpServletResponse response) {
		noStore(response);
		response.setHeader(HttpHeaders.RETRY_AFTER, "30");
		return "backoffice/unavailable";
	}

	/**
	 * identity's answer through the sign-in breaker: created, its validation problem by the field, or its
	 * throttling. Refusals are answers, not failures of identity; anything else is
	 * {@link IdentityUnavailableException}.
	 */
	private Answer send(Form form, Browser browser) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("workspaceName", form.workspaceName());
		body.put("timeZone", form.timeZone());
		body.put("currency", form.currency());
		body.put("ownerEmail", form.ownerEmail());
		body.put("ownerName", form.ownerName());
		body.put("ip", browser.ip());
		body.put("userAgent", browser.userAgent());
		try {
			return this.breaker.executeSupplier(() -> this.identity.post()
				.uri("/internal/staff/signups")
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange((request, response) -> {
					int status = response.getStatusCode().value();
					if (status == 201) {
						return new Answer(Map.of(), null);
					}
					if (status == 400) {
						return new Answer(fieldErrors(response.bodyTo(Problem.class)), null);
					}
					if (status == HttpStatus.TOO_MANY_REQUESTS.value()) {
						return new Answer(Map.of(), retryAfter(response.getHeaders()));
					}
					throw new IllegalStateException("identity-service answered " + status + " to a sign-up");
				}));
		}
		catch (RuntimeException ex) {
			throw new Unavailable(ex);
		}
	}

	/** identity's validation errors as messages for the form's fields; one for the form when none is named. */
	private static Map<String, String> fieldErrors(Problem problem) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (problem != null && problem.errors() != null) {
			for (FieldError error : problem.errors()) {
				if (error.field() != null && FIELDS.contains(error.field())) {
					errors.putIfAbsent(error.field(), message(error.field(), error.message()));
				}
			}
		}
		if (errors.isEmpty()) {
			errors.put("form", "Check the form and try again.");
		}
		return errors;
	}

	/** What a person can act on, rather than the validator's wording (which is kept for the email's reason). */
	private static String message(String field, String detail) {
		return switch (field) {
			case "workspaceName" -> "Enter your business name (up to 200 characters).";
			case "timeZone" -> "Choose your time zone.";
			case "currency" -> "Choose your currency.";
			case "ownerEmail" -> "Enter one email address, like you@yourbusiness.com"
					+ ((detail != null && !detail.isBlank()) ? " (" + detail + ")." : ".");
			default -> "Enter your name on one line (up to 200 characters).";
		};
	}

	private String form(Model model, Form form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		List<String> zones = TIME_ZONES;
		if (Form.validZone(form.timeZone()) && !zones.contains(form.timeZone())) {
			// The browser's own zone, which signup.js added to the list: offered again.
			zones = new ArrayList<>(TIME_ZONES);
			zones.add(0, form.timeZone());
		}
		model.addAttribute("timeZones", zones);
		model.addAttribute("currencies", CURRENCIES);
		return "backoffice/signup";
	}

	private static Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		try {
			long seconds = (value != null) ? Long.parseLong(value.trim()) : -1;
			return (seconds > 0) ? Duration.ofSeconds(seconds) : Duration.ofMinutes(1);
		}
		catch (NumberFormatException ex) {
			return Duration.ofMinutes(1);
		}
	}

	private static String minutes(Duration wait) {
		long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
		return minutes + ((minutes == 1) ? " minute" : " minutes");
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
	}

	private static Map<String, String> currencies() {
		Map<String, String> currencies = new LinkedHashMap<>();
		currencies.put("USD", "USD – US dollar");
		currencies.put("CAD", "CAD – Canadian dollar");
		currencies.put("EUR", "EUR – Euro");
		currencies.put("GBP", "GBP – British pound");
		currencies.put("AUD", "AUD – Australian dollar");
		currencies.put("NZD", "NZD – New Zealand dollar");
		currencies.put("MXN", "MXN – Mexican peso");
		currencies.put("CHF", "CHF – Swiss franc");
		currencies.put("SEK", "SEK – Swedish krona");
		currencies.put("ZAR", "ZAR – South African rand");
		currencies.put("SGD", "SGD – Singapore dollar");
		return currencies;
	}

	/**
	 * The form as sent (trimmed). Checked here only for what needs no identity (a blank field, a length, a time
	 * zone or currency not offered); identity decides the rest (the email's form, one line).
	 */
	record Form(String workspaceName, String timeZone, String currency, String ownerEmail, String ownerName) {

		Map<String, String> check() {
			Map<String, String> errors = new LinkedHashMap<>();
			if (this.workspaceName.isEmpty() || this.workspaceName.length() > MAX_TEXT) {
				errors.put("workspaceName", message("workspaceName", null));
			}
			if (!validZone(this.timeZone)) {
				errors.put("timeZone", message("timeZone", null));
			}
			if (!CURRENCIES.containsKey(this.currency)) {
				errors.put("currency", message("currency", null));
			}
			if (this.ownerEmail.isEmpty() || this.ownerEmail.length() > MAX_EMAIL) {
				errors.put("ownerEmail", message("ownerEmail", null));
			}
			if (this.ownerName.isEmpty() || this.ownerName.length() > MAX_TEXT) {
				errors.put("ownerName", message("ownerName", null));
			}
			return errors;
		}

		static boolean validZone(String zone) {
			return !zone.isEmpty() && zone.length() <= 64 && ZoneId.getAvailableZoneIds().contains(zone);
		}
	}

	/** identity's answer: field errors, or how long to wait; neither when created. */
	private record Answer(Map<String, String> errors, Duration retryAfter) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Problem(String type, List<FieldError> errors) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record FieldError(String field, String message) {
	}

	/** identity down, failing, or the breaker open: the try-again page. */
	static final class Unavailable extends RuntimeException {

		Unavailable(Throwable cause) {
			super("identity-service is unavailable for sign-up", cause);
		}
	}
}
