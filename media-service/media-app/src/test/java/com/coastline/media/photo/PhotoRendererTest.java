package com.coastline.media.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

import javax.imageio.ImageIO;

import com.coastline.media.config.MediaProperties;
import com.coastline.media.file.FileType;
import com.coastline.media.file.UnsupportedFileType;
import com.coastline.media.support.TestFiles;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhotoRendererTest {

	private static final FileType JPEG = new FileType("image/jpeg");

	@Test
	void aLargePhotoIsScaledToTheRenditionSizes() throws Exception {
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(5000, 3000, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);

		PhotoRenderer.Rendered rendered = renderer(100_000_000).render(new ByteArrayResource(jpeg.toByteArray()), JPEG);

		assertThat(rendered.width()).isEqualTo(5000);
		assertThat(rendered.height()).isEqualTo(3000);
		BufferedImage web = ImageIO.read(new ByteArrayInputStream(rendered.web()));
		BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(rendered.thumbnail()));
		assertThat(web.getWidth()).isEqualTo(2048);
		assertThat(web.getHeight()).isBetween(1228, 1229);
		assertThat(thumbnail.getWidth()).isEqualTo(400);
	}

	@Test
	void aSmallPhotoIsNotBlownUp() throws Exception {
		PhotoRenderer.Rendered rendered = renderer(100_000_000).render(new ByteArrayResource(TestFiles.jpegWithGps()), JPEG);

		assertThat(ImageIO.read(new ByteArrayInputStream(rendered.web())).getWidth()).isEqualTo(64);
	}

	@Test
	void aPhotoWithTooManyPixelsIsRefusedBeforeItIsDecoded() {
		assertThatThrownBy(() -> renderer(1000).render(new ByteArrayResource(TestFiles.jpegWithGps()), JPEG))
			.isInstanceOf(UnsupportedFileType.class)
			.hasMessageContaining("pixels");
	}

	private static PhotoRenderer renderer(long maxPixels) {
		return new PhotoRenderer(new MediaProperties(
				new MediaProperties.Storage(MediaProperties.StorageType.LOCAL, "/tmp/unused",
						new MediaProperties.S3("b", "", "us-east-1", "", false)),
				new MediaProperties.Photos(maxPixels, 400, 2048, 0.85f),
				new MediaProperties.OrphanedFiles(Duration.ofHours(1), Duration.ofHours(1))));
	}
}
