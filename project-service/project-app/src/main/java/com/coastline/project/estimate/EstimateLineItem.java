package com.coastline.project.estimate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One line of a version of an estimate, with its amounts as computed (and rounded) when it was written. */
@Entity
@Table(name = "estimate_line_item")
public class EstimateLineItem extends LineItem {

	protected EstimateLineItem() {
	}

	EstimateLineItem(int lineNumber, EstimateContent.Line line) {
		super(lineNumber, line);
	}
}
