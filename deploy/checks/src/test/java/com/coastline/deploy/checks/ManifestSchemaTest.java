package com.coastline.deploy.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered overlays validated against the Kubernetes JSON schemas of npm's {@code kubernetes-models}
 * ({@code src/test/node/validate-manifests.mjs}), offline. The node project is copied to
 * {@code target/node} and installed there with {@code npm ci} from the committed lock file.
 */
class ManifestSchemaTest {

	private static final Path NODE = Path.of("target/node").toAbsolutePath();

	@BeforeAll
	static void installValidator() throws IOException {
		Files.createDirectories(NODE);
		for (String file : new String[] { "package.json", "package-lock.json", "validate-manifests.mjs" }) {
			Files.copy(Path.of("src/test/node", file), NODE.resolve(file), StandardCopyOption.REPLACE_EXISTING);
		}
		if (!Files.isDirectory(NODE.resolve("node_modules/kubernetes-models"))) {
			Repository.Result install = Repository.run(Duration.ofMinutes(3), NODE, "npm", "ci", "--no-audit",
					"--no-fund", "--loglevel=error");
			assertThat(install.exitCode()).as("npm ci in target/node:\n" + install.output()).isZero();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void renderedManifestsMatchTheKubernetesSchemas(String overlay) throws IOException {
		Path manifests = NODE.resolve(overlay + ".yaml");
		Files.writeString(manifests, Repository.renderText(overlay));
		Repository.Result result = validate(manifests);
		assertThat(result.exitCode()).as(result.output()).isZero();
		// Everything but the KafkaTopics (ConsumerPartitionsTest checks those) was validated.
		long validated = result.output().lines().filter(l -> l.startsWith("ok ")).count();
		long documents = Repository.render(overlay).size();
		long topics = Repository.all(Repository.render(overlay), "KafkaTopic").size();
		assertThat(validated).isEqualTo(documents - topics);
		assertThat(result.output()).contains("ok apps/v1/Deployment portal-service",
				"ok autoscaling/v2/HorizontalPodAutoscaler notification-service");
	}

	/** The validator does reject what the schemas forbid (so a green run means something). */
	@Test
	void validatorRejectsAnInvalidManifest() throws IOException {
		Path manifests = NODE.resolve("invalid.yaml");
		Files.writeString(manifests, """
				apiVersion: autoscaling/v2
				kind: HorizontalPodAutoscaler
				metadata: { name: broken }
				spec: { minReplicas: "two", maxReplicas: 3 }
				""");
		Repository.Result result = validate(manifests);
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).contains("invalid autoscaling/v2/HorizontalPodAutoscaler broken",
				"scaleTargetRef", "minReplicas");
	}

	private static Repository.Result validate(Path manifests) {
		return Repository.run(Duration.ofSeconds(60), NODE, "node", "validate-manifests.mjs", manifests.toString());
	}
}
