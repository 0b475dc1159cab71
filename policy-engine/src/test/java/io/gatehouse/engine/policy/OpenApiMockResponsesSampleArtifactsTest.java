package io.gatehouse.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.engine.pipeline.MockResponses;
import io.gatehouse.xml.apiops.ApiOpsLoader;
import io.gatehouse.xml.config.GatewayConfig;
import io.gatehouse.xml.config.OperationDefinition;
import io.gatehouse.xml.config.ResponseDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mocks of operations of Azure/apiops' v7 SampleArtifacts tree from the shared corpus. */
class OpenApiMockResponsesSampleArtifactsTest {
  private static GatewayConfig load() {
    String configured = System.getProperty("gatehouse.shared");
    Path shared = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../../shared");
    Path tree = shared.resolve("corpus/apiops-sample/SampleArtifacts").toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(tree), "shared corpus not found at " + tree + "; skipping");
    return ApiOpsLoader.load(tree);
  }

  @Test
  void sampleOperationsDocumentStatusesWithoutBodiesSoMocksHaveNoContent() {
    GatewayConfig config = load();
    OperationDefinition create = config.api("basic-api").operation("create-item");

    assertThat(create.responses()).containsExactly(new ResponseDefinition("201", Map.of()));
    MockResponses mocks = OpenApiMockResponses.of(create);
    assertThat(mocks).isNotSameAs(MockResponses.NONE);
    assertThat(mocks.find(201, null)).isNull();
    assertThat(mocks.find(201, "application/json")).isNull();
    assertThat(config.api("versioned-api-v2").operation("get-version-v2").responses())
        .as("OpenAPI JSON specification").containsExactly(new ResponseDefinition("200", Map.of()));
  }
}
