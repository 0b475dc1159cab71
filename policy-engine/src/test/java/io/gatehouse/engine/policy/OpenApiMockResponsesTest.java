package io.gatehouse.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.engine.pipeline.MockResponses;
import io.gatehouse.engine.pipeline.MockResponses.MockBody;
import io.gatehouse.xml.config.OperationDefinition;
import io.gatehouse.xml.config.ResponseContent;
import io.gatehouse.xml.config.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Choosing the documented response and media type for a mock. */
class OpenApiMockResponsesTest {
  private static final Map<String, ResponseContent> OK = new LinkedHashMap<>();

  static {
    OK.put("text/plain", ResponseContent.EMPTY);
    OK.put("application/json", new ResponseContent("{\"id\":1}", null));
    OK.put("application/xml", new ResponseContent(null, "<pet><id>0</id></pet>"));
  }

  private static final MockResponses MOCKS = OpenApiMockResponses.of(new OperationDefinition("get-pet", null, "GET",
      "/pets", null, List.of(
          new ResponseDefinition("200", OK),
          new ResponseDefinition("204", Map.of()),
          new ResponseDefinition("4XX", Map.of("application/json", new ResponseContent("{\"client\":true}", null))),
          new ResponseDefinition("default", Map.of("application/problem+json",
              new ResponseContent(null, "{\"title\":\"string\"}"))))));

  private static String describe(MockBody body) {
    return body == null ? null : body.contentType() + " " + new String(body.body(), StandardCharsets.UTF_8);
  }

  @Test
  void exactStatusAndMediaTypeIgnoringParametersAndCase() {
    assertThat(describe(MOCKS.find(200, "application/json"))).isEqualTo("application/json {\"id\":1}");
    assertThat(describe(MOCKS.find(200, "Application/XML; charset=utf-8")))
        .as("the requested content type is sent as written")
        .isEqualTo("Application/XML; charset=utf-8 <pet><id>0</id></pet>");
  }

  @Test
  void withoutContentTypeTheFirstMediaTypeWithABody() {
    assertThat(describe(MOCKS.find(200, null))).isEqualTo("application/json {\"id\":1}");
  }

  @Test
  void rangeBeforeDefault() {
    assertThat(describe(MOCKS.find(404, null))).isEqualTo("application/json {\"client\":true}");
    assertThat(describe(MOCKS.find(503, null))).isEqualTo("application/problem+json {\"title\":\"string\"}");
    assertThat(describe(MOCKS.find(201, "application/problem+json")))
        .isEqualTo("application/problem+json {\"title\":\"string\"}");
  }

  @Test
  void noContentWhenNothingMatches() {
    assertThat(MOCKS.find(204, null)).as("documented without body").isNull();
    assertThat(MOCKS.find(200, "text/plain")).as("media type without example or schema").isNull();
    assertThat(MOCKS.find(200, "text/csv")).as("undocumented media type").isNull();
    assertThat(OpenApiMockResponses.of(new OperationDefinition("x", null, "GET", "/x", null)))
        .isSameAs(MockResponses.NONE);
  }

  @Test
  void bodiesCannotBeChangedThroughAResult() {
    MOCKS.find(200, null).body()[0] = 'X';
    assertThat(describe(MOCKS.find(200, null))).isEqualTo("application/json {\"id\":1}");
  }
}
