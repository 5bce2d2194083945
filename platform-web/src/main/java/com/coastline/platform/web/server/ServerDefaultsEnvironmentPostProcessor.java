package com.coastline.platform.web.server;

import com.coastline.platform.web.defaults.DefaultPropertiesPostProcessor;

/**
 * Adds Coastline's web server defaults (the connections Tomcat holds at once) as the last property source: anything a
 * service or its deployment configures wins.
 */
public class ServerDefaultsEnvironmentPostProcessor extends DefaultPropertiesPostProcessor {

	/** Name of the added property source. */
	public static final String PROPERTY_SOURCE_NAME = "coastlineServerDefaults";

	static final String LOCATION = "META-INF/coastline/server-defaults.properties";

	public ServerDefaultsEnvironmentPostProcessor() {
		super(PROPERTY_SOURCE_NAME, LOCATION);
	}
}
