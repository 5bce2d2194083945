package com.coastline.media.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

	@ParameterizedTest
	@CsvSource(delimiter = '#', value = { "IMG_0001.JPG#IMG_0001.JPG", "../../etc/passwd#passwd",
			"..\\..\\boot.ini#boot.ini", "/var/www/index.html#index.html", ".bashrc#bashrc", "...#photo",
			"'  '#photo", "a<b>c:d\"e|f?g*h.jpg#a_b_c_d_e_f_g_h.jpg", "Küche vorher.jpg#Küche vorher.jpg" })
	void keepsOnlyAHarmlessLastSegment(String original, String expected) {
		assertThat(FileNames.sanitise(original, "photo")).isEqualTo(expected);
	}

	@Test
	void controlAndBidiCharactersAreReplaced() {
		assertThat(FileNames.sanitise("invoice\u202Egpj.exe", "document")).isEqualTo("invoice_gpj.exe");
		assertThat(FileNames.sanitise("a\r\nb.pdf", "document")).isEqualTo("a__b.pdf");
	}

	@Test
	void longNamesKeepTheirExtension() {
		String name = FileNames.sanitise("x".repeat(400) + ".pdf", "document");

		assertThat(name).hasSize(255).endsWith(".pdf");
	}

	@Test
	void noNameGetsTheFallback() {
		assertThat(FileNames.sanitise(null, "document")).isEqualTo("document");
	}
}
