package io.gatehouse.engine.policy;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.PolicyFailure;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;

/** {@code set-method}: the method of the backend request. The value must be an HTTP token. */
final class SetMethodPolicy implements Step {
  private final Value<String> method;

  private SetMethodPolicy(Value<String> method) {
    this.method = method;
  }

  static Step compile(XmlElement element, CompileContext context) {
    Value<String> method = context.text(element);
    if (method == null) {
      return null;
    }
    if (method.isConstant() && !isToken(method.get(null))) {
      context.error(element.position(), "'set-method' needs an HTTP method such as POST");
      return null;
    }
    return new SetMethodPolicy(method);
  }

  private static boolean isToken(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    try {
      HttpHeaders.checkName(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public Flow run(Exchange exchange) {
    String m = method.get(exchange);
    if (!isToken(m)) {
      throw PolicyFailure.internal(null, "ExpressionValueEvaluationFailure",
          "Expression evaluation failed. The method is not a valid HTTP method.");
    }
    exchange.request().setMethod(m);
    return Flow.CONTINUE;
  }
}
