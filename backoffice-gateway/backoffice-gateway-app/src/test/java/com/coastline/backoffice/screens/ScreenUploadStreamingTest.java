package com.coastline.backoffice.screens;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.coastline.backoffice.signin.StaffToken;
import com.coastline.backoffice.support.BackofficeGatewayTest;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.multipart.MultipartFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A screen's upload leaves the gateway while its file is still being read, not after it was read whole into
 * memory: {@link ServiceCalls} (built with the application's own {@code RestClient.Builder}, platform-web's
 * customizer and interceptor included) sends a 32 MB file to a media-service stand-in that reads the request off
 * the socket itself. When the first 64 KB of the body have arrived, the gateway has read only a part of the file
 * (at most what the sockets hold on the way); a client that buffered the body would have read all of it before
 * sending a byte, and would have sent a {@code Content-Length}. The file refuses {@link MultipartFile#getBytes()}:
 * the part is read from its stream (Tomcat's temporary file, in the gateway). The bytes arrive intact.
 */
@BackofficeGatewayTest
class ScreenUploadStreamingTest {

	private static final int SIZE = 32 * 1024 * 1024;

	private static final int FIRST_BYTES = 64 * 1024;

	@Autowired
	RestClient.Builder builder;

	@Autowired
	ObjectProvider<ObservationRegistry> observations;

	@Test
	void anUploadLeavesWhileItsFileIsStillBeingReadNotBufferedFirst() throws Exception {
		GeneratedFile file = new GeneratedFile(SIZE);
		// The socket closes first (an accept still waiting ends), then the stand-in's thread.
		try (ExecutorService standIn = Executors.newSingleThreadExecutor();
				ServerSocket media = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Future<Arrival> arrival = standIn.submit(() -> receive(media, file));
			ServiceCalls calls = new ServiceCalls(
					new ScreenProperties(
							Map.of("media",
									new ScreenProperties.Address(
											URI.create("http://127.0.0.1:" + media.getLocalPort()),
											Duration.ofSeconds(30))),
							Duration.ofSeconds(1)),
					this.builder, CircuitBreakerRegistry.ofDefaults(), this.observations);

			calls.upload(new StaffToken("staff-jwt", UUID.randomUUID(), UUID.randomUUID(), "owner@harbour.test",
					Instant.now().plusSeconds(60)),
					Service.MEDIA, HttpMethod.POST, file, Void.class, "/api/projects/{id}/photos", UUID.randomUUID());

			Arrival arrived = arrival.get(30, TimeUnit.SECONDS);
			assertThat(arrived.fileReadWhenFirstBytesArrived()).as("bytes of the file read when the first %d arrived",
					FIRST_BYTES)
				.isLessThan(SIZE / 2);
			assertThat(arrived.headers()).contains("authorization: bearer staff-jwt")
				.contains("transfer-encoding: chunked")
				.doesNotContain("content-length:");
			byte[] body = arrived.body();
			int start = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) + 4;
			String partHeaders = new String(body, 0, start, StandardCharsets.US_ASCII);
			assertThat(partHeaders).contains("name=\"file\"")
				.contains("filename=\"roof.jpg\"")
				.contains("Content-Type: image/jpeg");
			assertThat(Arrays.equals(body, start, start + SIZE, GeneratedFile.whole(SIZE), 0, SIZE)).isTrue();
		}
	}

	/** Reads one request as media-service would, noting how much of the file was read when its first bytes came. */
	private static Arrival receive(ServerSocket server, GeneratedFile file) throws IOException {
		try (Socket socket = server.accept()) {
			socket.setSoTimeout(30_000);
			InputStream in = new BufferedInputStream(socket.getInputStream());
			StringBuilder headers = new StringBuilder();
			for (String line = line(in); !line.isEmpty(); line = line(in)) {
				headers.append(line.toLowerCase(Locale.ROOT)).append('\n');
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream(SIZE + 1024);
			long readWhenFirstBytesArrived = -1;
			if (headers.indexOf("transfer-encoding: chunked") >= 0) {
				for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
					for (int left = size; left > 0;) {
						int n = Math.min(left, FIRST_BYTES);
						body.write(in.readNBytes(n));
						left -= n;
						if (readWhenFirstBytesArrived < 0 && body.size() >= FIRST_BYTES) {
							readWhenFirstBytesArrived = file.read.get();
						}
					}
					line(in);
				}
				while (!line(in).isEmpty()) {
					// Trailers: none expected.
				}
			}
			else {
				String length = headers.substring(headers.indexOf("content-length:") + 15);
				int remaining = Integer.parseInt(length.substring(0, length.indexOf('\n')).trim());
				body.write(in.readNBytes(FIRST_BYTES));
				readWhenFirstBytesArrived = file.read.get();
				body.write(in.readNBytes(remaining - FIRST_BYTES));
			}
			OutputStream out = socket.getOutputStream();
			out.write(("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
					+ "Connection: close\r\n\r\n{}")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return new Arrival(headers.toString(), readWhenFirstBytesArrived, body.toByteArray());
		}
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new EOFException("The request ended early");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	private static int chunkSize(String line) {
		int extension = line.indexOf(';');
		return Integer.parseInt(((extension >= 0) ? line.substring(0, extension) : line).trim(), 16);
	}

	private static int indexOf(byte[] bytes, byte[] sought) {
		for (int i = 0; i + sought.length <= bytes.length; i++) {
			if (Arrays.equals(bytes, i, i + sought.length, sought, 0, sought.length)) {
				return i;
			}
		}
		throw new AssertionError("Not found");
	}

	/**
	 * @param headers the request's headers, lower case, one a line
	 * @param fileReadWhenFirstBytesArrived how much of the file the gateway had read when the body's first bytes
	 * arrived
	 * @param body the request's body (de-chunked)
	 */
	private record Arrival(String headers, long fileReadWhenFirstBytesArrived, byte[] body) {
	}

	/**
	 * An uploaded file whose content is made as it is read (nothing held in memory), counting what was read; it
	 * cannot be read whole ({@link #getBytes()}).
	 */
	private static final class GeneratedFile implements MultipartFile {

		private final int size;

		private final AtomicLong read = new AtomicLong();

		GeneratedFile(int size) {
			this.size = size;
		}

		static byte at(long position) {
			return (byte) ((position * 31) ^ (position >>> 11));
		}

		static byte[] whole(int size) {
			byte[] bytes = new byte[size];
			for (int i = 0; i < size; i++) {
				bytes[i] = at(i);
			}
			return bytes;
		}

		@Override
		public String getName() {
			return "file";
		}

		@Override
		public String getOriginalFilename() {
			return "roof.jpg";
		}

		@Override
		public String getContentType() {
			return "image/jpeg";
		}

		@Override
		public boolean isEmpty() {
			return false;
		}

		@Override
		public long getSize() {
			return this.size;
		}

		@Override
		public byte[] getBytes() {
			throw new UnsupportedOperationException("Read whole into memory");
		}

		@Override
		public InputStream getInputStream() {
			return new InputStream() {

				@Override
				public int read() {
					byte[] one = new byte[1];
					return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xFF);
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					long position = GeneratedFile.this.read.get();
					int n = (int) Math.min(length, GeneratedFile.this.size - position);
					if (n <= 0) {
						return (length == 0) ? 0 : -1;
					}
					for (int i = 0; i < n; i++) {
						buffer[offset + i] = at(position + i);
					}
					GeneratedFile.this.read.addAndGet(n);
					return n;
				}
			};
		}

		@Override
		public void transferTo(File dest) {
			throw new UnsupportedOperationException();
		}
	}
}
