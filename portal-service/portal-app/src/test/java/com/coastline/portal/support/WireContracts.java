package com.coastline.portal.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Validates a payload exactly as it went over the wire against the committed JSON Schema of its type. */
public final class WireContracts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private WireContracts() {
	}

	public static void assertValid(String payload, String cloudEventType) {
		String resource = "schemas/" + cloudEventType + ".json";
		try (InputStream in = WireContracts.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			JsonNode schema = JSON.readTree(in);
			assertThat(SCHEMAS.getSchema(schema).validate(JSON.readTree(payload))).as("%s against %s", payload, resource)
				.isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
