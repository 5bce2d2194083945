package com.coastline.media.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.coastline.media.config.MediaProperties;
import com.coastline.media.file.FileType;
import com.coastline.media.file.UnsupportedFileType;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.filters.ImageFilter;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * Renders a photo's thumbnail and web rendition: decoded to pixels (TwelveMonkeys' JPEG reader through
 * ImageIO, so CMYK and other JPEG flavours read too), turned upright by the EXIF orientation (read with
 * metadata-extractor), scaled down with Thumbnailator and encoded afresh. Nothing of the original file's
 * metadata (EXIF GPS, serial numbers, maker notes, XMP, ICC comments) is carried over: the encoder is given
 * pixels only.
 */
@Component
public class PhotoRenderer {

	private final MediaProperties.Photos settings;

	PhotoRenderer(MediaProperties properties) {
		this.settings = properties.photos();
		// Registers the ImageIO plugins on the application's class path (TwelveMonkeys) under any launcher.
		ImageIO.scanForPlugins();
	}

	/**
	 * @param source the photo as uploaded; opened twice (metadata, then pixels)
	 * @param type its type, already detected from the content as a photo type
	 * @throws UnsupportedFileType when the content cannot be decoded as that type, or has too many pixels
	 */
	Rendered render(InputStreamSource source, FileType type) throws IOException {
		Orientation orientation = orientationOf(source);
		BufferedImage image;
		int width;
		int height;
		try (InputStream in = source.getInputStream(); ImageInputStream images = ImageIO.createImageInputStream(in)) {
			Iterator<ImageReader> readers = (images != null) ? ImageIO.getImageReaders(images) : null;
			if (readers == null || !readers.hasNext()) {
				throw unreadable(type);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(images, true, true);
				width = reader.getWidth(0);
				height = reader.getHeight(0);
				if ((long) width * height > this.settings.maxPixels()) {
					throw new UnsupportedFileType("The photo has more than " + this.settings.maxPixels()
							+ " pixels; please upload a smaller one.", type);
				}
				// Decoding memory grows with pixels: read big photos subsampled, still at least twice the web size.
				int subsampling = Math.max(1, Math.max(width, height) / (2 * this.settings.webSize()));
				ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(subsampling, subsampling, 0, 0);
				image = reader.read(0, param);
			}
			catch (IOException | RuntimeException ex) {
				if (ex instanceof UnsupportedFileType refused) {
					throw refused;
				}
				throw unreadable(type);
			}
			finally {
				reader.dispose();
			}
		}
		ImageFilter upright = ExifFilterUtils.getFilterForOrientation(orientation);
		BufferedImage displayed = upright.apply(image);
		boolean turned = switch (orientation) {
			case LEFT_TOP, RIGHT_TOP, RIGHT_BOTTOM, LEFT_BOTTOM -> true;
			default -> false;
		};
		String format = "image/png".equals(type.mediaType()) ? "png" : "jpg";
		return new Rendered(encode(displayed, this.settings.thumbnailSize(), format),
				encode(displayed, this.settings.webSize(), format), type.mediaType(), turned ? height : width,
				turned ? width : height);
	}

	private byte[] encode(BufferedImage image, int longEdge, String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(image).useExifOrientation(false).outputFormat(format);
		if (Math.max(image.getWidth(), image.getHeight()) <= longEdge) {
			builder.scale(1.0);
		}
		else {
			builder.size(longEdge, longEdge).keepAspectRatio(true);
		}
		if ("jpg".equals(format)) {
			builder.outputQuality(this.settings.jpegQuality());
		}
		builder.toOutputStream(out);
		return out.toByteArray();
	}

	/** The EXIF orientation; upright when there is none or it cannot be read (the photo is still usable). */
	private static Orientation orientationOf(InputStreamSource source) {
		try (InputStream in = source.getInputStream()) {
			Metadata metadata = ImageMetadataReader.readMetadata(in);
			ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
			if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
				Orientation orientation = Orientation.typeOf(exif.getInt(ExifIFD0Directory.TAG_ORIENTATION));
				return (orientation != null) ? orientation : Orientation.TOP_LEFT;
			}
		}
		catch (ImageProcessingException | MetadataException | IOException | RuntimeException ex) {
			return Orientation.TOP_LEFT;
		}
		return Orientation.TOP_LEFT;
	}

	private static UnsupportedFileType unreadable(FileType type) {
		String kind = "image/png".equals(type.mediaType()) ? "PNG" : "JPEG";
		return new UnsupportedFileType("The file starts like a " + kind + " image but cannot be read as one.", type);
	}

	/**
	 * @param thumbnail the thumbnail's bytes
	 * @param web the web rendition's bytes
	 * @param mediaType the type of both renditions
	 * @param width the upright photo's width
	 * @param height the upright photo's height
	 */
	record Rendered(byte[] thumbnail, byte[] web, String mediaType, int width, int height) {
	}
}
