package com.coastline.local;

import java.util.function.ToIntFunction;

/**
 * A service of the system as the launcher knows it: where its executable jar is built, its port and
 * database. The management port is a free port chosen at start (ports in docs/SERVICES.md are the
 * services' defaults when run alone).
 */
public enum Service {

	IDENTITY("identity", "identity-service/identity-app", Ports::identity),
	PROJECT("project", "project-service/project-app", Ports::project),
	MEDIA("media", "media-service/media-app", Ports::media),
	PORTAL("portal", "portal-service/portal-app", Ports::portal),
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

	public String applicationName() {
		return shortName + "-service";
	}

	public String database() {
		return shortName + "_service";
	}

	public String module() {
		return module;
	}

	public int port(Ports ports) {
		return port.applyAsInt(ports);
	}
}
