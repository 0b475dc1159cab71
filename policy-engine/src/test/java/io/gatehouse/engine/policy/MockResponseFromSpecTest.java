package io.gatehouse.engine.policy;

import static io.gatehouse.engine.policy.PolicyKit.body;
import static io.gatehouse.engine.policy.PolicyKit.compile;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.xml.apiops.ApiOpsLoader;
import io.gatehouse.xml.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mock-response} answering from an operation loaded out of an APIOps tree. */
class MockResponseFromSpecTest {
  private static final String SPEC = """
      openapi: 3.0.1
      info: {title: pets, version: '1'}
      paths:
        /pets/{id}:
          get:
            operationId: get-pet
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        id: {type: string, format: uuid}
                        born: {type: string, format: date}
                  application/xml:
                    example: <pet id="7"/>
      """;

  @TempDir Path root;

  private Exchange mock(String attributes) throws IOException {
    Path api = root.resolve("apis/pets");
    Files.createDirectories(api);
    Files.writeString(api.resolve("apiInformation.json"), "{\"properties\": {\"path\": \"pets\"}}");
    Files.writeString(api.resolve("specification.yaml"), SPEC);
    GatewayConfig config = ApiOpsLoader.load(root);
    PolicyKit.Call call = new PolicyKit.Call();
    call.mockResponses = OpenApiMockResponses.of(config.api("pets").operation("get-pet"));
    return call.run(compile("<policies><inbound><mock-response " + attributes + "/></inbound><backend>"
        + "<forward-request /></backend><outbound /><on-error /></policies>"));
  }

  @Test
  void generatedSampleForTheFirstMediaType() throws IOException {
    Exchange ex = mock("");
    assertThat(ex.response().statusCode()).isEqualTo(200);
    assertThat(ex.response().headers().first("Content-Type")).isEqualTo("application/json");
    assertThat(body(ex)).isEqualTo("{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"born\":\"2024-01-01\"}");
    assertThat(ex.backendRequest()).isNull();
  }

  @Test
  void exampleForTheRequestedContentType() throws IOException {
    Exchange ex = mock("status-code=\"200\" content-type=\"application/xml\"");
    assertThat(ex.response().headers().first("Content-Type")).isEqualTo("application/xml");
    assertThat(body(ex)).isEqualTo("<pet id=\"7\"/>");
  }

  @Test
  void undocumentedStatusHasNoContent() throws IOException {
    Exchange ex = mock("status-code=\"500\"");
    assertThat(ex.response().statusCode()).isEqualTo(500);
    assertThat(ex.response().body()).isNull();
    assertThat(ex.response().headers().contains("Content-Type")).isFalse();
  }
}
