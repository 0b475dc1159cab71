package io.gatehouse.engine.policy;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.context.ResponseContext;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.PolicyFailure;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.engine.pipeline.StepSequence;
import io.gatehouse.xml.XmlElement;

/**
 * {@code return-response}: ends the pipeline with an empty {@code 200 OK}, or with the response stored in
 * {@code response-variable-name}, modified by the child set-status / set-header / set-body. Not an error:
 * on-error is not entered, later statements and sections are skipped.
 */
final class ReturnResponsePolicy implements Step {
  private final String variable;
  private final StepSequence children;

  private ReturnResponsePolicy(String variable, StepSequence children) {
    this.variable = variable;
    this.children = children;
  }

  static Step compile(XmlElement element, CompileContext context) {
    StepSequence children = context.statements(element, MessageTarget.RESPONSE);
    return new ReturnResponsePolicy(element.attributeValue("response-variable-name"), children);
  }

  @Override
  public Flow run(Exchange exchange) {
    if (variable != null) {
      Object value = exchange.variables().get(variable);
      if (!(value instanceof ResponseContext r)) {
        throw PolicyFailure.internal(null, "ExpressionValueEvaluationFailure",
            "Variable " + variable + " does not hold a response.");
      }
      byte[] body = r.body() == null ? null : r.body().read(true);
      exchange.response().replaceWith(r.statusCode(), r.statusReason(), r.headers().copy(), body);
    } else {
      exchange.response().replaceWith(200, "OK", new HttpHeaders(), null);
    }
    Flow flow = children.run(exchange);
    if (!flow.isPending()) {
      return Flow.END;
    }
    return Flow.later(flow.stage().thenApply(f -> Flow.END));
  }
}
