package com.coastline.project.estimate.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import com.coastline.project.estimate.ApprovalEvidence;
import com.coastline.project.estimate.ApprovedVersion;
import com.coastline.project.estimate.Currencies;
import com.coastline.project.estimate.Estimate;
import com.coastline.project.estimate.EstimateLineItem;
import com.coastline.project.estimate.EstimateVersion;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The approval evidence of a version as a PDF (OpenPDF): the line items and totals approved, and who
 * approved them, when, from which IP address and user agent, with the SHA-256 of the canonical content.
 * Text uses the standard Helvetica font (no font files to ship).
 */
final class EvidencePdf {

	private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);

	private static final Font HEADING = new Font(Font.HELVETICA, 11, Font.BOLD);

	private static final Font BODY = new Font(Font.HELVETICA, 9);

	private static final Font BODY_BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);

	private static final Font MONO = new Font(Font.COURIER, 8);

	private EvidencePdf() {
	}

	/** The PDF as a download named after the estimate and version. */
	static ResponseEntity<byte[]> download(ApprovedVersion approved) {
		String filename = "estimate-" + approved.estimateId() + "-v" + approved.version().getNumber() + "-approval.pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(render(approved));
	}

	static byte[] render(ApprovedVersion approved) {
		Estimate estimate = approved.estimate();
		EstimateVersion version = approved.version();
		ApprovalEvidence evidence = approved.evidence();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 40, 40, 40, 40);
		PdfWriter.getInstance(document, out);
		document.addTitle("Estimate approval evidence");
		document.open();

		document.add(new Paragraph("Estimate approval evidence", TITLE));
		document.add(new Paragraph(version.getTitle() + " (version " + version.getNumber() + ")", HEADING));
		document.add(new Paragraph("Estimate " + estimate.getId() + ", project " + estimate.getProjectId(), BODY));
		if (version.getValidUntil() != null) {
			document.add(new Paragraph("Valid until " + version.getValidUntil(), BODY));
		}
		if (version.getNotes() != null) {
			document.add(new Paragraph(version.getNotes(), BODY));
		}
		document.add(new Paragraph(" "));

		PdfPTable lines = new PdfPTable(new float[] { 5, 1.3f, 1.8f, 1.1f, 1.8f, 1.6f, 1.8f });
		lines.setWidthPercentage(100);
		lines.setHeaderRows(1);
		lines.addCell(cell("Description", BODY_BOLD, Element.ALIGN_LEFT, true));
		for (String heading : new String[] { "Quantity", "Unit price", "Tax rate", "Net", "Tax", "Total" }) {
			lines.addCell(cell(heading, BODY_BOLD, Element.ALIGN_RIGHT, true));
		}
		String currency = estimate.getCurrency();
		for (EstimateLineItem item : version.getLineItems()) {
			lines.addCell(cell(item.getDescription(), BODY, Element.ALIGN_LEFT, false));
			lines.addCell(cell(BigDecimal.valueOf(item.getQuantityThousandths(), 3).stripTrailingZeros().toPlainString(),
					BODY, Element.ALIGN_RIGHT, false));
			lines.addCell(cell(money(item.getUnitPriceMinor(), currency), BODY, Element.ALIGN_RIGHT, false));
			lines.addCell(cell(BigDecimal.valueOf(item.getTaxRateBasisPoints(), 2).stripTrailingZeros().toPlainString()
					+ " %", BODY, Element.ALIGN_RIGHT, false));
			lines.addCell(cell(money(item.getNetMinor(), currency), BODY, Element.ALIGN_RIGHT, false));
			lines.addCell(cell(money(item.getTaxMinor(), currency), BODY, Element.ALIGN_RIGHT, false));
			lines.addCell(cell(money(item.getTotalMinor(), currency), BODY, Element.ALIGN_RIGHT, false));
		}
		document.add(lines);

		PdfPTable totals = new PdfPTable(new float[] { 3, 1 });
		totals.setWidthPercentage(50);
		totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
		totals.setSpacingBefore(6);
		addRow(totals, "Subtotal", money(version.getSubtotalMinor(), currency), BODY);
		addRow(totals, "Tax", money(version.getTaxMinor(), currency), BODY);
		addRow(totals, "Total", money(version.getTotalMinor(), currency), BODY_BOLD);
		document.add(totals);

		document.add(new Paragraph(" "));
		document.add(new Paragraph("Approval", HEADING));
		PdfPTable signer = new PdfPTable(new float[] { 1.5f, 5 });
		signer.setWidthPercentage(100);
		signer.setSpacingBefore(4);
		addRow(signer, "Signed by (typed name)", evidence.getSignedName(), BODY);
		addRow(signer, "Contact", evidence.getSignerContactId().toString(), BODY);
		addRow(signer, "Approved at (UTC)", DateTimeFormatter.ISO_INSTANT.format(evidence.getApprovedAt()), BODY);
		addRow(signer, "IP address", evidence.getSignerIp(), BODY);
		addRow(signer, "User agent", (evidence.getSignerUserAgent() != null) ? evidence.getSignerUserAgent() : "(none)",
				BODY);
		addRow(signer, "Content SHA-256", evidence.getContentSha256(), MONO);
		document.add(signer);
		document.add(new Paragraph("The SHA-256 is computed over the UTF-8 bytes of the version's canonical JSON "
				+ "(RFC 8785 form: sorted keys, integers only, amounts in minor units, quantities in thousandths, "
				+ "tax rates in basis points), as described in project-service's documentation.", BODY));
		document.close();
		return out.toByteArray();
	}

	private static void addRow(PdfPTable table, String label, String value, Font valueFont) {
		table.addCell(cell(label, BODY_BOLD, Element.ALIGN_LEFT, false));
		table.addCell(cell(value, valueFont, Element.ALIGN_LEFT, false));
	}

	private static PdfPCell cell(String text, Font font, int alignment, boolean header) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setHorizontalAlignment(alignment);
		cell.setPadding(4);
		if (header) {
			cell.setBackgroundColor(new Color(235, 235, 235));
		}
		return cell;
	}

	/** Minor units shown in major units with the currency's digits, e.g. 1284150 USD as "12841.50 USD". */
	static String money(long minor, String currency) {
		return BigDecimal.valueOf(minor, Currencies.fractionDigits(currency)).toPlainString() + " " + currency;
	}
}
