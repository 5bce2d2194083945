package com.coastline.project.estimate;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.TenantId;

/**
 * A line of an estimate version or an invoice, with its amounts as computed (and rounded) when it was
 * written ({@link EstimateContent.Line}); each kind has its own table.
 */
@MappedSuperclass
public abstract class LineItem {

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

	protected LineItem() {
	}

	protected LineItem(int lineNumber, EstimateContent.Line line) {
		this.lineNumber = lineNumber;
		this.description = line.description();
		this.quantityThousandths = line.quantityThousandths();
		this.unitPriceMinor = line.unitPriceMinor();
		this.taxRateBasisPoints = line.taxRateBasisPoints();
		this.netMinor = line.netMinor();
		this.taxMinor = line.taxMinor();
		this.totalMinor = Math.addExact(this.netMinor, this.taxMinor);
	}

	/** A copy of another line, amounts as they were written there. */
	protected LineItem(LineItem other) {
		this.lineNumber = other.lineNumber;
		this.description = other.description;
		this.quantityThousandths = other.quantityThousandths;
		this.unitPriceMinor = other.unitPriceMinor;
		this.taxRateBasisPoints = other.taxRateBasisPoints;
		this.netMinor = other.netMinor;
		this.taxMinor = other.taxMinor;
		this.totalMinor = other.totalMinor;
	}

	EstimateContent.Line toLine() {
		return new EstimateContent.Line(this.description, this.quantityThousandths, this.unitPriceMinor,
				this.taxRateBasisPoints);
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
