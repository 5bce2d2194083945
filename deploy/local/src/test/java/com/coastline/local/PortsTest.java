package com.coastline.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Free ports for the stacks the tests start: outside the kernel's ephemeral range, each once, only free ones. */
class PortsTest {

	@Test
	void freePortsAreBelowTheEphemeralRangeAndNeverHandedOutTwice() {
		List<Integer> handedOut = new ArrayList<>();
		for (int stack = 0; stack < 3; stack++) {
			Ports ports = Ports.random();
			handedOut.addAll(List.of(ports.postgres(), ports.kafka(), ports.kafkaController(), ports.smtp(), ports.inbox(),
					ports.portal(), ports.backoffice(), ports.identity(), ports.project(), ports.media(), ports.automation(),
					ports.notification(), ports.management(ports.portal()), ports.replica(ports.portal(), 2)));
		}

		assertThat(Ports.ephemeralStart()).isBetween(10_001, 65_535);
		assertThat(handedOut).doesNotHaveDuplicates()
			.allSatisfy(port -> assertThat(port).isGreaterThanOrEqualTo(10_000).isLessThan(Ports.ephemeralStart()));
	}

	@Test
	void aPortSomethingListensOnIsSkipped() throws IOException {
		int handedOut = Ports.free();
		int next = (handedOut + 1 < Ports.ephemeralStart()) ? handedOut + 1 : 10_000;
		try (ServerSocket taken = new ServerSocket(next, 1, InetAddress.getLoopbackAddress())) {
			assertThat(Ports.free()).isNotEqualTo(next).isNotEqualTo(handedOut);
		}
	}

	@Test
	void theDefaultsAreTheDocumentedFixedPorts() {
		Ports ports = Ports.defaults();

		assertThat(List.of(ports.portal(), ports.backoffice(), ports.identity(), ports.project())).containsExactly(8080,
				8081, 8082, 8083);
		assertThat(ports.management(8083)).isEqualTo(9083);
		assertThat(ports.replica(8082, 2)).isEqualTo(8092);
	}
}
