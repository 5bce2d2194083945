package com.coastline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Where everything listens. The defaults are the fixed ports of docs/SERVICES.md; each can be overridden
 * with a system property {@code coastline.local.port.<name>} (e.g. {@code -Dcoastline.local.port.project=9183}).
 */
public record Ports(int postgres, int kafka, int kafkaController, int smtp, int inbox, int portal, int backoffice,
		int identity, int project, int media, int automation, int notification, boolean freePorts) {

	public static Ports defaults() {
		return new Ports(get("postgres", 15432), get("kafka", 19092), get("kafka-controller", 19093), get("smtp", 2525),
				get("inbox", 8025), get("portal", 8080), get("backoffice", 8081), get("identity", 8082),
				get("project", 8083), get("media", 8084), get("automation", 8085), get("notification", 8086), false);
	}

	/** Free ports for everything: for tests that run beside a developer's stack. */
	public static Ports random() {
		return new Ports(free(), free(), free(), free(), free(), free(), free(), free(), free(), free(), free(), free(),
				true);
	}

	/** A service's management port: its port + 1000 (docs/SERVICES.md), or a free one for random ports. */
	public int management(int servicePort) {
		return freePorts ? free() : servicePort + 1000;
	}

	/**
	 * The port of a service's further instance ({@code replica} 2, 3, …): the service's port + 10 per
	 * replica (identity's second instance on 8092), or a free one for random ports.
	 */
	public int replica(int servicePort, int replica) {
		return freePorts ? free() : servicePort + 10 * (replica - 1);
	}

	private static int get(String name, int fallback) {
		return Integer.getInteger("coastline.local.port." + name, fallback);
	}

	private static int free() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
