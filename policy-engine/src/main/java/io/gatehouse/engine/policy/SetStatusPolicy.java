package io.gatehouse.engine.policy;

import io.gatehouse.engine.pipeline.ErrorResponses;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.PolicyFailure;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;

/** {@code set-status}: sets {@code context.Response.StatusCode} and {@code StatusReason}. */
final class SetStatusPolicy implements Step {
  private final Value<Long> code;
  private final Value<String> reason;

  private SetStatusPolicy(Value<Long> code, Value<String> reason) {
    this.code = code;
    this.reason = reason;
  }

  static Step compile(XmlElement element, CompileContext context) {
    if (element.attribute("code").isEmpty()) {
      context.error(element.position(), "'set-status' requires attribute 'code'");
      return null;
    }
    Value<Long> code = context.integer(element, "code", null);
    Value<String> reason = context.string(element, "reason", null);
    if (code == null || reason == null) {
      return null;
    }
    if (code.isConstant() && !valid(code.get(null))) {
      context.error(element.position(), "status code must be between 100 and 599");
      return null;
    }
    return new SetStatusPolicy(code, reason);
  }

  private static boolean valid(Long code) {
    return code != null && code >= 100 && code <= 599;
  }

  @Override
  public Flow run(Exchange exchange) {
    Long c = code.get(exchange);
    if (!valid(c)) {
      throw PolicyFailure.internal(null, "ExpressionValueEvaluationFailure",
          "Expression evaluation failed. Status code must be between 100 and 599.");
    }
    int status = c.intValue();
    String r = reason.get(exchange);
    exchange.response().setStatus(status, r != null ? r : ErrorResponses.reasonPhrase(status));
    return Flow.CONTINUE;
  }
}
