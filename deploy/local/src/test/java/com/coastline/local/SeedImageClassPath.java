package com.coastline.local;

import java.time.ZonedDateTime;

import tools.jackson.databind.json.JsonMapper;

/**
 * Run by {@link SeedDemoTest} in a JVM whose class path is only what the seeder's image holds
 * (deploy/docker/Dockerfile.seed.dockerignore): draws every demo photo with its EXIF, writes the guide and
 * an estimate as JSON, and reads the environment as {@link SeedDemo} does; a class the image lacks fails it.
 */
final class SeedImageClassPath {

	private SeedImageClassPath() {
	}

	public static void main(String[] args) {
		int bytes = 0;
		for (DemoSeeder.DemoPhoto photo : DemoSeeder.kitchenPhotos(ZonedDateTime.now(DemoSeeder.TIME_ZONE))) {
			bytes += DemoFiles.photo(photo.scene(), DemoSeeder.KITCHEN_SITE[0], DemoSeeder.KITCHEN_SITE[1],
					DemoSeeder.ESTIMATOR_CAMERA, photo.taken()).length;
		}
		bytes += DemoSeeder.kitchenGuide().length;
		bytes += JsonMapper.builder().build().writeValueAsBytes(DemoSeeder.kitchenEstimate()).length;
		bytes += Api.items(JsonMapper.builder().build().readTree("[{\"id\":1}]")).size();
		System.out.println("drew and wrote " + bytes + " bytes");
		System.exit(SeedDemo.run(System.getenv(), System.out, System.err));
	}
}
