package io.gatehouse.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.xml.apiops.ApiOpsLoader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routes requests against Azure/apiops' v7 SampleArtifacts tree from the shared corpus. */
class RouterSampleArtifactsTest {
  private static Router router;

  @BeforeAll
  static void load() {
    String configured = System.getProperty("gatehouse.shared");
    Path shared = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../../shared");
    Path tree = shared.resolve("corpus/apiops-sample/SampleArtifacts").toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(tree), "shared corpus not found at " + tree + "; skipping");
    router = new Router(ApiOpsLoader.load(tree));
  }

  private static String route(String method, String path) {
    RouteMatch m = router.match(method, URI.create("https://gw.example" + path));
    return m == null ? null : m.api().id() + " " + m.operation().id() + " " + m.operationPath();
  }

  @Test
  void routesEveryOperationOfTheSample() {
    assertThat(route("GET", "/basic-api/items")).isEqualTo("basic-api get-items /items");
    assertThat(route("POST", "/basic-api/items")).isEqualTo("basic-api create-item /items");
    assertThat(route("GET", "/revisioned-api/revision")).isEqualTo("revisioned-api get-revision /revision");
    assertThat(route("GET", "/revisioned-api;rev=2/revision"))
        .isEqualTo("revisioned-api;rev=2 get-revision-v2 /revision");
    assertThat(route("GET", "/revisioned-api;rev=2/revision/details"))
        .isEqualTo("revisioned-api;rev=2 get-revision-details /revision/details");
    assertThat(route("GET", "/versioned-api/v1/version")).isEqualTo("versioned-api-v1 get-version-v1 /version");
    assertThat(route("GET", "/versioned-api/v2/version")).isEqualTo("versioned-api-v2 get-version-v2 /version");
  }

  @Test
  void nonCurrentOperationsAndSkippedApisDoNotRoute() {
    assertThat(route("GET", "/revisioned-api/revision/details")).isNull();
    assertThat(route("DELETE", "/basic-api/items")).isNull();
    assertThat(route("POST", "/soap-api")).isNull();
    assertThat(route("GET", "/wadl-api/status")).isNull();
  }
}
