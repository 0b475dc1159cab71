package io.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code run} demonstrates each traffic-protection policy with the scenario clock (files in test resources). */
class LimitScenariosTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> run(String scenario) throws URISyntaxException {
    Path dir = Path.of(LimitScenariosTest.class.getResource("/scenarios").toURI());
    Cli result = Cli.run("run", dir.resolve("limits-tree").toString(), dir.resolve(scenario).toString());
    assertThat(result.exit()).as(result.err()).isZero();
    return result.out().lines().map(l -> {
      try {
        return JSON.readTree(l);
      } catch (IOException e) {
        throw new AssertionError(l, e);
      }
    }).toList();
  }

  private static List<Integer> statuses(List<JsonNode> out) {
    return out.stream().map(n -> n.get("status").asInt()).toList();
  }

  @Test
  void rateLimit() throws URISyntaxException {
    List<JsonNode> out = run("rate-limit.json");
    assertThat(statuses(out)).containsExactly(200, 200, 429, 200);
    assertThat(out.get(0).at("/headers/X-Remaining/0").asText()).isEqualTo("1");
    assertThat(out.get(0).at("/headers/X-Total/0").asText()).isEqualTo("2");
    assertThat(out.get(2).at("/headers/Retry-After/0").asText()).isEqualTo("64");
    assertThat(out.get(2).at("/lastError/reason").asText()).isEqualTo("RateLimitExceeded");
  }

  @Test
  void rateLimitByKey() throws URISyntaxException {
    List<JsonNode> out = run("rate-limit-by-key.json");
    assertThat(statuses(out)).containsExactly(200, 200, 429, 200, 200);
    assertThat(out.get(0).at("/variables/remaining").asInt()).isEqualTo(1);
    assertThat(out.get(2).at("/variables/retryAfter").asInt()).isEqualTo(11);
    assertThat(out.get(2).get("body").asText()).contains("Try again in 11 seconds.");
  }

  @Test
  void quota() throws URISyntaxException {
    List<JsonNode> out = run("quota.json");
    assertThat(statuses(out)).containsExactly(200, 200, 403, 200);
    assertThat(out.get(2).at("/headers/Retry-After/0").asText()).isEqualTo("1800");
    assertThat(out.get(2).at("/lastError/message").asText())
        .isEqualTo("Out of call volume quota. Quota will be replenished in 00:30:00.");
  }

  @Test
  void quotaByKey() throws URISyntaxException {
    List<JsonNode> out = run("quota-by-key.json");
    assertThat(statuses(out)).containsExactly(200, 200, 403, 200);
    assertThat(out.get(2).at("/headers/Retry-After/0").asText()).isEqualTo("60");
  }

  @Test
  void limitConcurrency() throws URISyntaxException {
    List<JsonNode> out = run("limit-concurrency.json");
    assertThat(statuses(out)).containsExactly(200, 429, 200);
    assertThat(out.get(1).at("/lastError/reason").asText()).isEqualTo("ConcurrencyLimitExceeded");
  }
}
