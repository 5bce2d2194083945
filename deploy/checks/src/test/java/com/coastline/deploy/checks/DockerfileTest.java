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

	/**
	 * The demo seeder's image: the services' JRE, a numeric non-root user, the launcher jar with the libraries
	 * its dockerignore lets through, SeedDemo as entry point; the image script builds it.
	 */
	@Test
	void demoSeederOnTheSameJreWithTheLauncherJar() {
		String seed = Repository.read(Repository.ROOT.resolve("deploy/docker/Dockerfile.seed"));
		Matcher jre = Pattern.compile("(?m)^ARG JRE_IMAGE=(\\S+)$").matcher(DOCKERFILE);
		assertThat(jre.find()).isTrue();
		assertThat(seed).contains("ARG JRE_IMAGE=" + jre.group(1) + "\n")
			.contains("COPY deploy/local/target/lib/ lib/")
			.contains("COPY deploy/local/target/local-launcher.jar local-launcher.jar")
			.contains("ENTRYPOINT [\"java\", \"-cp\", \"local-launcher.jar\", \"com.coastline.local.SeedDemo\"]")
			.containsPattern("(?m)^USER [1-9]\\d*:\\d+$");
		assertThat(Repository.ROOT.resolve("deploy/local/src/main/java/com/coastline/local/SeedDemo.java")).exists();
		assertThat(Repository.read(Repository.ROOT.resolve("deploy/local/pom.xml")))
			.contains("<finalName>local-launcher</finalName>")
			.contains("<outputDirectory>${project.build.directory}/lib</outputDirectory>");
		String ignore = Repository.read(Repository.ROOT.resolve("deploy/docker/Dockerfile.seed.dockerignore"));
		assertThat(ignore).startsWith("#").contains("\n*\n").contains("!deploy/local/target/local-launcher.jar\n")
			.contains("!deploy/local/target/lib/jackson-databind-3.");
		assertThat(Repository.read(Repository.ROOT.resolve("deploy/docker/build-images")))
			.contains("deploy/local\" -am package -DskipTests")
			.contains("docker build -f deploy/docker/Dockerfile.seed -t \"coastline/demo-seed:$tag\" .");
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
