package com.coastline.platform.test.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract tests for the records of the {@code -api} jars against their committed JSON Schemas:
 * what a producer writes validates, what a consumer reads (the schema's examples) maps onto its
 * record, and a schema only ever changes additively against its released baseline.
 */
public final class ContractSchemas {

	/** Serialises like the services do (Jackson 3 defaults: ISO-8601 dates, enum names). */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private ContractSchemas() {
	}

	/** A producer's record, serialised, validates against the schema, and the schema names all its fields. */
	public static void assertConforms(Object record, String schemaResource) {
		JsonNode schemaNode = read(schemaResource);
		JsonNode json = JSON.valueToTree(record);
		List<Error> errors = SCHEMAS.getSchema(schemaNode).validate(json);
		assertThat(errors).as("%s against %s", record, schemaResource).isEmpty();
		Set<String> described = new HashSet<>();
		schemaNode.get("properties").propertyNames().forEach(described::add);
		Set<String> written = new HashSet<>();
		json.propertyNames().forEach(written::add);
		assertThat(described).as("properties of %s", schemaResource).isEqualTo(written);
	}

	/** Every example of the schema validates and is read by the consumer into the given type; returns them. */
	public static <T> List<T> examples(String schemaResource, Class<T> type) {
		JsonNode schemaNode = read(schemaResource);
		Schema schema = SCHEMAS.getSchema(schemaNode);
		JsonNode examples = schemaNode.get("examples");
		assertThat(examples).as("examples of %s", schemaResource).isNotNull();
		List<T> read = new ArrayList<>();
		for (JsonNode example : examples) {
			assertThat(schema.validate(example)).as("example %s", example).isEmpty();
			read.add(JSON.treeToValue(example, type));
		}
		assertThat(read).isNotEmpty();
		return read;
	}

	/**
	 * The schema is an additive change of its released baseline: every property of the baseline is
	 * still there with the same type (recursively), and nothing became required that was not.
	 */
	public static void assertAdditiveChangeOf(String baselineResource, String schemaResource) {
		List<String> breaks = new ArrayList<>();
		compare("$", read(baselineResource), read(schemaResource), breaks);
		assertThat(breaks).as("breaking changes of %s against %s", schemaResource, baselineResource).isEmpty();
	}

	private static void compare(String path, JsonNode baseline, JsonNode current, List<String> breaks) {
		if (!String.valueOf(baseline.get("type")).equals(String.valueOf(current.get("type")))) {
			breaks.add(path + ": type " + baseline.get("type") + " became " + current.get("type"));
			return;
		}
		Set<String> wasRequired = new HashSet<>();
		if (baseline.has("required")) {
			baseline.get("required").forEach(name -> wasRequired.add(name.asString()));
		}
		if (current.has("required")) {
			current.get("required").forEach(name -> {
				if (!wasRequired.contains(name.asString())) {
					breaks.add(path + "." + name.asString() + ": newly required");
				}
			});
		}
		if (baseline.has("properties")) {
			for (String name : baseline.get("properties").propertyNames()) {
				JsonNode now = current.has("properties") ? current.get("properties").get(name) : null;
				if (now == null) {
					breaks.add(path + "." + name + ": removed");
				}
				else {
					compare(path + "." + name, baseline.get("properties").get(name), now, breaks);
				}
			}
		}
		if (baseline.has("items") && current.has("items")) {
			compare(path + "[]", baseline.get("items"), current.get("items"), breaks);
		}
	}

	private static JsonNode read(String resource) {
		try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No schema on the class path: " + resource);
			}
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
