package com.coastline.automation.template.web;

import java.util.Arrays;
import java.util.List;

import com.coastline.automation.template.DynamicValue;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Back office: the dynamic values an email may use, for the editor's picker. */
@RestController
class DynamicValueController {

	@GetMapping("/api/dynamic-values")
	List<DynamicValueView> list() {
		return Arrays.stream(DynamicValue.values()).map(DynamicValueView::of).toList();
	}

	/**
	 * One dynamic value.
	 * @param name as written in templates, e.g. {@code client.first_name}
	 * @param token what to insert into a subject or body, e.g. {@code {{client.first_name}}}
	 * @param label what the picker shows, e.g. "Client first name"
	 */
	record DynamicValueView(String name, String token, String label, String description) {

		static DynamicValueView of(DynamicValue value) {
			return new DynamicValueView(value.key(), value.token(), value.label(), value.description());
		}
	}
}
