package com.coastline.local;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * The demo's files, made at seed time rather than kept as binaries in the repository: photos drawn with
 * Java 2D (a roof, a chimney, an attic, a kitchen, the plumbing under a sink, a layout sketch), written as
 * JPEG and given the EXIF a phone or camera writes (GPS position of the job site, make, model, body serial
 * number, time taken), and a one-page PDF written by hand. No text is drawn into the photos, so no fonts
 * are needed (headless machines often have none).
 */
public final class DemoFiles {

	/** What a photo shows. */
	public enum Scene {

		/** A house front with a worn shingle roof, a chimney and a few missing shingles. */
		ROOF_FRONT,

		/** Close-up of shingle rows and the chimney's rusty step flashing. */
		CHIMNEY_FLASHING,

		/** The attic: rafters and decking with a water stain. */
		ATTIC_DECKING,

		/** The kitchen as it is: upper and lower cabinets, laminate counter, window, fridge. */
		KITCHEN_BEFORE,

		/** The open sink cabinet: drain trap and supply lines. */
		UNDER_SINK,

		/** A measured layout sketch on graph paper (an L-shaped run of cabinets). */
		LAYOUT_SKETCH
	}

	/** The camera's EXIF: what the portal must never pass on. */
	public record Camera(String make, String model, String serialNumber) {
	}

	public static final int WIDTH = 1600;

	public static final int HEIGHT = 1200;

	private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

	private DemoFiles() {
	}

	/**
	 * A JPEG of the scene with the EXIF a camera writes: GPS position, make, model, body serial number and
	 * the local time it was taken.
	 */
	public static byte[] photo(Scene scene, double latitude, double longitude, Camera camera, LocalDateTime taken) {
		try {
			ByteArrayOutputStream plain = new ByteArrayOutputStream();
			if (!ImageIO.write(draw(scene), "jpg", plain)) {
				throw new IllegalStateException("No JPEG writer");
			}
			TiffOutputSet exif = new TiffOutputSet();
			exif.setGpsInDegrees(longitude, latitude);
			TiffOutputDirectory root = exif.getOrCreateRootDirectory();
			root.add(TiffTagConstants.TIFF_TAG_MAKE, camera.make());
			root.add(TiffTagConstants.TIFF_TAG_MODEL, camera.model());
			root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 1);
			TiffOutputDirectory details = exif.getOrCreateExifDirectory();
			details.add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, camera.serialNumber());
			details.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, EXIF_TIME.format(taken));
			ByteArrayOutputStream withExif = new ByteArrayOutputStream();
			new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), withExif, exif);
			return withExif.toByteArray();
		}
		catch (ImagingException ex) {
			throw new IllegalStateException("Could not write the demo photo's EXIF", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static BufferedImage draw(Scene scene) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		Random random = new Random(scene.ordinal() * 7919L + 17);
		switch (scene) {
			case ROOF_FRONT -> roofFront(g, random);
			case CHIMNEY_FLASHING -> chimneyFlashing(g, random);
			case ATTIC_DECKING -> atticDecking(g, random);
			case KITCHEN_BEFORE -> kitchenBefore(g, random);
			case UNDER_SINK -> underSink(g, random);
			case LAYOUT_SKETCH -> layoutSketch(g, random);
		}
		grain(image, random);
		g.dispose();
		return image;
	}

	private static void roofFront(Graphics2D g, Random random) {
		g.setPaint(new GradientPaint(0, 0, new Color(92, 146, 214), 0, 600, new Color(196, 222, 245)));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		g.setColor(new Color(232, 236, 240));
		g.fill(new Ellipse2D.Double(180, 120, 260, 70));
		g.fill(new Ellipse2D.Double(300, 100, 220, 80));
		g.setColor(new Color(88, 140, 70));
		g.fillRect(0, 980, WIDTH, 220);
		g.setColor(new Color(214, 196, 160));
		g.fillRect(300, 620, 1000, 380);
		// the roof: a trapezoid of shingle rows, a few missing
		Polygon roof = new Polygon(new int[] { 240, 520, 1080, 1360 }, new int[] { 630, 300, 300, 630 }, 4);
		g.setColor(new Color(72, 72, 78));
		g.fill(roof);
		g.setClip(roof);
		for (int y = 300; y < 630; y += 22) {
			g.setColor(new Color(52, 52, 58));
			g.drawLine(0, y, WIDTH, y);
			int offset = ((y - 300) / 22) % 2 == 0 ? 0 : 30;
			for (int x = offset; x < WIDTH; x += 60) {
				g.drawLine(x, y, x, y + 22);
				if (random.nextInt(40) == 0) {
					g.setColor(new Color(140, 110, 80));
					g.fillRect(x + 1, y + 1, 59, 21);
					g.setColor(new Color(52, 52, 58));
				}
			}
		}
		g.setClip(null);
		g.setColor(new Color(150, 70, 50));
		g.fillRect(1010, 200, 80, 180);
		g.setColor(new Color(120, 120, 125));
		g.fillRect(1000, 190, 100, 16);
		// windows, door, gutter, a tree
		g.setColor(new Color(245, 245, 240));
		g.setStroke(new BasicStroke(10));
		g.drawLine(240, 636, 1360, 636);
		for (int x : new int[] { 380, 620, 1060 }) {
			g.setColor(new Color(60, 80, 100));
			g.fillRect(x, 700, 150, 130);
			g.setColor(Color.WHITE);
			g.setStroke(new BasicStroke(6));
			g.drawRect(x, 700, 150, 130);
			g.drawLine(x + 75, 700, x + 75, 830);
		}
		g.setColor(new Color(110, 40, 40));
		g.fillRect(860, 760, 110, 240);
		g.setColor(new Color(100, 70, 40));
		g.fillRect(1440, 700, 36, 300);
		g.setColor(new Color(60, 110, 55));
		g.fill(new Ellipse2D.Double(1340, 480, 240, 300));
	}

	private static void chimneyFlashing(Graphics2D g, Random random) {
		g.setColor(new Color(70, 70, 76));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		for (int y = 0; y < HEIGHT; y += 60) {
			int offset = (y / 60) % 2 == 0 ? 0 : 80;
			for (int x = offset - 160; x < WIDTH; x += 160) {
				int shade = 60 + random.nextInt(25);
				g.setColor(new Color(shade, shade, shade + 6));
				g.fillRect(x + 2, y + 2, 156, 56);
			}
		}
		// the chimney's bricks
		for (int y = 0; y < 760; y += 40) {
			int offset = (y / 40) % 2 == 0 ? 0 : 45;
			for (int x = 560 - offset; x < 1060; x += 90) {
				g.setColor(new Color(150 + random.nextInt(30), 60 + random.nextInt(20), 45));
				g.fillRect(Math.max(x, 560) + 3, y + 3, Math.min(x + 87, 1060) - Math.max(x, 560), 34);
			}
		}
		// step flashing along the chimney, rusty at the bottom
		g.setColor(new Color(160, 165, 170));
		g.fillRect(530, 0, 34, 800);
		g.fillRect(1056, 0, 34, 800);
		g.fillRect(530, 760, 560, 40);
		g.setColor(new Color(150, 80, 30, 180));
		for (int i = 0; i < 30; i++) {
			g.fill(new Ellipse2D.Double(540 + random.nextInt(520), 750 + random.nextInt(50), 30, 18));
		}
	}

	private static void atticDecking(Graphics2D g, Random random) {
		g.setColor(new Color(40, 30, 22));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		for (int x = -200; x < WIDTH; x += 110) {
			g.setColor(new Color(176 + random.nextInt(20), 140 + random.nextInt(15), 96));
			g.fillRect(x, 0, 104, HEIGHT);
		}
		// the water stain, darker towards its middle
		for (int r = 360; r > 40; r -= 40) {
			g.setColor(new Color(90, 62, 40, 60));
			g.fill(new Ellipse2D.Double(760 - r, 500 - r * 0.7, r * 2, r * 1.4));
		}
		g.setStroke(new BasicStroke(40));
		for (int x = 100; x < WIDTH; x += 400) {
			g.setColor(new Color(196, 160, 110));
			g.drawLine(x, HEIGHT, x + 300, 0);
		}
	}

	private static void kitchenBefore(Graphics2D g, Random random) {
		g.setColor(new Color(236, 226, 200));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		g.setColor(new Color(180, 160, 130));
		g.fillRect(0, 1020, WIDTH, 180);
		g.setColor(new Color(150, 190, 225));
		g.fillRect(640, 220, 320, 300);
		g.setColor(Color.WHITE);
		g.setStroke(new BasicStroke(12));
		g.drawRect(640, 220, 320, 300);
		g.drawLine(800, 220, 800, 520);
		// oak upper and lower cabinets, a worn laminate counter
		for (int x = 80; x + 180 <= 1280; x += 190) {
			if (x + 180 < 640 || x > 960) {
				cabinetDoor(g, x, 140, 180, 330);
			}
			cabinetDoor(g, x, 720, 180, 290);
		}
		g.setColor(new Color(196, 186, 160));
		g.fillRect(60, 650, 1200, 70);
		g.setColor(new Color(150, 140, 120));
		for (int i = 0; i < 12; i++) {
			g.fillRect(120 + random.nextInt(1080), 660 + random.nextInt(50), 30, 3);
		}
		g.setColor(new Color(210, 212, 214));
		g.fillRect(1290, 160, 250, 860);
		g.setColor(new Color(160, 162, 166));
		g.drawLine(1290, 520, 1540, 520);
		g.fillRect(1310, 300, 14, 160);
	}

	private static void cabinetDoor(Graphics2D g, int x, int y, int width, int height) {
		g.setColor(new Color(182, 128, 70));
		g.fillRect(x, y, width, height);
		g.setColor(new Color(150, 100, 52));
		g.setStroke(new BasicStroke(8));
		g.drawRect(x + 18, y + 18, width - 36, height - 36);
		g.setColor(new Color(200, 190, 150));
		g.fillRect(x + width - 40, y + height / 2 - 20, 10, 40);
	}

	private static void underSink(Graphics2D g, Random random) {
		g.setColor(new Color(50, 40, 34));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		g.setColor(new Color(120, 96, 70));
		g.fillRect(0, 980, WIDTH, 220);
		g.setColor(new Color(70, 56, 44));
		for (int i = 0; i < 8; i++) {
			g.fill(new Ellipse2D.Double(300 + random.nextInt(900), 1000 + random.nextInt(120), 140, 40));
		}
		// drain, P-trap and supply lines with shut-off valves
		g.setColor(new Color(235, 235, 230));
		g.setStroke(new BasicStroke(60, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.drawLine(800, 0, 800, 520);
		g.drawArc(800, 440, 240, 200, 180, 180);
		g.drawLine(1040, 540, 1040, 470);
		g.drawLine(1040, 470, WIDTH, 470);
		g.setColor(new Color(190, 190, 196));
		g.setStroke(new BasicStroke(18));
		g.drawLine(420, 0, 420, 760);
		g.drawLine(560, 0, 560, 760);
		g.setColor(new Color(200, 60, 50));
		g.fillRect(390, 760, 60, 50);
		g.setColor(new Color(50, 90, 200));
		g.fillRect(530, 760, 60, 50);
	}

	private static void layoutSketch(Graphics2D g, Random random) {
		g.setColor(new Color(246, 244, 236));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		g.setColor(new Color(200, 216, 232));
		g.setStroke(new BasicStroke(2));
		for (int i = 0; i < WIDTH; i += 40) {
			g.drawLine(i, 0, i, HEIGHT);
		}
		for (int i = 0; i < HEIGHT; i += 40) {
			g.drawLine(0, i, WIDTH, i);
		}
		// walls, an L of cabinets, the sink, the range and the dimension lines, in pencil
		g.setColor(new Color(60, 60, 70));
		g.setStroke(new BasicStroke(10));
		g.drawLine(200, 160, 1400, 160);
		g.drawLine(200, 160, 200, 1040);
		g.setStroke(new BasicStroke(4));
		List<int[]> boxes = new ArrayList<>();
		for (int x = 200; x < 1200; x += 120) {
			boxes.add(new int[] { x, 160, 120, 120 });
		}
		for (int y = 280; y < 880; y += 120) {
			boxes.add(new int[] { 200, y, 120, 120 });
		}
		for (int[] box : boxes) {
			g.drawRect(box[0] + random.nextInt(3), box[1] + random.nextInt(3), box[2], box[3]);
		}
		g.draw(new Ellipse2D.Double(700, 180, 120, 80));
		for (int i = 0; i < 4; i++) {
			g.draw(new Ellipse2D.Double(220 + (i % 2) * 50, 540 + (i / 2) * 50, 36, 36));
		}
		g.setColor(new Color(180, 40, 40));
		g.setStroke(new BasicStroke(3));
		g.drawLine(200, 100, 1200, 100);
		g.drawLine(200, 80, 200, 120);
		g.drawLine(1200, 80, 1200, 120);
		g.drawLine(120, 160, 120, 880);
		g.drawLine(100, 160, 140, 160);
		g.drawLine(100, 880, 140, 880);
	}

	/** A little sensor noise, so the pictures compress like photos rather than flat drawings. */
	private static void grain(BufferedImage image, Random random) {
		for (int y = 0; y < HEIGHT; y++) {
			for (int x = 0; x < WIDTH; x++) {
				int rgb = image.getRGB(x, y);
				int n = random.nextInt(9) - 4;
				int r = clamp(((rgb >> 16) & 0xff) + n);
				int gr = clamp(((rgb >> 8) & 0xff) + n);
				int b = clamp((rgb & 0xff) + n);
				image.setRGB(x, y, (r << 16) | (gr << 8) | b);
			}
		}
	}

	private static int clamp(int value) {
		return Math.max(0, Math.min(255, value));
	}

	/**
	 * A one-page PDF (US Letter, the standard Helvetica fonts, nothing embedded) with a title and lines of
	 * text, written by hand: header, objects, cross-reference table and trailer with exact byte offsets.
	 */
	public static byte[] pdf(String title, List<String> lines) {
		StringBuilder content = new StringBuilder();
		content.append("BT /F2 20 Tf 72 720 Td (").append(pdfText(title)).append(") Tj ET\n");
		int y = 684;
		for (String line : lines) {
			if (!line.isEmpty()) {
				content.append("BT /F1 11 Tf 72 ").append(y).append(" Td (").append(pdfText(line)).append(") Tj ET\n");
			}
			y -= 16;
		}
		byte[] stream = content.toString().getBytes(StandardCharsets.ISO_8859_1);
		List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >>"
						+ " /Contents 6 0 R >>",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
				"<< /Length " + stream.length + " >>\nstream\n" + new String(stream, StandardCharsets.ISO_8859_1)
						+ "endstream",
				"<< /Title (" + pdfText(title) + ") /Producer (Coastline Portal demo) >>");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(out.size());
			write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
		}
		int xref = out.size();
		StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
		offsets.forEach(offset -> table.append("%010d 00000 n \n".formatted(offset)));
		table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R /Info ")
			.append(objects.size()).append(" 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
		write(out, table.toString());
		return out.toByteArray();
	}

	private static String pdfText(String text) {
		return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
	}
}
