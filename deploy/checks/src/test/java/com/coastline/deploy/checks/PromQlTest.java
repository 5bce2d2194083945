package com.coastline.deploy.checks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link PromQl} takes for metric names, on the kinds of expression the dashboards use. */
class PromQlTest {

	@Test
	void metricNamesWithoutFunctionsLabelsRangesOrGroupings() {
		assertThat(PromQl.metricNames("""
				sum by (uri, status) (rate(http_server_requests_seconds_count{application="a", uri!~"/x.*"}[$__rate_interval]))
				  / on (uri) group_left (status) sum without (instance) (rate(http_server_requests_seconds_sum[5m] offset 1h))
				""")).containsExactly("http_server_requests_seconds_count", "http_server_requests_seconds_sum");
	}

	@Test
	void comparisonsNumbersAndKeywords() {
		assertThat(PromQl.metricNames("max(coastline_outbox_oldest_age_seconds) > 300 and up == 1 or vector(1e3) > bool 0.5"))
			.containsExactly("coastline_outbox_oldest_age_seconds", "up");
	}

	@Test
	void histogramQuantilesOverBuckets() {
		assertThat(PromQl.metricNames("""
				histogram_quantile(0.95, sum by (application, le) (rate(http_server_requests_seconds_bucket{uri!~"/actuator.*"}[5m]))) > 2
				""")).containsExactly("http_server_requests_seconds_bucket");
	}

	@Test
	void aMetricInsideALabelValueIsNotSelected() {
		assertThat(PromQl.metricNames("count(jvm_threads_live_threads{name=\"not_a_metric\"})"))
			.containsExactly("jvm_threads_live_threads");
	}
}
