package com.coastline.platform.web.observability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OTLP trace export when configured, nothing exported otherwise. A small service with platform-web (no
 * database) serves a request that calls another service through a {@code RestClient} from Boot's builder; a
 * JDK HTTP server on loopback stands in for the called service, another one for the OpenTelemetry
 * collector's OTLP/HTTP receiver. Also the latency histogram buckets of platform-web's defaults, which the
 * Grafana dashboards' percentiles are computed from.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingTest {

	private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

	private final BlockingQueue<String> downstreamTraceparents = new LinkedBlockingQueue<>();

	private final BlockingQueue<Export> exports = new LinkedBlockingQueue<>();

	private HttpServer downstream;

	private HttpServer collector;

	private ConfigurableApplicationContext application;

	@BeforeEach
	void startServers() throws IOException {
		this.downstream = server();
		this.downstream.createContext("/downstream", (exchange) -> {
			String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
			this.downstreamTraceparents.add((traceparent != null) ? traceparent : "none");
			respond(exchange, 200, "text/plain", "pong".getBytes(StandardCharsets.UTF_8));
		});
		this.collector = server();
		this.collector.createContext("/v1/traces", (exchange) -> {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			this.exports.add(new Export(exchange.getRequestMethod(),
					exchange.getRequestHeaders().getFirst("Content-Type"), body));
			// An empty ExportTraceServiceResponse: everything accepted.
			respond(exchange, 200, "application/x-protobuf", new byte[0]);
		});
	}

	@AfterEach
	void stop() {
		if (this.application != null) {
			this.application.close();
		}
		this.downstream.stop(0);
		this.collector.stop(0);
	}

	@Test
	void exportsTheSpansOfARequestToTheConfiguredCollectorAndPropagatesTheTrace(CapturedOutput output)
			throws Exception {
		this.application = start(Map.of("management.opentelemetry.tracing.export.otlp.endpoint",
				"http://127.0.0.1:" + this.collector.getAddress().getPort() + "/v1/traces"));
		assertThat(this.application.getBeansOfType(SpanExporter.class)).isNotEmpty();

		assertThat(get("/traced/ping")).isEqualTo("pong");

		// The called service got the caller's trace (W3C), sampled: the platform samples every trace.
		String traceparent = this.downstreamTraceparents.poll(5, TimeUnit.SECONDS);
		Matcher matcher = TRACEPARENT.matcher(String.valueOf(traceparent));
		assertThat(matcher.matches()).as("traceparent %s", traceparent).isTrue();
		assertThat(traceparent).endsWith("-01");
		String traceId = matcher.group(1);

		// The spans (server request, client call) arrive at the collector as OTLP/HTTP protobuf.
		byte[] traceIdBytes = HexFormat.of().parseHex(traceId);
		ByteArrayOutputStream exported = new ByteArrayOutputStream();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		// The client span ends first, so it may come in an earlier batch than the server span.
		while ((indexOf(exported.toByteArray(), traceIdBytes) < 0
				|| indexOf(exported.toByteArray(), bytes("http get /traced/ping")) < 0) && System.nanoTime() < deadline) {
			Export export = this.exports.poll(200, TimeUnit.MILLISECONDS);
			if (export != null) {
				assertThat(export.method()).isEqualTo("POST");
				assertThat(export.contentType()).isEqualTo("application/x-protobuf");
				exported.write(export.body());
			}
		}
		byte[] body = exported.toByteArray();
		assertThat(indexOf(body, traceIdBytes)).as("an exported span of trace %s", traceId).isNotNegative();
		assertThat(indexOf(body, bytes("tracing-test"))).as("service.name").isNotNegative();
		assertThat(indexOf(body, bytes("http get /traced/ping"))).as("the server span").isNotNegative();

		// Log lines written while serving the request carry its trace and span ids.
		assertThat(output.getOut().lines().filter((line) -> line.contains("calling downstream")))
			.singleElement()
			.asString()
			.contains(traceId);
	}

	@Test
	void exportsNothingWithoutAnEndpointButStillContinuesTheCallersTraceAndTimesWithHistogramBucketsAndNoSecurityObservations() throws Exception {
		this.application = start(Map.of());
		// No exporter at all (Boot's has no default endpoint): nothing is sent anywhere, nothing fails.
		assertThat(this.application.getBeansOfType(SpanExporter.class)).isEmpty();

		// A caller's trace (another service's, the gateway's) is continued and handed on.
		String callersTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
		assertThat(get("/traced/ping", "00-" + callersTrace + "-00f067aa0ba902b7-01")).isEqualTo("pong");

		assertThat(this.downstreamTraceparents.poll(5, TimeUnit.SECONDS)).matches(TRACEPARENT)
			.startsWith("00-" + callersTrace + "-")
			.doesNotContain("00f067aa0ba902b7");

		// The request served and the call made are timed with the buckets the dashboards' percentiles read.
		MeterRegistry meters = this.application.getBean(MeterRegistry.class);
		double[] buckets = { 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10 };
		// The server's timer stops once the response is complete, maybe just after the client has it.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (meters.find("http.server.requests").tag("uri", "/traced/ping").timer() == null
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(bucketsOf(meters.get("http.server.requests").tag("uri", "/traced/ping").timer()))
			.containsExactly(buckets);
		assertThat(bucketsOf(meters.get("http.client.requests").tag("client.name", "127.0.0.1").timer()))
			.containsExactly(buckets);
		// Spring Security observed nothing of its own (filter chain, authorizations): the request's timer covers it.
		assertThat(meters.getMeters()).extracting((meter) -> meter.getId().getName())
			.contains("http.server.requests")
			.noneMatch((name) -> name.startsWith("spring.security"));
	}

	private static double[] bucketsOf(Timer timer) {
		return Arrays.stream(timer.takeSnapshot().histogramCounts())
			.mapToDouble((bucket) -> bucket.bucket(TimeUnit.SECONDS))
			.toArray();
	}

	private ConfigurableApplicationContext start(Map<String, String> properties) {
		// As arguments: they win over this module's test application.properties.
		Map<String, String> arguments = new LinkedHashMap<>();
		arguments.put("spring.application.name", "tracing-test");
		arguments.put("server.port", "0");
		arguments.put("server.address", "127.0.0.1");
		arguments.put("coastline.security.jwt.jwk-set-uri", "http://127.0.0.1:9/jwks.json");
		arguments.put("coastline.security.jwt.issuer", "https://identity.test.coastline");
		arguments.put("coastline.security.jwt.audience", "coastline");
		arguments.put("coastline.security.public-paths", "/traced/**");
		arguments.put("downstream.url", "http://127.0.0.1:" + this.downstream.getAddress().getPort() + "/downstream");
		// Send a batch a moment after the spans end instead of every 5 s.
		arguments.put("management.opentelemetry.tracing.export.schedule-delay", "100ms");
		arguments.putAll(properties);
		return new SpringApplicationBuilder(TracedService.class)
			.run(arguments.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	private String get(String path) {
		return get(path, null);
	}

	private String get(String path, String traceparent) {
		int port = ((WebServerApplicationContext) this.application).getWebServer().getPort();
		return RestClient.create()
			.get()
			.uri("http://127.0.0.1:" + port + path)
			.headers((headers) -> {
				if (traceparent != null) {
					headers.set("traceparent", traceparent);
				}
			})
			.retrieve()
			.body(String.class);
	}

	private static HttpServer server() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.start();
		return server;
	}

	private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
			throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
		if (body.length > 0) {
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private record Export(String method, String contentType, byte[] body) {
	}

	/** A service without a database: the request's span, and the span of its call to another service. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(excludeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
			"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
	@Import(PingController.class)
	static class TracedService {

	}

	@RestController
	static class PingController {

		private static final Log logger = LogFactory.getLog(PingController.class);

		private final RestClient client;

		private final String downstreamUrl;

		PingController(RestClient.Builder builder, org.springframework.core.env.Environment environment) {
			this.client = builder.build();
			this.downstreamUrl = environment.getRequiredProperty("downstream.url");
		}

		@GetMapping("/traced/ping")
		String ping() {
			logger.info("calling downstream");
			return this.client.get().uri(this.downstreamUrl).retrieve().body(String.class);
		}
	}
}
