package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What reaches the client's response from beneath the application's: reads only. */
class DispatchShieldTest {
  private final List<String> reached = new ArrayList<>();
  /** A client's response that records the methods called on it. */
  private final HttpServletResponse client = (HttpServletResponse) Proxy.newProxyInstance(
      HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
        reached.add(method.getName());
        return switch (method.getName()) {
          case "encodeURL", "encodeRedirectURL" -> "encoded:" + args[0];
          case "isCommitted" -> false;
          case "getStatus" -> 200;
          default -> null;
        };
      });

  @Test
  void readsAreTheClientsResponses() {
    DispatchShield shield = new DispatchShield(client);
    assertThat(shield.encodeURL("/a")).isEqualTo("encoded:/a");
    assertThat(shield.encodeRedirectURL("/b")).isEqualTo("encoded:/b");
    assertThat(shield.isCommitted()).isFalse();
    assertThat(shield.getStatus()).isEqualTo(200);
    assertThat(reached).containsExactly("encodeURL", "encodeRedirectURL", "isCommitted", "getStatus");
  }

  @Test
  void writesNeverReachTheClient() {
    DispatchShield shield = new DispatchShield(client);
    assertThatThrownBy(() -> shield.setStatus(500)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> shield.setHeader("X-A", "1")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(shield::getOutputStream).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(shield::getWriter).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> shield.sendRedirect("/x")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(shield::flushBuffer).isInstanceOf(IllegalStateException.class);
    assertThat(reached).isEmpty();
  }

  @Test
  void theApplicationsTrailersStayWithTheApplicationsResponse() {
    ApplicationResponse response = new ApplicationResponse(client, null, Runnable::run, null);
    Supplier<Map<String, String>> trailers = () -> Map.of("X-Checksum", "1");
    response.setTrailerFields(trailers);
    assertThat(response.getTrailerFields()).isSameAs(trailers);
    assertThat(reached).isEmpty();
  }
}
