package com.coastline.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where everything listens. The defaults are the fixed ports of docs/SERVICES.md; each can be overridden
 * with a system property {@code coastline.local.port.<name>} (e.g. {@code -Dcoastline.local.port.project=9183}).
 */
public record Ports(int postgres, int kafka, int kafkaController, int smtp, int inbox, int portal, int backoffice,
		int identity, int project, int media, int automation, int notification, boolean freePorts) {

	/**
	 * Free ports come from below the kernel's ephemeral range (Linux: 32768–60999), where no outgoing connection is
	 * given one: a port the kernel picked, closed at once and handed to a service that binds it a minute later was
	 * sometimes taken by then by one of the many client connections of a starting stack (CI, 2026-12-01: a portal
	 * instance could not bind, and the whole thirteen-JVM stack started again). Within one JVM, one after the other
	 * from a random start, each checked free, so that two stacks started side by side (the system tests and the
	 * browser journeys) rarely come near each other's.
	 */
	private static final int FREE_FROM = 10_000;

	private static final AtomicInteger nextFree = new AtomicInteger(-1);

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

	/** A port free now, below the ephemeral range, not handed out before by this JVM. */
	static int free() {
		int below = ephemeralStart();
		int span = below - FREE_FROM;
		nextFree.compareAndSet(-1, ThreadLocalRandom.current().nextInt(span));
		for (int tried = 0; tried < span; tried++) {
			int port = FREE_FROM + Math.floorMod(nextFree.getAndIncrement(), span);
			if (bindable(port)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port between " + FREE_FROM + " and " + below);
	}

	private static boolean bindable(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The first port of the kernel's ephemeral range ({@code ip_local_port_range}), 32768 when it cannot be read. */
	static int ephemeralStart() {
		try {
			String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
			int start = Integer.parseInt(range.split("\\s+")[0]);
			return (start > FREE_FROM + 1000) ? start : 32768;
		}
		catch (IOException | RuntimeException ex) {
			return 32768;
		}
	}
}
