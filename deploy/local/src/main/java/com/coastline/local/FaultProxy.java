package com.coastline.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small TCP proxy on loopback, put in front of PostgreSQL, the Kafka broker or the SMTP server by fault
 * tests (there is no Docker engine here, so no Toxiproxy container), which can cut or slow the connections
 * passing through it:
 * <ul>
 * <li>{@link #cut()}: every open connection is reset and new ones are accepted and closed at once, as when
 * the server's host goes away; {@link #restore()} lets connections through again;</li>
 * <li>{@link #delay(Duration)}: each chunk of bytes, in both directions, waits that long first, as on a slow
 * network; {@link Duration#ZERO} ends it.</li>
 * </ul>
 * Each connection is two virtual threads copying bytes; {@link #close()} stops everything.
 */
public final class FaultProxy implements AutoCloseable {

	private final String name;

	private final InetSocketAddress target;

	private final ServerSocket server;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	private volatile Duration delay = Duration.ZERO;

	private final Thread acceptor;

	private FaultProxy(String name, InetSocketAddress target, int port) throws IOException {
		this.name = name;
		this.target = target;
		this.server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
		this.server.setReuseAddress(true);
		this.acceptor = Thread.ofVirtual().name("fault-proxy-" + name).start(this::accept);
	}

	/**
	 * A proxy on loopback at {@code port} (0: any free port) forwarding to {@code targetPort} on loopback.
	 *
	 * @param name what it stands in front of, for thread names and messages
	 */
	public static FaultProxy start(String name, int targetPort, int port) {
		try {
			return new FaultProxy(name, new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), port);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the fault proxy for " + name + " on port " + port, ex);
		}
	}

	/** The port clients connect to. */
	public int port() {
		return this.server.getLocalPort();
	}

	/** Resets every open connection and refuses new ones until {@link #restore()}. */
	public void cut() {
		this.cut = true;
		for (Socket socket : this.open) {
			reset(socket);
		}
	}

	/** Lets connections through again (after {@link #cut()}), without delay unless one is set. */
	public void restore() {
		this.cut = false;
	}

	/** Holds back each chunk of bytes this long before passing it on; {@link Duration#ZERO} for none. */
	public void delay(Duration delay) {
		this.delay = (delay.isNegative()) ? Duration.ZERO : delay;
	}

	/** How many client connections are open through the proxy. */
	public int openConnections() {
		return this.open.size() / 2;
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		for (Socket socket : this.open) {
			reset(socket);
		}
		this.acceptor.interrupt();
	}

	@Override
	public String toString() {
		return "FaultProxy[" + this.name + " :" + port() + " -> :" + this.target.getPort()
				+ (this.cut ? ", cut" : "") + (this.delay.isZero() ? "" : ", delay " + this.delay) + "]";
	}

	private void accept() {
		while (!this.server.isClosed()) {
			Socket client;
			try {
				client = this.server.accept();
			}
			catch (IOException ex) {
				return;
			}
			if (this.cut) {
				reset(client);
				continue;
			}
			Thread.ofVirtual().name("fault-proxy-" + this.name + "-connect").start(() -> connect(client));
		}
	}

	private void connect(Socket client) {
		Socket upstream = new Socket();
		try {
			upstream.connect(this.target, 5_000);
			client.setTcpNoDelay(true);
			upstream.setTcpNoDelay(true);
		}
		catch (IOException ex) {
			reset(client);
			reset(upstream);
			return;
		}
		this.open.add(client);
		this.open.add(upstream);
		if (this.cut) {
			reset(client);
			reset(upstream);
			return;
		}
		Thread.ofVirtual().start(() -> copy(client, upstream));
		Thread.ofVirtual().start(() -> copy(upstream, client));
	}

	/** Copies one direction until either side ends, then ends both. */
	private void copy(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				Duration wait = this.delay;
				if (!wait.isZero()) {
					Thread.sleep(wait);
				}
				if (this.cut) {
					break;
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// one side went away: end the other too
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			reset(from);
			reset(to);
		}
	}

	/** Closes with a reset (SO_LINGER 0), as a vanished host would, not an orderly end of stream. */
	private void reset(Socket socket) {
		this.open.remove(socket);
		try {
			if (!socket.isClosed()) {
				socket.setSoLinger(true, 0);
			}
		}
		catch (SocketException ex) {
			// closing anyway
		}
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already gone
		}
	}
}
