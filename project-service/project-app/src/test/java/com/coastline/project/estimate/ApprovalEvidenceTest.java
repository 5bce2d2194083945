package com.coastline.project.estimate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.BackOffice;
import com.coastline.project.ProjectServiceTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.project.BackOffice.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The approval evidence: what was approved stays provable, whatever happens to the estimate later. */
@ProjectServiceTest
class ApprovalEvidenceTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	Estimating estimating;

	UUID estimate;

	@BeforeEach
	void givenAnApprovedEstimate() {
		this.estimating = new Estimating(this.mvc);
		MvcTestResult created = this.estimating.createDraft(json("currency", "EUR", "title", "Dachsanierung “Süd”",
				"notes", "Line one\nLine \"two\"\ttabbed \\ slashed", "lineItems", Estimating.LINES));
		this.estimate = BackOffice.id(created);
		assertThat(this.estimating.send(this.estimate)).hasStatusOk();
		assertThat(this.estimating.approve(this.estimate, 1)).hasStatusOk();
	}

	@Test
	void theHashIsTheSha256OfTheVersionsCanonicalJsonRecomputedFromWhatIsStored() throws Exception {
		MvcTestResult stored = this.estimating.read(this.estimate);
		Map<String, Object> version = JsonPath.read(stored.getResponse().getContentAsString(), "$.versions[0]");

		String canonical = canonicalJsonAsDocumented(stored, version);

		String recomputed = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		assertThat(recomputed).isEqualTo(JsonPath.read(stored.getResponse().getContentAsString(),
				"$.versions[0].approval.contentSha256"));
		assertThat(canonical).contains("\"notes\":\"Line one\\nLine \\\"two\\\"\\ttabbed \\\\ slashed\"")
			.contains("\"title\":\"Dachsanierung “Süd”\"");
	}

	@Test
	void aLaterRevisionIsANewVersionAndLeavesTheApprovedOneAndItsEvidenceAsTheyWere() throws Exception {
		String approvedBefore = JSON.writeValueAsString(
				JsonPath.read(this.estimating.read(this.estimate).getResponse().getContentAsString(), "$.versions[0]"));

		MvcTestResult revised = this.estimating.revise(this.estimate, "Change order: gutters");

		assertThat(revised).hasStatusOk().bodyJson().extractingPath("$.currentVersion").isEqualTo(2);
		assertThat(revised).bodyJson().extractingPath("$.versions[1].status").isEqualTo("DRAFT");
		String approvedAfter = JSON.writeValueAsString(
				JsonPath.read(this.estimating.read(this.estimate).getResponse().getContentAsString(), "$.versions[0]"));
		assertThat(approvedAfter).isEqualTo(approvedBefore);
		assertThat(this.estimating.clientGet("/portal/estimates/" + this.estimate)).bodyJson()
			.extractingPath("$.version.number")
			.isEqualTo(1);
		MvcTestResult verification = this.estimating.backOffice
			.get("/api/estimates/" + this.estimate + "/versions/1/evidence/verification");
		assertThat(verification).hasStatusOk().bodyJson().extractingPath("$.intact").isEqualTo(true);
		assertThat(BackOffice.<String>read(verification, "$.recomputedSha256"))
			.isEqualTo(BackOffice.read(verification, "$.contentSha256"));
	}

	@Test
	void theDatabaseRefusesToChangeAnApprovedVersionOrItsLines() {
		assertThatThrownBy(() -> this.jdbc.update(
				"update estimate_version set total_minor = 1 where estimate_id = ? and version_number = 1", this.estimate))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("approved");
		assertThatThrownBy(() -> this.jdbc.update("update estimate_line_item set unit_price_minor = 1 where version_id = "
				+ "(select id from estimate_version where estimate_id = ? and version_number = 1)", this.estimate))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("approved");
		assertThatThrownBy(() -> this.jdbc.update("delete from estimate_line_item where version_id = "
				+ "(select id from estimate_version where estimate_id = ? and version_number = 1)", this.estimate))
			.isInstanceOf(DataAccessException.class);
	}

	@Test
	void verificationShowsAVersionChangedBehindTheApplicationsBack() {
		// Triggers off for this one connection only, as an attacker with database access could do.
		this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			try (var statement = connection.createStatement()) {
				statement.execute("set session_replication_role = replica");
				statement.execute("update estimate_line_item set unit_price_minor = 1 where version_id = (select id from "
						+ "estimate_version where estimate_id = '" + this.estimate + "' and version_number = 1)"
						+ " and line_number = 2");
				statement.execute("set session_replication_role = origin");
			}
			return null;
		});

		MvcTestResult verification = this.estimating.backOffice
			.get("/api/estimates/" + this.estimate + "/versions/1/evidence/verification");

		assertThat(verification).hasStatusOk().bodyJson().extractingPath("$.intact").isEqualTo(false);
		assertThat(BackOffice.<String>read(verification, "$.recomputedSha256"))
			.isNotEqualTo(BackOffice.read(verification, "$.contentSha256"));
	}

	@Test
	void theEvidencePdfListsTheLinesTotalsSignerAndHash() throws Exception {
		String hash = BackOffice.read(this.estimating.read(this.estimate), "$.versions[0].approval.contentSha256");

		for (MvcTestResult pdf : List.of(
				this.estimating.backOffice.get("/api/estimates/" + this.estimate + "/versions/1/evidence.pdf"),
				this.estimating.clientGet("/portal/estimates/" + this.estimate + "/versions/1/evidence.pdf"))) {
			assertThat(pdf).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_PDF);
			assertThat(pdf.getResponse().getHeader("Content-Disposition")).contains("attachment")
				.contains("-v1-approval.pdf");
			String text = text(pdf.getResponse().getContentAsByteArray());
			assertThat(text).contains("Remove old shingles", "Cedar shingles, per bundle", "Nails")
				.contains("65.39 EUR", "64.98 EUR", "0.41 EUR")
				.contains("Dana Reyes", this.estimating.contact.toString(), "203.0.113.7", "Mozilla/5.0 (iPhone")
				.contains(hash);
		}
	}

	@Test
	void onlyApprovedVersionsHaveEvidence() {
		assertThat(this.estimating.revise(this.estimate, "Change order")).hasStatusOk();

		assertProblem(this.estimating.backOffice.get("/api/estimates/" + this.estimate + "/versions/2/evidence"),
				ProblemType.NOT_FOUND);
		assertProblem(this.estimating.backOffice.get("/api/estimates/" + this.estimate + "/versions/2/evidence.pdf"),
				ProblemType.NOT_FOUND);
		assertProblem(this.estimating.backOffice.get("/api/estimates/" + this.estimate + "/versions/3/evidence"),
				ProblemType.NOT_FOUND);
		assertProblem(this.estimating.clientGet("/portal/estimates/" + this.estimate + "/versions/2/evidence.pdf"),
				ProblemType.NOT_FOUND);
		assertThat(this.estimating.backOffice.get("/api/estimates/" + this.estimate + "/versions/1/evidence"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.signedName")
			.isEqualTo("Dana Reyes");
	}

	/**
	 * The canonical form as project-app's README documents it, written independently of the service's
	 * code: the members below, keys sorted, no whitespace, integers only, UTF-8.
	 */
	private String canonicalJsonAsDocumented(MvcTestResult stored, Map<String, Object> version) throws Exception {
		String body = stored.getResponse().getContentAsString();
		Map<String, Object> content = new TreeMap<>();
		content.put("currency", JsonPath.read(body, "$.currency"));
		content.put("estimateId", JsonPath.read(body, "$.id"));
		content.put("projectId", JsonPath.read(body, "$.projectId"));
		content.put("workspaceId", this.estimating.backOffice.workspace().toString());
		content.put("versionNumber", version.get("number"));
		content.put("title", version.get("title"));
		content.put("notes", version.get("notes"));
		content.put("validUntil", version.get("validUntil"));
		content.put("subtotalMinor", version.get("subtotalMinor"));
		content.put("taxMinor", version.get("taxMinor"));
		content.put("totalMinor", version.get("totalMinor"));
		List<Map<String, Object>> lines = JsonPath.read(body, "$.versions[0].lineItems");
		content.put("lineItems", lines.stream().map(line -> {
			Map<String, Object> canonical = new TreeMap<>();
			canonical.put("description", line.get("description"));
			canonical.put("lineNumber", line.get("lineNumber"));
			canonical.put("netMinor", line.get("netMinor"));
			canonical.put("quantityThousandths",
					new java.math.BigDecimal(line.get("quantity").toString()).movePointRight(3).longValueExact());
			canonical.put("taxMinor", line.get("taxMinor"));
			canonical.put("taxRateBasisPoints", line.get("taxRateBasisPoints"));
			canonical.put("totalMinor", line.get("totalMinor"));
			canonical.put("unitPriceMinor", line.get("unitPriceMinor"));
			return canonical;
		}).toList());
		return JSON.writeValueAsString(content);
	}

	private static String text(byte[] pdf) throws Exception {
		try (PdfReader reader = new PdfReader(pdf)) {
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			StringBuilder text = new StringBuilder();
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.append(extractor.getTextFromPage(page)).append('\n');
			}
			return text.toString();
		}
	}
}
