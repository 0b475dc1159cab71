package io.gatehouse.engine.policy;

import io.gatehouse.engine.context.UrlCodec;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.PolicyFailure;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;
import java.net.URI;
import java.util.function.Function;

/**
 * {@code set-backend-service}: replaces the backend base URL (initially the API's service URL) by {@code base-url}
 * or by the URL of backend entity {@code backend-id}; the operation-relative path and query are kept. A literal
 * backend id must name a configured backend (load error otherwise).
 */
final class SetBackendServicePolicy implements Step {
  private final Value<String> baseUrl;
  private final Function<String, String> backendLookup;

  private SetBackendServicePolicy(Value<String> baseUrl, Function<String, String> backendLookup) {
    this.baseUrl = baseUrl;
    this.backendLookup = backendLookup;
  }

  static Step compile(XmlElement element, CompileContext context) {
    boolean hasBase = element.attribute("base-url").isPresent();
    boolean hasId = element.attribute("backend-id").isPresent();
    if (hasBase == hasId) {
      context.error(element.position(), "'set-backend-service' needs exactly one of 'base-url' and 'backend-id'");
      return null;
    }
    if (hasBase) {
      Value<String> base = context.string(element, "base-url", null);
      if (base != null && base.isConstant() && UrlCodec.parseAbsoluteHttp(base.get(null)) == null) {
        context.error(element.attribute("base-url").orElseThrow().valuePosition(),
            "base-url must be an absolute http or https URL");
        return null;
      }
      return base == null ? null : new SetBackendServicePolicy(base, null);
    }
    Value<String> id = context.string(element, "backend-id", null);
    if (id == null) {
      return null;
    }
    PolicyCompiler compiler = context.compiler();
    if (id.isConstant()) {
      String url = compiler.backendUrl(id.get(null));
      if (url == null) {
        context.error(element.attribute("backend-id").orElseThrow().valuePosition(),
            "backend '" + id.get(null) + "' is not defined");
        return null;
      }
      if (UrlCodec.parseAbsoluteHttp(url) == null) {
        context.error(element.position(), "backend '" + id.get(null) + "' has no absolute http(s) URL");
        return null;
      }
      return new SetBackendServicePolicy(Value.constant(url), null);
    }
    return new SetBackendServicePolicy(id, compiler::backendUrl);
  }

  @Override
  public Flow run(Exchange exchange) {
    String value = baseUrl.get(exchange);
    String url = backendLookup == null ? value : value == null ? null : backendLookup.apply(value);
    URI uri = UrlCodec.parseAbsoluteHttp(url);
    if (uri == null) {
      throw PolicyFailure.internal(null, "ExpressionValueEvaluationFailure",
          "Expression evaluation failed. " + (backendLookup == null
              ? "The backend base URL is not an absolute http or https URL."
              : "Backend '" + value + "' is not defined."));
    }
    exchange.request().setBackendBase(uri);
    return Flow.CONTINUE;
  }
}
