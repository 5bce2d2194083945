package com.coastline.deploy.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.coastline.deploy.checks.Repository.all;
import static com.coastline.deploy.checks.Repository.find;
import static com.coastline.deploy.checks.Repository.path;
import static com.coastline.deploy.checks.Repository.render;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service must have in both overlays, read from {@code kubectl kustomize}'s output: a
 * Deployment (probes on the Actuator health groups on the management port, graceful shutdown, non-root,
 * read-only root filesystem, resources), a Service, a HorizontalPodAutoscaler and a PodDisruptionBudget
 * aimed at it, and no secret value anywhere.
 */
class KubernetesManifestsTest {

	/** Names of settings that hold secrets (ids of keys, {@code *_ID}, are not secret). */
	private static final Pattern SECRET_NAME = Pattern.compile("(SECRET|PASSWORD|PEPPER|TOKEN|CREDENTIAL|_KEY$)");

	static Stream<Arguments> overlayAndService() {
		return Repository.OVERLAYS.stream()
			.flatMap(overlay -> Repository.SERVICES.stream().map(service -> Arguments.of(overlay, service)));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("overlayAndService")
	void everyServiceHasADeploymentServiceAutoscalerAndDisruptionBudget(String overlay, String service) {
		List<Map<String, Object>> manifests = render(overlay);
		Map<String, Object> deployment = find(manifests, "Deployment", service);
		Map<String, String> podLabels = path(deployment, "spec.template.metadata.labels");
		assertThat(podLabels).containsAllEntriesOf(path(deployment, "spec.selector.matchLabels"));

		Map<String, Object> svc = find(manifests, "Service", service);
		assertThat(podLabels).containsAllEntriesOf(path(svc, "spec.selector"));
		List<Map<String, Object>> ports = path(svc, "spec.ports");
		assertThat(ports).extracting(p -> p.get("targetPort")).contains("http", "management");

		Map<String, Object> hpa = find(manifests, "HorizontalPodAutoscaler", service);
		assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
		assertThat((String) path(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
		assertThat((String) path(hpa, "spec.scaleTargetRef.name")).isEqualTo(service);
		int min = path(hpa, "spec.minReplicas");
		int max = path(hpa, "spec.maxReplicas");
		assertThat(min).isPositive().isLessThanOrEqualTo(max);
		assertThat((Object) path(deployment, "spec.replicas")).as("the HPA owns the replica count").isNull();

		Map<String, Object> pdb = find(manifests, "PodDisruptionBudget", service);
		assertThat(podLabels).containsAllEntriesOf(path(pdb, "spec.selector.matchLabels"));
		assertThat((Object) path(pdb, "spec.maxUnavailable")).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("overlayAndService")
	void probesGracefulShutdownAndResources(String overlay, String service) {
		Map<String, Object> deployment = find(render(overlay), "Deployment", service);
		Map<String, Object> container = container(deployment);
		List<Map<String, Object>> ports = path(container, "ports");
		assertThat(ports).anySatisfy(p -> assertThat(p).containsEntry("name", "management"));
		assertThat(ports).anySatisfy(p -> assertThat(p).containsEntry("name", "http"));
		int http = ports.stream().filter(p -> "http".equals(p.get("name"))).map(p -> (Integer) p.get("containerPort")).findFirst().orElseThrow();
		int management = ports.stream().filter(p -> "management".equals(p.get("name"))).map(p -> (Integer) p.get("containerPort")).findFirst().orElseThrow();
		assertThat(management).isEqualTo(http + 1000);

		assertProbe(container, "startupProbe", "/actuator/health/liveness");
		assertProbe(container, "livenessProbe", "/actuator/health/liveness");
		assertProbe(container, "readinessProbe", "/actuator/health/readiness");

		// preStop sleep, then Spring's graceful shutdown phase, all within the grace period.
		List<String> preStop = path(container, "lifecycle.preStop.exec.command");
		assertThat(preStop).first().isEqualTo("sleep");
		int sleep = Integer.parseInt(preStop.get(1));
		Map<String, Object> config = find(render(overlay), "ConfigMap", "coastline-config");
		assertThat((String) path(config, "data.SERVER_SHUTDOWN")).isEqualTo("graceful");
		String phase = path(config, "data.SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE");
		int shutdown = Integer.parseInt(phase.replace("s", ""));
		int grace = path(deployment, "spec.template.spec.terminationGracePeriodSeconds");
		assertThat(grace).isGreaterThan(sleep + shutdown);

		assertThat((String) path(container, "resources.requests.cpu")).isNotBlank();
		assertThat((String) path(container, "resources.requests.memory")).isNotBlank();
		assertThat((String) path(container, "resources.limits.memory")).isNotBlank();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("overlayAndService")
	void runsAsNonRootOnAReadOnlyRootFilesystem(String overlay, String service) {
		Map<String, Object> deployment = find(render(overlay), "Deployment", service);
		Map<String, Object> pod = path(deployment, "spec.template.spec");
		Map<String, Object> container = container(deployment);
		assertThat((Object) path(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
		assertThat((Object) path(container, "securityContext.runAsNonRoot")).isEqualTo(true);
		assertThat((Object) path(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
		assertThat((Object) path(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
		assertThat((List<String>) path(container, "securityContext.capabilities.drop")).containsExactly("ALL");
		assertThat((Object) path(pod, "automountServiceAccountToken")).isEqualTo(false);
		// The only writable place: /tmp (uploads, Tomcat's work dir) on an emptyDir.
		List<Map<String, Object>> mounts = path(container, "volumeMounts");
		String volume = mounts.stream().filter(m -> "/tmp".equals(m.get("mountPath"))).map(m -> (String) m.get("name"))
			.findFirst().orElseThrow(() -> new AssertionError(service + " mounts nothing on /tmp"));
		List<Map<String, Object>> volumes = path(pod, "volumes");
		assertThat(volumes).anySatisfy(v -> {
			assertThat(v.get("name")).isEqualTo(volume);
			assertThat(v).containsKey("emptyDir");
		});
	}

	/**
	 * Every secret a service's application.yml reads from the environment (where it has a local default)
	 * comes from a Secret, so the local default is never what runs; and no literal secret value sits in
	 * an env entry or a ConfigMap.
	 */
	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("overlayAndService")
	void secretsComeFromSecretsOnly(String overlay, String service) {
		List<Map<String, Object>> manifests = render(overlay);
		Map<String, Object> container = container(find(manifests, "Deployment", service));
		List<Map<String, Object>> env = path(container, "env");
		List<String> fromSecrets = new ArrayList<>();
		for (Map<String, Object> variable : env) {
			String name = (String) variable.get("name");
			if (path(variable, "valueFrom.secretKeyRef.name") != null) {
				fromSecrets.add(name);
			}
			else if (isSecretName(name)) {
				throw new AssertionError(service + " sets " + name + " without a secretKeyRef");
			}
		}
		List<String> secretsRead = Repository.environmentVariables(service).stream().filter(this::isSecretName).toList();
		assertThat(secretsRead).isNotEmpty();
		assertThat(fromSecrets).containsAll(secretsRead);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void noSecretValuesInTheRepository(String overlay) {
		List<Map<String, Object>> manifests = render(overlay);
		assertThat(all(manifests, "Secret")).as("Secrets are created in the cluster, never kept here").isEmpty();
		for (Map<String, Object> configMap : all(manifests, "ConfigMap")) {
			Map<String, Object> data = path(configMap, "data");
			if (data != null) {
				assertThat(data.keySet()).noneMatch(this::isSecretName);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void portalBehindTheIngressAndMediaOnS3(String overlay) {
		List<Map<String, Object>> manifests = render(overlay);
		Map<String, Object> ingress = find(manifests, "Ingress", "coastline");
		List<Map<String, Object>> rules = path(ingress, "spec.rules");
		List<String> backends = rules.stream()
			.flatMap(rule -> ((List<Map<String, Object>>) path(rule, "http.paths")).stream())
			.map(p -> (String) path(p, "backend.service.name"))
			.toList();
		assertThat(backends).contains("portal-service", "backoffice-gateway");
		// Only the portal, the staff back office (its gateway) and project-service's payment webhook are public;
		// Actuator never is.
		assertThat(backends).isSubsetOf("portal-service", "backoffice-gateway", "project-service");
		assertThat(rules.toString()).doesNotContain("management");

		Map<String, Object> media = find(manifests, "ConfigMap", "media-service-config");
		assertThat((String) path(media, "data.MEDIA_STORAGE")).isEqualTo("s3");
		assertThat((String) path(media, "data.MEDIA_S3_BUCKET")).isNotBlank();
		Map<String, Object> mediaContainer = container(find(manifests, "Deployment", "media-service"));
		List<Map<String, Object>> env = path(mediaContainer, "env");
		assertThat(env).extracting(e -> e.get("name")).contains("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
	}

	private boolean isSecretName(String name) {
		return !name.endsWith("_ID") && SECRET_NAME.matcher(name).find();
	}

	private static void assertProbe(Map<String, Object> container, String probe, String path) {
		assertThat((String) path(container, probe + ".httpGet.path")).as(probe).isEqualTo(path);
		assertThat((Object) path(container, probe + ".httpGet.port")).as(probe).isEqualTo("management");
	}

	private static Map<String, Object> container(Map<String, Object> deployment) {
		List<Map<String, Object>> containers = path(deployment, "spec.template.spec.containers");
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}
}
