package com.coastline.project.invoice;

import com.coastline.project.estimate.EstimateContent;
import com.coastline.project.estimate.EstimateLineItem;
import com.coastline.project.estimate.LineItem;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One line of an invoice, with its amounts as computed (and rounded) when it was written: by the
 * estimate's own line calculation ({@link EstimateContent.Line}), or copied from an approved estimate.
 */
@Entity
@Table(name = "invoice_line_item")
public class InvoiceLineItem extends LineItem {

	protected InvoiceLineItem() {
	}

	InvoiceLineItem(int lineNumber, EstimateContent.Line line) {
		super(lineNumber, line);
	}

	/** A copy of an approved estimate's line, amounts as they were approved. */
	InvoiceLineItem(EstimateLineItem approved) {
		super(approved);
	}
}
