package com.coastline.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the machine itself can do, so that every benchmark figure can be read as a ratio to it (issue 12): a
 * loopback TCP round trip, a minimal Spring endpoint (a service's liveness probe over HTTP), an indexed read in
 * the launcher's PostgreSQL, and one Kafka record produced and consumed by the launcher's broker. Each is
 * timed one at a time (no concurrency: the floor of one request), after a warm-up; it prints p50, p99 and the
 * sequential rate as table rows for docs/benchmarks.md. Run by {@code benchmarks/run calibrate} against the
 * system the launcher started.
 */
public final class Calibration {

	private static final int WARM_UP = Integer.getInteger("calibration.warmup", 2_000);

	private static final int MEASURED = Integer.getInteger("calibration.measured", 5_000);

	private Calibration() {
	}

	public static void main(String[] args) throws Exception {
		String spring = System.getProperty("calibration.spring-url", "http://localhost:9083/actuator/health/liveness");
		String jdbc = System.getProperty("calibration.jdbc-url", "jdbc:postgresql://localhost:15432/postgres");
		String kafka = System.getProperty("calibration.kafka", "localhost:19092");
		System.out.println("| floor | what one operation is | p50 | p99 | sequential rate |");
		System.out.println("|---|---|---|---|---|");
		row("loopback TCP", "1 byte to an echo thread on 127.0.0.1 and back", loopback());
		row("minimal Spring endpoint", "GET " + spring + " (JDK HttpClient, kept-alive connection)", springEndpoint(spring));
		row("PostgreSQL indexed read", "SELECT by primary key from 100,000 rows, prepared, one connection", indexedRead(jdbc));
		row("Kafka round trip", "one 200-byte record produced (acks=all) and consumed, one partition", kafkaRoundTrip(kafka));
	}

	private static long[] loopback() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread echo = Thread.ofPlatform().daemon().start(() -> {
				try (Socket socket = server.accept(); InputStream in = socket.getInputStream();
						OutputStream out = socket.getOutputStream()) {
					socket.setTcpNoDelay(true);
					int b;
					while ((b = in.read()) >= 0) {
						out.write(b);
						out.flush();
					}
				}
				catch (IOException ex) {
					// the client closed the connection
				}
			});
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
				socket.setTcpNoDelay(true);
				InputStream in = socket.getInputStream();
				OutputStream out = socket.getOutputStream();
				return time(() -> {
					out.write(42);
					out.flush();
					if (in.read() != 42) {
						throw new IllegalStateException("The echo answered something else");
					}
				});
			}
			finally {
				echo.interrupt();
			}
		}
	}

	private static long[] springEndpoint(String url) throws Exception {
		try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
			return time(() -> {
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					throw new IllegalStateException(url + " answered " + response.statusCode());
				}
			});
		}
	}

	private static long[] indexedRead(String url) throws Exception {
		String table = "calibration_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = DriverManager.getConnection(url, System.getProperty("calibration.db-user", "postgres"),
				System.getProperty("calibration.db-password", "postgres"))) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, name text NOT NULL)");
				statement.execute("INSERT INTO " + table + " SELECT i, md5(i::text) FROM generate_series(1, 100000) i");
				statement.execute("ANALYZE " + table);
			}
			try (PreparedStatement read = connection.prepareStatement("SELECT name FROM " + table + " WHERE id = ?")) {
				return time(() -> {
					read.setLong(1, ThreadLocalRandom.current().nextLong(1, 100_001));
					try (ResultSet rows = read.executeQuery()) {
						if (!rows.next()) {
							throw new IllegalStateException("No row");
						}
					}
				});
			}
			finally {
				try (Statement statement = connection.createStatement()) {
					statement.execute("DROP TABLE " + table);
				}
			}
		}
	}

	private static long[] kafkaRoundTrip(String bootstrap) throws Exception {
		String topic = "calibration-" + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
			Properties producerConfig = new Properties();
			producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
			producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
			producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
			Properties consumerConfig = new Properties();
			consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
			consumerConfig.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
			byte[] value = new byte[200];
			TopicPartition partition = new TopicPartition(topic, 0);
			try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
					new ByteArraySerializer());
					KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
							new ByteArrayDeserializer())) {
				consumer.assign(List.of(partition));
				consumer.seekToEnd(List.of(partition));
				consumer.position(partition);
				return time(() -> {
					producer.send(new ProducerRecord<>(topic, value)).get();
					int received = 0;
					long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
					while (received == 0) {
						if (System.nanoTime() > deadline) {
							throw new IllegalStateException("The record did not come back within 10 s");
						}
						ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
						received = records.count();
					}
				});
			}
			finally {
				admin.deleteTopics(List.of(topic)).all().get();
			}
		}
	}

	/** Runs the operation {@link #WARM_UP} times, then {@link #MEASURED} times timing each; nanoseconds, sorted. */
	private static long[] time(Operation operation) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			operation.run();
		}
		long[] nanos = new long[MEASURED];
		for (int i = 0; i < MEASURED; i++) {
			long start = System.nanoTime();
			operation.run();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		return nanos;
	}

	private static void row(String floor, String what, long[] nanos) {
		double total = Arrays.stream(nanos).sum() / 1e9;
		System.out.printf("| %s | %s | %s | %s | %,.0f/s |%n", floor, what, millis(nanos[nanos.length / 2]),
				millis(nanos[(int) Math.ceil(nanos.length * 0.99) - 1]), nanos.length / total);
	}

	private static String millis(long nanos) {
		return String.format("%.3f ms", nanos / 1e6);
	}

	@FunctionalInterface
	private interface Operation {

		void run() throws Exception;

	}
}
