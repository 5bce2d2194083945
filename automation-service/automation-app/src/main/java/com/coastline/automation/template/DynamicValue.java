package com.coastline.automation.template;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalog of dynamic values a Send email action may use, by the name written in the template
 * ({@code {{client.first_name}}}). A name not listed here is refused when the automation or template is saved.
 */
public enum DynamicValue {

	CLIENT_FIRST_NAME("client.first_name", "Client first name", "First name of the project's primary contact.",
			DynamicValues::clientFirstName),

	CLIENT_LAST_NAME("client.last_name", "Client last name", "Last name of the project's primary contact.",
			DynamicValues::clientLastName),

	PROJECT_NAME("project.name", "Project name", "Name of the project, as the contractor wrote it.",
			DynamicValues::projectName),

	PROJECT_ADDRESS("project.address", "Project address", "Address of the project's site.",
			DynamicValues::projectAddress),

	CONTRACTOR_NAME("contractor.name", "Contractor name", "Your business name (the workspace's name).",
			DynamicValues::contractorName),

	CONTRACTOR_PHONE("contractor.phone", "Contractor phone", "Your business phone number.",
			DynamicValues::contractorPhone),

	/** Minted per run; a link, never shown in plain text anywhere but the email itself. */
	PORTAL_LINK("portal.link", "Customer portal link",
			"A personal sign-in link to the client's portal, made for each email; a clickable link in the HTML part.",
			values -> null);

	private final String key;

	private final String label;

	private final String description;

	private final Function<DynamicValues, String> value;

	DynamicValue(String key, String label, String description, Function<DynamicValues, String> value) {
		this.key = key;
		this.label = label;
		this.description = description;
		this.value = value;
	}

	/** The value with this name, e.g. {@code client.first_name}. */
	public static Optional<DynamicValue> byKey(String key) {
		return Arrays.stream(values()).filter(candidate -> candidate.key.equals(key)).findFirst();
	}

	/** The name written in templates, e.g. {@code client.first_name}. */
	public String key() {
		return key;
	}

	/** What to insert into a subject or body, e.g. {@code {{client.first_name}}}. */
	public String token() {
		return "{{" + key + "}}";
	}

	/** The name the back office shows, e.g. "Customer portal link". */
	public String label() {
		return label;
	}

	public String description() {
		return description;
	}

	String valueIn(DynamicValues values) {
		return values == null ? null : value.apply(values);
	}
}
