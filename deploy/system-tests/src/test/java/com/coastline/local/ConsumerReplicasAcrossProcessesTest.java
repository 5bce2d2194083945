package com.coastline.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of identity-, project-, media- and portal-service (each instance its own JVM on one database
 * and broker) share their consumer groups' partitions without double effects (issue 11):
 * <ol>
 * <li>each group has, for every topic its bindings consume, members on both instances (told apart by their
 * {@code client.id}), each holding some partitions and together all of them once;</li>
 * <li>a batch of real events over many keys (contacts and projects created, clients signed in with a link,
 * in six workspaces whose ids fall on all six partitions of {@code identity.events}) reaches both instances
 * of every group (their committed offsets move on); then the second instance of every service is killed
 * (SIGKILL) and the rest of the batch follows. Every event has exactly one effect, counted in the consumers'
 * databases with plain JDBC: identity's portal identities ({@code ContactUpserted}), project's sign-in
 * timeline entries ({@code ClientSignedIn}, appended, so a second handling would show), media's and
 * portal's project projections ({@code ProjectUpserted}) and portal's workspace names
 * ({@code WorkspaceCreated}); and the survivors hold all the partitions.</li>
 * </ol>
 * automation- and notification-service, the other two consumers, are proven with two instances each by
 * {@link AutomationDeliveryAcrossProcessesTest} (exactly one email per approval while instances leave and join).
 * This class runs last on {@link SharedStack#WHOLE_SYSTEM} (it kills instances), and releases the stack after.
 */
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsumerReplicasAcrossProcessesTest {

	/** Each service's group (its application name) and the topics its bindings consume (its application.yml). */
	private static final Map<Service, List<String>> TOPICS = new EnumMap<>(Map.of(Service.IDENTITY,
			List.of("project.events", "portal.events"), Service.PROJECT, List.of("identity.events"), Service.MEDIA,
			List.of("project.events"), Service.PORTAL, List.of("identity.events", "project.events")));

	/** The topic on which each group receives the batch, over keys on all partitions. */
	private static final Map<Service, String> BATCH_TOPIC = new EnumMap<>(Map.of(Service.IDENTITY, "project.events",
			Service.PROJECT, "identity.events", Service.MEDIA, "project.events", Service.PORTAL, "project.events"));

	private static final int CLIENTS_PER_WORKSPACE = 4;

	private static final Duration EFFECTS = Duration.ofMinutes(3);

	private static LocalStack stack;

	private static Api api;

	private static ConsumerGroups groups;

	@BeforeAll
	@Timeout(value = 15, unit = TimeUnit.MINUTES)
	static void startTwoInstancesOfEachService() {
		stack = SharedStack.WHOLE_SYSTEM.get();
		api = Api.admin(stack.url(Service.IDENTITY));
		groups = new ConsumerGroups(stack);
	}

	@AfterAll
	static void stop() {
		if (groups != null) {
			groups.close();
		}
		// Its second instances are dead: no later class may use this stack.
		SharedStack.release();
	}

	@Test
	@Order(1)
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void bothInstancesOfEveryServiceHoldPartitionsOfEachTopicItConsumes() {
		TOPICS.forEach((service, topics) -> System.out.printf("%s: %s%n", service.applicationName(),
				groups.awaitShared(service, topics)));
	}

	@Test
	@Order(2)
	@Timeout(value = 10, unit = TimeUnit.MINUTES)
	void aBatchOverManyKeysHasOneEffectPerEventAlsoWhenTheSecondInstancesAreKilledMidBatch() {
		Map<Service, Map<ServiceProcess, Set<Integer>>> assignments = new EnumMap<>(Service.class);
		Map<Service, Map<TopicPartition, Long>> before = new EnumMap<>(Service.class);
		TOPICS.forEach((service, topics) -> {
			assignments.put(service, groups.awaitShared(service, topics).get(BATCH_TOPIC.get(service)));
			before.put(service, groups.committedOffsets(service));
		});

		List<Workspace> workspaces = workspacesOnEveryPartitionOfIdentityEvents();
		List<Client> first = new ArrayList<>();
		List<Client> second = new ArrayList<>();
		for (int c = 0; c < CLIENTS_PER_WORKSPACE / 2; c++) {
			for (Workspace workspace : workspaces) {
				first.add(newClient(workspace));
			}
		}
		first.forEach(Client::signIn);
		await().atMost(EFFECTS).pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assignments.forEach((service, assignment) -> groups
				.assertEveryInstanceConsumed(service, BATCH_TOPIC.get(service), assignment, before.get(service))));

		for (Service service : TOPICS.keySet()) {
			stack.instances(service).get(1).kill();
		}
		for (int c = 0; c < CLIENTS_PER_WORKSPACE / 2; c++) {
			for (Workspace workspace : workspaces) {
				second.add(newClient(workspace));
			}
		}
		second.forEach(Client::signIn);

		List<UUID> ids = workspaces.stream().map(Workspace::id).toList();
		int clients = first.size() + second.size();
		await().atMost(EFFECTS).pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(effects(ids)).isEqualTo(expected(clients, ids.size())));
		// ...and nothing more arrives later (a record handled twice after the kill would show here).
		await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(effects(ids)).isEqualTo(expected(clients, ids.size())));
		for (Service service : TOPICS.keySet()) {
			Map<String, Map<ServiceProcess, Set<Integer>>> now = groups.assignments(service);
			for (String topic : TOPICS.get(service)) {
				assertThat(now.get(topic)).as("%s's partitions of %s", service.applicationName(), topic)
					.containsOnlyKeys(stack.service(service));
				assertThat(now.get(topic).get(stack.service(service))).hasSize(ConsumerGroups.PARTITIONS);
			}
		}
	}

	/** One effect per event: a client is one contact, one project and one sign-in. */
	private static Map<String, Integer> expected(int clients, int workspaces) {
		Map<String, Integer> expected = new LinkedHashMap<>();
		expected.put("identity: portal identities (ContactUpserted)", clients);
		expected.put("project: sign-in timeline entries (ClientSignedIn)", clients);
		expected.put("media: projects (ProjectUpserted)", clients);
		expected.put("portal: projects with their primary contact (ProjectUpserted)", clients);
		expected.put("portal: workspace names (WorkspaceCreated)", workspaces);
		return expected;
	}

	private static Map<String, Integer> effects(List<UUID> workspaces) {
		Map<String, Integer> effects = new LinkedHashMap<>();
		effects.put("identity: portal identities (ContactUpserted)", groups.count(Service.IDENTITY,
				"select count(*) from portal_identity where workspace_id = any(?)", workspaces));
		effects.put("project: sign-in timeline entries (ClientSignedIn)", groups.count(Service.PROJECT,
				"select count(*) from project_activity where kind = 'CLIENT_SIGNED_IN' and workspace_id = any(?)",
				workspaces));
		effects.put("media: projects (ProjectUpserted)", groups.count(Service.MEDIA,
				"select count(*) from project_access where workspace_id = any(?)", workspaces));
		effects.put("portal: projects with their primary contact (ProjectUpserted)", groups.count(Service.PORTAL,
				"select count(*) from project_contact where primary_contact_id is not null and workspace_id = any(?)",
				workspaces));
		effects.put("portal: workspace names (WorkspaceCreated)", groups.count(Service.PORTAL,
				"select count(*) from portal_profile where workspace_name is not null and workspace_id = any(?)",
				workspaces));
		return effects;
	}

	/**
	 * New workspaces until their ids (the key of every {@code identity.events} record) fall on each of the
	 * topic's partitions, one workspace per partition.
	 */
	private static List<Workspace> workspacesOnEveryPartitionOfIdentityEvents() {
		Map<Integer, UUID> byPartition = new HashMap<>();
		for (int attempt = 0; byPartition.size() < ConsumerGroups.PARTITIONS && attempt < 200; attempt++) {
			UUID id = UUID.fromString(api.post(stack.url(Service.IDENTITY) + "/api/workspaces",
					Map.of("name", "Replicas " + UUID.randomUUID(), "timeZone", "America/Chicago", "currency", "USD"),
					api.token()).require(201).get("id").asString());
			byPartition.putIfAbsent(ConsumerGroups.partition(id), id);
		}
		assertThat(byPartition).as("a workspace on every partition").hasSize(ConsumerGroups.PARTITIONS);
		return byPartition.values().stream().map(id -> new Workspace(id, api.token(id))).toList();
	}

	private static Client newClient(Workspace workspace) {
		String email = "replica-" + UUID.randomUUID() + "@example.com";
		UUID contact = UUID.fromString(api.post(stack.url(Service.PROJECT) + "/api/contacts",
				Map.of("firstName", "Robin", "lastName", "Achterberg", "email", email), workspace.token())
			.require(201)
			.get("id")
			.asString());
		UUID project = UUID.fromString(api.post(stack.url(Service.PROJECT) + "/api/projects",
				Map.of("name", "Deck " + UUID.randomUUID().toString().substring(0, 8), "primaryContactId", contact),
				workspace.token()).require(201).get("id").asString());
		return new Client(workspace, contact, project);
	}

	private record Workspace(UUID id, String token) {
	}

	private record Client(Workspace workspace, UUID contactId, UUID projectId) {

		/**
		 * Signs the client in once with a link the back office issues as soon as identity-service knows the
		 * contact (its {@code ContactUpserted} consumed; 404 until then), as the portal gateway redeems it.
		 */
		void signIn() {
			String links = stack.url(Service.IDENTITY) + "/api/contacts/" + contactId + "/links";
			Api.Response[] issued = new Api.Response[1];
			await().atMost(EFFECTS).pollInterval(Duration.ofMillis(250)).until(() -> {
				issued[0] = api.post(links, Map.of("projectId", projectId), workspace.token());
				return issued[0].status() != 404;
			});
			String token = issued[0].require(201).get("token").asString();
			String identity = stack.url(Service.IDENTITY);
			Api gateway = Api.portalGateway(identity);
			gateway.post(identity + "/internal/links/redeem",
					Map.of("token", token, "ip", "203.0.113.9", "userAgent", "coastline-replica-test"),
					gateway.token("gateway")).require(201);
		}
	}
}
