package com.coastline.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' public APIs as a client sees them: client-credentials tokens from identity, JSON calls
 * with a bearer token. Used by the seeder, the tests and anyone scripting the local stack.
 */
public final class Api {

	/** A response: status and JSON body (null when empty). */
	public record Response(int status, JsonNode body) {

		public JsonNode require(int expected) {
			if (status != expected) {
				throw new IllegalStateException("Expected " + expected + " but got " + status + ": " + body);
			}
			return body;
		}
	}

	/** A download: status, content type and the bytes as sent. */
	public record Download(int status, String contentType, byte[] body) {

		public byte[] require(int expected) {
			if (status != expected) {
				throw new IllegalStateException("Expected " + expected + " but got " + status + ": "
						+ new String(body, StandardCharsets.UTF_8));
			}
			return body;
		}
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String identityUrl;

	private final String clientId;

	private final String clientSecret;

	public Api(String identityUrl, String clientId, String clientSecret) {
		this.identityUrl = identityUrl;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	/**
	 * The local stack's admin client: its secret is {@code ADMIN_CLIENT_SECRET} from the environment, or the
	 * local default identity-service has too.
	 */
	public static Api admin(String identityUrl) {
		return admin(identityUrl, System.getenv().getOrDefault("ADMIN_CLIENT_SECRET", "local-admin-secret"));
	}

	/** The admin client with the secret identity-service was given for it ({@code ADMIN_CLIENT_SECRET}). */
	public static Api admin(String identityUrl, String clientSecret) {
		return new Api(identityUrl, "admin", clientSecret);
	}

	/**
	 * The portal gateway's client (its secret is the local default): with a {@link #token(String) token}
	 * of scope {@code gateway} it redeems links and swaps sessions for client tokens.
	 */
	public static Api portalGateway(String identityUrl) {
		return new Api(identityUrl, "portal-gateway",
				System.getenv().getOrDefault("PORTAL_GATEWAY_CLIENT_SECRET", "local-portal-gateway-secret"));
	}

	/** A token with the given scope and no workspace. */
	public String token(String scope) {
		return requestToken("grant_type=client_credentials&scope=" + query(scope));
	}

	/** A token without a workspace (creating workspaces). */
	public String token() {
		return requestToken("grant_type=client_credentials&scope=admin");
	}

	/** A token that acts on one workspace's back-office APIs. */
	public String token(UUID workspaceId) {
		return requestToken("grant_type=client_credentials&scope=admin&workspace_id=" + workspaceId);
	}

	public Response get(String url, String token) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
	}

	public Response post(String url, Object body, String token) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))), token);
	}

	public Response put(String url, Object body, String token) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))), token);
	}

	/**
	 * Uploads a file as the multipart part {@code file} (as a browser form would), e.g. a photo to
	 * media-service. The JSON answer is returned as for the other calls.
	 */
	public Response upload(String url, String fileName, String contentType, byte[] content, String token) {
		String boundary = "coastline-" + UUID.randomUUID();
		String head = "--" + boundary + "\r\n" + "Content-Disposition: form-data; name=\"file\"; filename=\""
				+ fileName.replace("\"", "%22").replace("\r", "").replace("\n", "") + "\"\r\n" + "Content-Type: "
				+ contentType + "\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head.getBytes(StandardCharsets.UTF_8), content,
					tail.getBytes(StandardCharsets.US_ASCII)))), token);
	}

	/** Downloads a file (a photo rendition, a document): the bytes as they are, not read as JSON. */
	public Download download(String url, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Call failed: GET " + url, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String query(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The elements of a list response, whether the list is the body or a field of it (a page). */
	public static List<JsonNode> items(JsonNode list) {
		if (list != null && list.isArray()) {
			List<JsonNode> items = new ArrayList<>();
			list.forEach(items::add);
			return items;
		}
		if (list != null) {
			for (JsonNode field : list) {
				if (field.isArray()) {
					return items(field);
				}
			}
		}
		return List.of();
	}

	public static Optional<JsonNode> first(JsonNode list) {
		return items(list).stream().findFirst();
	}

	private String requestToken(String form) {
		String basic = Base64.getEncoder()
			.encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(identityUrl + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		Response response = send(request);
		return response.require(200).get("access_token").asString();
	}

	private Response send(HttpRequest.Builder request, String token) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.timeout(Duration.ofSeconds(30)).build());
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			byte[] body = response.body();
			return new Response(response.statusCode(), body.length == 0 ? null : JSON.readTree(body));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Call failed: " + request.method() + " " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
