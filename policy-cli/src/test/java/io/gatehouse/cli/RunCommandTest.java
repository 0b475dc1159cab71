package io.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> lines(String out) {
    return out.lines().map(l -> {
      try {
        return JSON.readTree(l);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + l, e);
      }
    }).toList();
  }

  @Test
  void replaysTheSharedScenarioAgainstTheSampleTree() {
    Path shared = Cli.shared();
    Cli result = Cli.run("run", shared.resolve("corpus/apiops-sample/SampleArtifacts").toString(),
        shared.resolve("scenarios/apiops-sample-basic.json").toString());
    assertThat(result.exit()).as(result.err()).isZero();
    List<JsonNode> out = lines(result.out());
    assertThat(out).hasSize(3);
    JsonNode first = out.get(0);
    assertThat(first.get("status").asInt()).isEqualTo(200);
    // get-items' inbound has no <base/>: only its own statements ran, and the API's set-backend-service did not
    assertThat(first.at("/backendRequest/url").asText()).isEqualTo("https://httpbin.org/items?source=get-items");
    assertThat(first.at("/variables/allowedClient").asText()).isEqualTo("10.0.0.1");
    assertThat(first.get("lastError").isNull()).isTrue();
    JsonNode second = out.get(1);
    assertThat(second.at("/backendRequest/method").asText()).isEqualTo("POST");
    assertThat(second.at("/backendRequest/headers/X-Operation/0").asText()).isEqualTo("create-item");
    assertThat(second.at("/backendRequest/body").asText()).isEqualTo("{\"name\":\"x\"}");
    // basic-api requires a subscription and the third request carries no key
    JsonNode third = out.get(2);
    assertThat(third.get("status").asInt()).isEqualTo(401);
    assertThat(third.at("/headers/WWW-Authenticate/0").asText()).contains("realm=\"https://gw.test/basic-api\"");
    assertThat(third.at("/lastError/reason").asText()).isEqualTo("SubscriptionKeyNotFound");
    assertThat(third.get("backendRequest").isNull()).isTrue();
  }

  @Test
  void fixedBackendClockAndLastError(@TempDir Path dir) throws IOException {
    Path tree = dir.resolve("tree");
    Files.createDirectories(tree.resolve("apis/time/operations/now"));
    Files.writeString(tree.resolve("policy.xml"), "<policies><inbound /><backend><forward-request /></backend>"
        + "<outbound /><on-error /></policies>");
    Files.writeString(tree.resolve("apis/time/apiInformation.json"), "{\"properties\": {\"path\": \"time\", "
        + "\"serviceUrl\": \"https://backend.test\", \"subscriptionRequired\": false}}");
    Files.writeString(tree.resolve("apis/time/specification.yaml"), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\n"
        + "paths:\n  /now:\n    get:\n      operationId: now\n      responses: {'200': {description: ok}}\n");
    Files.writeString(tree.resolve("apis/time/operations/now/policy.xml"), "<policies><inbound><base />"
        + "<set-variable name=\"at\" value=\"@(DateTime.UtcNow.ToString(&quot;s&quot;))\" />"
        + "<check-header name=\"X-Key\" failed-check-httpcode=\"401\" failed-check-error-message=\"No key\" "
        + "ignore-case=\"false\" /></inbound><backend><base /></backend><outbound><base /></outbound>"
        + "<on-error><base /></on-error></policies>");
    Path scenario = dir.resolve("scenario.json");
    Files.writeString(scenario, "{\"clock\": \"2026-03-01T10:00:00Z\", \"backend\": {\"status\": 201, "
        + "\"headers\": {\"X-B\": \"1\"}, \"body\": \"made\"}, \"requests\": ["
        + "{\"method\": \"GET\", \"url\": \"https://gw.test/time/now\", \"headers\": {\"X-Key\": [\"k\"]}},"
        + "{\"advanceSeconds\": 30, \"method\": \"GET\", \"url\": \"https://gw.test/time/now\"},"
        + "{\"method\": \"GET\", \"url\": \"https://gw.test/elsewhere\"}]}");
    Cli result = Cli.run("run", tree.toString(), scenario.toString());
    assertThat(result.exit()).as(result.err()).isZero();
    List<JsonNode> out = lines(result.out());
    assertThat(out.get(0).get("status").asInt()).isEqualTo(201);
    assertThat(out.get(0).get("body").asText()).isEqualTo("made");
    assertThat(out.get(0).at("/headers/X-B/0").asText()).isEqualTo("1");
    assertThat(out.get(0).at("/variables/at").asText()).isEqualTo("2026-03-01T10:00:00");
    assertThat(out.get(1).get("status").asInt()).isEqualTo(401);
    assertThat(out.get(1).at("/variables/at").asText()).isEqualTo("2026-03-01T10:00:30");
    assertThat(out.get(1).at("/lastError/reason").asText()).isEqualTo("HeaderNotFound");
    assertThat(out.get(1).at("/lastError/scope").asText()).isEqualTo("operation");
    assertThat(out.get(1).get("backendRequest").isNull()).isTrue();
    assertThat(out.get(2).get("status").asInt()).isEqualTo(404);
    assertThat(out.get(2).at("/lastError/reason").asText()).isEqualTo("OperationNotFound");
  }

  @Test
  void badScenarioOrTreeExits1(@TempDir Path dir) throws IOException {
    Path scenario = dir.resolve("s.json");
    Files.writeString(scenario, "{ not json");
    Path tree = Files.createDirectories(dir.resolve("tree"));
    assertThat(Cli.run("run", tree.toString(), scenario.toString()).exit()).isEqualTo(1);
    Files.writeString(scenario, "{\"requests\": []}");
    Cli noTree = Cli.run("run", tree.toString(), scenario.toString());
    assertThat(noTree.exit()).isEqualTo(1);
    assertThat(noTree.err()).contains("error");
  }
}
