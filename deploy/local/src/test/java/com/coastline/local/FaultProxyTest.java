package com.coastline.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault tests' TCP proxy in front of a real (echo) server on loopback: passing, cutting, slowing. */
class FaultProxyTest {

	private ServerSocket echo;

	private FaultProxy proxy;

	@BeforeEach
	void echoServerBehindAProxy() throws IOException {
		this.echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofVirtual().start(() -> {
			while (!this.echo.isClosed()) {
				try {
					Socket socket = this.echo.accept();
					Thread.ofVirtual().start(() -> echo(socket));
				}
				catch (IOException ex) {
					return;
				}
			}
		});
		this.proxy = FaultProxy.start("echo", this.echo.getLocalPort(), 0);
	}

	@AfterEach
	void close() throws IOException {
		this.proxy.close();
		this.echo.close();
	}

	@Test
	void bytesPassThroughBothWays() throws IOException {
		try (Socket client = connect()) {
			assertThat(roundTrip(client, "hello")).isEqualTo("hello");
			assertThat(roundTrip(client, "again")).isEqualTo("again");
			assertThat(this.proxy.openConnections()).isEqualTo(1);
		}
	}

	@Test
	void cuttingResetsOpenConnectionsAndRefusesNewOnesUntilRestored() throws IOException {
		Socket before = connect();
		assertThat(roundTrip(before, "up")).isEqualTo("up");

		this.proxy.cut();

		assertThatThrownBy(() -> roundTrip(before, "down")).isInstanceOf(IOException.class);
		try (Socket during = connect()) {
			assertThatThrownBy(() -> roundTrip(during, "down")).isInstanceOf(IOException.class);
		}

		this.proxy.restore();

		try (Socket after = connect()) {
			assertThat(roundTrip(after, "back")).isEqualTo("back");
		}
		before.close();
	}

	@Test
	void aDelayHoldsBackEachWayAndCanBeLifted() throws IOException {
		try (Socket client = connect()) {
			roundTrip(client, "warm");
			this.proxy.delay(Duration.ofMillis(150));

			long started = System.nanoTime();
			assertThat(roundTrip(client, "slow")).isEqualTo("slow");
			// out and back: two chunks, each held back 150 ms
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

			this.proxy.delay(Duration.ZERO);
			started = System.nanoTime();
			assertThat(roundTrip(client, "fast")).isEqualTo("fast");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(300));
		}
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.proxy.port());
		socket.setSoTimeout(5_000);
		return socket;
	}

	/** Writes the text and reads the same number of bytes back; an IOException when the connection is gone. */
	private static String roundTrip(Socket socket, String text) throws IOException {
		byte[] sent = text.getBytes(StandardCharsets.UTF_8);
		OutputStream out = socket.getOutputStream();
		out.write(sent);
		out.flush();
		InputStream in = socket.getInputStream();
		byte[] received = in.readNBytes(sent.length);
		if (received.length < sent.length) {
			throw new IOException("Connection ended after " + received.length + " bytes");
		}
		return new String(received, StandardCharsets.UTF_8);
	}

	private static void echo(Socket socket) {
		try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// the proxy went away
		}
	}
}
