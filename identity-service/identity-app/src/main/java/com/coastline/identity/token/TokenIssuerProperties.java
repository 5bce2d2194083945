package com.coastline.identity.token;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The token issuer's settings.
 *
 * @param issuer the {@code iss} of every token this service signs, and the issuer it requires of
 * the tokens it accepts itself
 * @param clients the OAuth2 clients allowed the client-credentials grant
 */
@Validated
@ConfigurationProperties("coastline.identity")
public record TokenIssuerProperties(@NotBlank String issuer, @Valid @NotEmpty List<Client> clients) {

	/**
	 * A service or admin client.
	 *
	 * @param id the {@code client_id} (and the {@code sub} of its tokens)
	 * @param secret the client secret, hashed at start-up and never kept or shown in clear after that
	 * @param scopes the scopes it may ask for; {@code admin} also gives its tokens the admin role
	 */
	public record Client(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String id, @NotBlank String secret,
			@NotEmpty Set<@NotBlank String> scopes) {

		/** A record's default would print the secret (in a failure analysis, say). */
		@Override
		public String toString() {
			return "Client[id=" + this.id + ", secret=******, scopes=" + this.scopes + "]";
		}
	}
}
