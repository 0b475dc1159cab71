package io.gatehouse.engine.policy;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.pipeline.ErrorResponses;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.MockResponses;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;

/**
 * {@code mock-response}: ends the pipeline with {@code status-code} (default 200) and the body the operation's
 * definition documents for it: the example for {@code content-type} (or the first media type), else a sample
 * generated from the schema, else no content.
 */
final class MockResponsePolicy implements Step {
  private final int status;
  private final String contentType;

  private MockResponsePolicy(int status, String contentType) {
    this.status = status;
    this.contentType = contentType;
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
    return new MockResponsePolicy(status, element.attributeValue("content-type"));
  }

  @Override
  public Flow run(Exchange exchange) {
    MockResponses.MockBody mock = exchange.mockResponses().find(status, contentType);
    HttpHeaders headers = new HttpHeaders();
    if (mock != null && mock.contentType() != null) {
      headers.set("Content-Type", mock.contentType());
    }
    exchange.response().replaceWith(status, ErrorResponses.reasonPhrase(status), headers,
        mock == null ? null : mock.body());
    return Flow.END;
  }
}
