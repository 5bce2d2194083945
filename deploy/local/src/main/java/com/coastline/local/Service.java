package com.coastline.local;

import java.util.function.ToIntFunction;

/**
 * A service of the system as the launcher knows it: where its executable jar is built, its port and
 * database (none for the back-office gateway, which owns nothing durable). The management port is a free
 * port chosen at start (ports in docs/SERVICES.md are the services' defaults when run alone).
 */
public enum Service {

	IDENTITY("identity", "identity-service/identity-app", Ports::identity),
	PROJECT("project", "project-service/project-app", Ports::project),
	MEDIA("media", "media-service/media-app", Ports::media),
	PORTAL("portal", "portal-service/portal-app", Ports::portal),
	/** The staff back office's gateway: sign-in pages and the routes of /api/** to the services; no database. */
	BACKOFFICE("backoffice", "backoffice-gateway/backoffice-gateway-app", Ports::backoffice),
	AUTOMATION("automation", "automation-service/automation-app", Ports::automation),
	NOTIFICATION("notification", "notification-service/notification-app", Ports::notification);

	private final String shortName;

	private final String module;

	private final ToIntFunction<Ports> port;

	Service(String shortName, String module, ToIntFunction<Ports> port) {
		this.shortName = shortName;
		this.module = module;
		this.port = port;
	}

	public String shortName() {
		return shortName;
	}

	/** The name it reports ({@code spring.application.name}): its metrics' {@code application} label. */
	public String applicationName() {
		return module.substring(0, module.indexOf('/'));
	}

	/** Whether it keeps data in a database of its own (every service but the back-office gateway). */
	public boolean ownsDatabase() {
		return this != BACKOFFICE;
	}

	/**
	 * Its database's name.
	 * @throws IllegalStateException for the back-office gateway, which has none
	 */
	public String database() {
		if (!ownsDatabase()) {
			throw new IllegalStateException(applicationName() + " has no database");
		}
		return shortName + "_service";
	}

	public String module() {
		return module;
	}

	public int port(Ports ports) {
		return port.applyAsInt(ports);
	}
}
