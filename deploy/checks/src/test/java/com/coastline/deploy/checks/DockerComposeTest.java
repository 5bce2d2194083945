package com.coastline.deploy.checks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static com.coastline.deploy.checks.Repository.path;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml is valid for Compose ({@code docker-compose config -q}, no daemon needed) and, as
 * Compose resolves it: every service built from deploy/docker/Dockerfile, with a health check on its
 * management port, started only once PostgreSQL and Kafka are healthy, on a database the init script
 * creates.
 */
class DockerComposeTest {

	@Test
	void composeFileIsValid() {
		Repository.Result result = compose("config", "-q");
		assertThat(result.exitCode()).as("docker-compose config -q:\n" + result.output()).isZero();
	}

	@Test
	void everyServiceIsBuiltHealthCheckedAndStartedInOrder() {
		Repository.Result result = compose("config");
		assertThat(result.exitCode()).as(result.output()).isZero();
		Map<String, Map<String, Object>> services = path(Repository.yamlDocuments(result.output()).get(0), "services");
		assertThat(services).containsKeys("postgres", "kafka", "mailpit");
		String init = Repository.read(Repository.ROOT.resolve("deploy/docker/postgres/init-databases.sql"));
		for (String name : Repository.SERVICES) {
			Map<String, Object> service = services.get(name);
			assertThat(service).as(name).isNotNull();
			assertThat((String) path(service, "build.dockerfile")).isEqualTo("deploy/docker/Dockerfile");
			assertThat((String) path(service, "build.args.MODULE")).isEqualTo(Repository.module(name));
			int port = Integer.parseInt(String.valueOf((Object) path(service, "build.args.PORT")));
			int management = Integer.parseInt(String.valueOf((Object) path(service, "build.args.MANAGEMENT_PORT")));
			assertThat(management).isEqualTo(port + 1000);
			List<String> test = path(service, "healthcheck.test");
			assertThat(String.join(" ", test)).contains("http://127.0.0.1:" + management + "/actuator/health/readiness");
			Map<String, Map<String, String>> dependsOn = path(service, "depends_on");
			assertThat(dependsOn).containsKeys("postgres", "kafka");
			dependsOn.values().forEach(d -> assertThat(d).containsEntry("condition", "service_healthy"));
			if (!name.equals("identity-service")) {
				assertThat(dependsOn).containsKey("identity-service");
			}
			Matcher database = Pattern.compile("/(\\w+_service)$").matcher((String) path(service, "environment.DATABASE_URL"));
			assertThat(database.find()).isTrue();
			assertThat(init).contains("create database " + database.group(1) + ";");
		}
		// The customer portal is the one service published on every interface (Compose prints the long syntax).
		List<Map<String, Object>> ports = path(services.get("portal-service"), "ports");
		assertThat(ports).anySatisfy(p -> {
			assertThat(p.get("published")).hasToString("8080");
			assertThat(p.get("target")).hasToString("8080");
		});
		assertThat((String) path(services.get("notification-service"), "environment.SMTP_HOST")).isEqualTo("mailpit");
	}

	private static Repository.Result compose(String... arguments) {
		String[] command = new String[arguments.length + 3];
		command[0] = "docker-compose";
		command[1] = "-f";
		command[2] = "docker-compose.yml";
		System.arraycopy(arguments, 0, command, 3, arguments.length);
		return Repository.run(Duration.ofSeconds(30), Repository.ROOT, command);
	}
}
