package io.gatehouse.engine.policy;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.context.HttpUrl;
import io.gatehouse.engine.context.UrlInfo;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.PreflightHandler;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code cors}. Preflights ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) are
 * answered by {@link #answerPreflight} before any other policy runs (see the pipeline); as a statement it handles
 * actual cross-origin requests: a matching {@code Origin} gets the CORS response headers added to the final
 * response; a non-matching one ends the request with an empty 200 when {@code terminate-unmatched-request} is true
 * (the default) or continues without CORS headers. Requests without {@code Origin} are not cross-origin and pass.
 *
 * <p>Origins match on scheme, host and port (default ports 80/443 implied). Without {@code allowed-methods} only GET
 * and POST are allowed. DECISION: {@code allow-credentials="true"} with the origin {@code *} is a load error, since
 * browsers reject that combination.
 */
final class CorsPolicy implements Step, PreflightHandler {
  private final Value<Boolean> allowCredentials;
  private final Value<Boolean> terminateUnmatched;
  private final List<Value<String>> origins;
  /** {@link #normalizeOrigin} of each constant origin, computed once; null for expressions. */
  private final String[] normalizedOrigins;
  private final List<Value<String>> methods;
  private final Value<Long> maxAge;
  private final List<Value<String>> headers;
  private final List<Value<String>> exposeHeaders;
  /**
   * The headers of an actual request from each constant origin, built once when they depend on no expression
   * (the usual policy); shared read-only by every such request. Empty otherwise.
   */
  private final String[] templateOrigins;
  private final HttpHeaders[] templates;

  private CorsPolicy(Value<Boolean> allowCredentials, Value<Boolean> terminateUnmatched, List<Value<String>> origins,
      List<Value<String>> methods, Value<Long> maxAge, List<Value<String>> headers,
      List<Value<String>> exposeHeaders) {
    this.allowCredentials = allowCredentials;
    this.terminateUnmatched = terminateUnmatched;
    this.origins = origins;
    this.normalizedOrigins = new String[origins.size()];
    for (int i = 0; i < origins.size(); i++) {
      Value<String> v = origins.get(i);
      normalizedOrigins[i] = v.isConstant() && v.get(null) != null ? normalizeOrigin(v.get(null)) : null;
    }
    this.methods = methods;
    this.maxAge = maxAge;
    this.headers = headers;
    this.exposeHeaders = exposeHeaders;
    List<String> constant = new ArrayList<>();
    if (allowCredentials.isConstant() && exposeHeaders.stream().allMatch(Value::isConstant)) {
      for (Value<String> v : origins) {
        String origin = v.isConstant() ? v.get(null) : null;
        if (origin != null && !origin.strip().equals("*") && normalizeOrigin(origin) != null) {
          constant.add(origin);
        }
      }
    }
    this.templateOrigins = constant.toArray(new String[0]);
    this.templates = new HttpHeaders[templateOrigins.length];
    for (int i = 0; i < templates.length; i++) {
      templates[i] = buildActualRequestHeaders(templateOrigins[i], null);
    }
  }

  static Step compile(XmlElement element, CompileContext context) {
    Value<Boolean> credentials = context.bool(element, "allow-credentials", false);
    Value<Boolean> terminate = context.bool(element, "terminate-unmatched-request", true);
    XmlElement originsElement = element.element("allowed-origins").orElse(null);
    if (originsElement == null || originsElement.elements("origin").isEmpty()) {
      context.error(element.position(), "'cors' requires 'allowed-origins' with at least one 'origin'");
      return null;
    }
    List<Value<String>> origins = texts(originsElement, "origin", context);
    XmlElement methodsElement = element.element("allowed-methods").orElse(null);
    List<Value<String>> methods = methodsElement == null
        ? List.of(Value.constant("GET"), Value.constant("POST"))
        : texts(methodsElement, "method", context);
    Value<Long> maxAge = methodsElement == null ? Value.constant(0L)
        : context.integer(methodsElement, "preflight-result-max-age", 0L);
    XmlElement headersElement = element.element("allowed-headers").orElse(null);
    List<Value<String>> headers = headersElement == null ? List.of() : texts(headersElement, "header", context);
    XmlElement exposeElement = element.element("expose-headers").orElse(null);
    List<Value<String>> expose = exposeElement == null ? List.of() : texts(exposeElement, "header", context);
    if (credentials == null || terminate == null || origins == null || methods == null || maxAge == null
        || headers == null || expose == null) {
      return null;
    }
    boolean wildcard = origins.stream().anyMatch(o -> o.isConstant() && "*".equals(o.get(null)));
    if (wildcard && credentials.isConstant() && credentials.get(null)) {
      context.error(element.position(),
          "allow-credentials=\"true\" cannot be combined with the origin '*': browsers reject it; list the origins");
      return null;
    }
    return new CorsPolicy(credentials, terminate, origins, methods, maxAge, headers, expose);
  }

  private static List<Value<String>> texts(XmlElement parent, String name, CompileContext context) {
    List<Value<String>> values = new ArrayList<>();
    for (XmlElement e : parent.elements(name)) {
      Value<String> v = context.text(e);
      if (v == null) {
        return null;
      }
      values.add(v);
    }
    return List.copyOf(values);
  }

  @Override
  public Flow run(Exchange exchange) {
    String origin = exchange.request().headers().first("Origin");
    if (origin == null) {
      return Flow.CONTINUE;
    }
    String allowedOrigin = matchOrigin(origin, exchange);
    if (allowedOrigin != null) {
      exchange.setCorsHeaders(actualRequestHeaders(allowedOrigin, exchange));
      return Flow.CONTINUE;
    }
    if (terminateUnmatched.get(exchange)) {
      exchange.response().reset();
      return Flow.END;
    }
    return Flow.CONTINUE;
  }

  /** The headers an actual request from {@code allowedOrigin} gets. Read-only: a template is shared. */
  private HttpHeaders actualRequestHeaders(String allowedOrigin, Exchange exchange) {
    for (int i = 0; i < templateOrigins.length; i++) {
      if (templateOrigins[i].equals(allowedOrigin)) {
        return templates[i];
      }
    }
    return buildActualRequestHeaders(allowedOrigin, exchange);
  }

  /** {@code exchange} is null only while building the templates (no expression involved then). */
  private HttpHeaders buildActualRequestHeaders(String allowedOrigin, Exchange exchange) {
    HttpHeaders h = new HttpHeaders();
    h.set("Access-Control-Allow-Origin", allowedOrigin);
    if (allowCredentials.get(exchange)) {
      h.set("Access-Control-Allow-Credentials", "true");
    }
    List<String> expose = exposeHeaders.isEmpty() ? List.of() : evaluate(exposeHeaders, exchange);
    if (!expose.isEmpty()) {
      h.set("Access-Control-Expose-Headers", String.join(",", expose));
    }
    if (!allowedOrigin.equals("*")) {
      h.set("Vary", "Origin");
    }
    return h;
  }

  @Override
  public boolean answerPreflight(Exchange exchange) {
    HttpHeaders request = exchange.request().headers();
    String origin = request.first("Origin");
    String method = request.first("Access-Control-Request-Method");
    String allowedOrigin = origin == null ? null : matchOrigin(origin, exchange);
    if (allowedOrigin == null || method == null || !matchesAny(method.strip(), evaluate(methods, exchange), false)) {
      return false;
    }
    List<String> requested = new ArrayList<>();
    for (String line : request.get("Access-Control-Request-Headers")) {
      for (String h : line.split(",")) {
        if (!h.isBlank()) {
          requested.add(h.strip());
        }
      }
    }
    List<String> allowedHeaders = evaluate(headers, exchange);
    for (String h : requested) {
      if (!matchesAny(h, allowedHeaders, true)) {
        return false;
      }
    }
    HttpHeaders out = new HttpHeaders();
    out.set("Access-Control-Allow-Origin", allowedOrigin);
    out.set("Access-Control-Allow-Methods", method.strip());
    if (!requested.isEmpty()) {
      out.set("Access-Control-Allow-Headers", String.join(",", requested));
    }
    Long age = maxAge.get(exchange);
    if (age != null && age > 0) {
      out.set("Access-Control-Max-Age", Long.toString(age));
    }
    if (allowCredentials.get(exchange)) {
      out.set("Access-Control-Allow-Credentials", "true");
    }
    if (!allowedOrigin.equals("*")) {
      out.set("Vary", "Origin");
    }
    exchange.response().replaceWith(200, "OK", out, null);
    return true;
  }

  @Override
  public boolean terminatesUnmatched(Exchange exchange) {
    return terminateUnmatched.get(exchange);
  }

  /** The value for Access-Control-Allow-Origin, or null when the origin is not allowed. */
  private String matchOrigin(String origin, Exchange exchange) {
    String normalized = null;
    boolean normalizedYet = false;
    for (int i = 0; i < origins.size(); i++) {
      String allowed = origins.get(i).get(exchange);
      if (allowed == null) {
        continue;
      }
      if (allowed.strip().equals("*")) {
        return allowCredentials.get(exchange) ? origin : "*";
      }
      String normalizedAllowed = normalizedOrigins[i];
      if (normalizedAllowed != null && origin.equals(allowed)) {
        return origin; // the same text normalizes the same way (the usual match, without normalizing)
      }
      if (!normalizedYet) {
        normalized = normalizeOrigin(origin);
        normalizedYet = true;
      }
      if (normalized != null && normalized.equals(
          normalizedAllowed != null ? normalizedAllowed : normalizeOrigin(allowed))) {
        return origin;
      }
    }
    return null;
  }

  /** {@code scheme://host:port} in lower case with the default port made explicit, or null if not an origin. */
  static String normalizeOrigin(String origin) {
    HttpUrl http = HttpUrl.parse(origin); // http and https without java.net.URI, as it would read them
    if (http != null) {
      int port = http.port() != -1 ? http.port() : UrlInfo.defaultPort(http.scheme());
      return http.scheme() + "://" + http.host().toLowerCase(Locale.ROOT) + ":" + port;
    }
    try { // another scheme (chrome-extension://...): HttpUrl already refused every http(s) origin URI refuses
      URI uri = new URI(origin.strip());
      String scheme = uri.getScheme();
      String host = uri.getHost();
      if (scheme == null || host == null) {
        return null;
      }
      scheme = scheme.toLowerCase(Locale.ROOT);
      return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + uri.getPort();
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static boolean matchesAny(String value, List<String> allowed, boolean ignoreCase) {
    for (String a : allowed) {
      String s = a.strip();
      if (s.equals("*") || (ignoreCase ? s.equalsIgnoreCase(value) : s.equals(value))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> evaluate(List<Value<String>> values, Exchange exchange) {
    List<String> result = new ArrayList<>(values.size());
    for (Value<String> v : values) {
      String s = v.get(exchange);
      if (s != null) {
        result.add(s);
      }
    }
    return result;
  }
}
