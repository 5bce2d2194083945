package com.coastline.deploy.checks;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image definition, read as text (no Docker engine to build it here): Spring Boot's layered
 * extraction with the launcher, a Java 25 JRE, a numeric non-root user, a health check on the readiness
 * group of the management port, and the launcher as entry point; every module it is built for exists.
 */
class DockerfileTest {

	private static final String DOCKERFILE = Repository.read(Repository.ROOT.resolve("deploy/docker/Dockerfile"));

	@Test
	void layeredJarOnAJava25JreAsANonRootUser() {
		assertThat(DOCKERFILE).contains("ARG JRE_IMAGE=eclipse-temurin:25-jre")
			.contains("java -Djarmode=tools -jar application.jar extract --layers --launcher")
			.contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
		// The layers in Spring Boot's order: what changes least first.
		List<String> layers = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
		int previous = -1;
		for (String layer : layers) {
			int at = DOCKERFILE.indexOf("COPY --from=layers /build/extracted/" + layer + "/");
			assertThat(at).as(layer).isGreaterThan(previous);
			previous = at;
		}
		Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(DOCKERFILE);
		assertThat(user.find()).as("a numeric USER").isTrue();
		assertThat(Integer.parseInt(user.group(1))).isPositive();
		assertThat(DOCKERFILE).containsPattern("HEALTHCHECK [^\\n]*(\\\\\\n[^\\n]*)*"
				+ "http://127\\.0\\.0\\.1:\\$\\{MANAGEMENT_PORT}/actuator/health/readiness");
	}

	@Test
	void everyServiceModuleExistsWithItsJarWhereTheDockerfileLooks() {
		for (String service : Repository.SERVICES) {
			assertThat(Repository.ROOT.resolve(Repository.module(service)).resolve("pom.xml")).exists();
			String pom = Repository.read(Repository.ROOT.resolve(Repository.module(service)).resolve("pom.xml"));
			assertThat(pom).as(service).contains("spring-boot-maven-plugin").contains("<version>0.1.0-SNAPSHOT</version>");
		}
		String ignore = Repository.read(Repository.ROOT.resolve("deploy/docker/Dockerfile.dockerignore"));
		assertThat(ignore).contains("!*/*-app/target/*-0.1.0-SNAPSHOT.jar");
		assertThat(DOCKERFILE).contains("COPY ${MODULE}/target/*-0.1.0-SNAPSHOT.jar application.jar");
		assertThat(Files.isExecutable(Repository.ROOT.resolve("deploy/docker/build-images"))).isTrue();
	}
}
