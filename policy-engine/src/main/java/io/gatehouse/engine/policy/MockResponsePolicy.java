package io.gatehouse.engine.policy;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.pipeline.ErrorResponses;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;

/**
 * {@code mock-response}: ends the pipeline with {@code status-code} (default 200). APIM fills the body from the
 * operation's examples; Gatehouse does not load examples from API definitions yet, so the mocked response has no
 * content (APIM's own behaviour when the definition has neither example nor schema).
 */
final class MockResponsePolicy implements Step {
  private final int status;

  private MockResponsePolicy(int status) {
    this.status = status;
  }

  static Step compile(XmlElement element, CompileContext context) {
    String code = element.attributeValue("status-code");
    int status = 200;
    if (code != null) {
      try {
        status = Integer.parseInt(code.strip());
      } catch (NumberFormatException e) {
        status = -1;
      }
      if (status < 100 || status > 599) {
        context.error(element.position(), "status-code must be an HTTP status between 100 and 599");
        return null;
      }
    }
    return new MockResponsePolicy(status);
  }

  @Override
  public Flow run(Exchange exchange) {
    exchange.response().replaceWith(status, ErrorResponses.reasonPhrase(status), new HttpHeaders(), null);
    return Flow.END;
  }
}
