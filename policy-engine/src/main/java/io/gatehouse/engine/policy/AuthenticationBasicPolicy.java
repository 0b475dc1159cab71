package io.gatehouse.engine.policy;

import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * {@code authentication-basic}: sets the backend request's {@code Authorization} header to
 * {@code Basic base64(username:password)} (UTF-8), replacing any value the caller or earlier policies set. Both
 * attributes are required and may be expressions; DECISION: an expression yielding null counts as empty. The
 * password never reaches a diagnostic, trace or {@code context.LastError}: only the header carries it.
 */
final class AuthenticationBasicPolicy implements Step {
  private final Value<String> username;
  private final Value<String> password;

  private AuthenticationBasicPolicy(Value<String> username, Value<String> password) {
    this.username = username;
    this.password = password;
  }

  static Step compile(XmlElement element, CompileContext context) {
    Value<String> username = context.requiredString(element, "username");
    Value<String> password = context.requiredString(element, "password");
    return username == null || password == null ? null : new AuthenticationBasicPolicy(username, password);
  }

  @Override
  public Flow run(Exchange exchange) {
    String user = username.get(exchange);
    String secret = password.get(exchange);
    String credentials = (user == null ? "" : user) + ":" + (secret == null ? "" : secret);
    exchange.request().headers().set("Authorization",
        List.of("Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
    return Flow.CONTINUE;
  }

  @Override
  public String toString() {
    return "authentication-basic";
  }
}
