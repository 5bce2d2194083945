package com.coastline.project.invoice;

import java.util.UUID;

import com.coastline.project.estimate.EstimateContent;
import com.coastline.project.estimate.EstimateLineItem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/**
 * One line of an invoice, with its amounts as computed (and rounded) when it was written: by the
 * estimate's own line calculation ({@link EstimateContent.Line}), or copied from an approved estimate.
 */
@Entity
@Table(name = "invoice_line_item")
public class InvoiceLineItem {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, updatable = false)
	private int lineNumber;

	@Column(nullable = false, updatable = false, length = 500)
	private String description;

	@Column(nullable = false, updatable = false)
	private long quantityThousandths;

	@Column(nullable = false, updatable = false)
	private long unitPriceMinor;

	@Column(nullable = false, updatable = false)
	private int taxRateBasisPoints;

	@Column(nullable = false, updatable = false)
	private long netMinor;

	@Column(nullable = false, updatable = false)
	private long taxMinor;

	@Column(nullable = false, updatable = false)
	private long totalMinor;

	protected InvoiceLineItem() {
	}

	InvoiceLineItem(int lineNumber, EstimateContent.Line line) {
		this.lineNumber = lineNumber;
		this.description = line.description();
		this.quantityThousandths = line.quantityThousandths();
		this.unitPriceMinor = line.unitPriceMinor();
		this.taxRateBasisPoints = line.taxRateBasisPoints();
		this.netMinor = line.netMinor();
		this.taxMinor = line.taxMinor();
		this.totalMinor = Math.addExact(this.netMinor, this.taxMinor);
	}

	/** A copy of an approved estimate's line, amounts as they were approved. */
	InvoiceLineItem(EstimateLineItem approved) {
		this.lineNumber = approved.getLineNumber();
		this.description = approved.getDescription();
		this.quantityThousandths = approved.getQuantityThousandths();
		this.unitPriceMinor = approved.getUnitPriceMinor();
		this.taxRateBasisPoints = approved.getTaxRateBasisPoints();
		this.netMinor = approved.getNetMinor();
		this.taxMinor = approved.getTaxMinor();
		this.totalMinor = approved.getTotalMinor();
	}

	public int getLineNumber() {
		return this.lineNumber;
	}

	public String getDescription() {
		return this.description;
	}

	public long getQuantityThousandths() {
		return this.quantityThousandths;
	}

	public long getUnitPriceMinor() {
		return this.unitPriceMinor;
	}

	public int getTaxRateBasisPoints() {
		return this.taxRateBasisPoints;
	}

	public long getNetMinor() {
		return this.netMinor;
	}

	public long getTaxMinor() {
		return this.taxMinor;
	}

	public long getTotalMinor() {
		return this.totalMinor;
	}
}
