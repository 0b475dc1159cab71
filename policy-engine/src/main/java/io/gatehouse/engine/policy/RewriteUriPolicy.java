package io.gatehouse.engine.policy;

import io.gatehouse.engine.context.UrlCodec;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rewrite-uri}: replaces the operation-relative path and query sent to the backend. {@code {param}} in the
 * template takes the operation's matched URL-template parameter (percent-encoded); with
 * {@code copy-unmatched-params} (default true) query parameters the operation's template did not declare are
 * appended after the template's own. A {@code {param}} without a matching parameter stays as written.
 */
final class RewriteUriPolicy implements Step {
  private final Value<String> template;
  private final Value<Boolean> copyUnmatched;

  private RewriteUriPolicy(Value<String> template, Value<Boolean> copyUnmatched) {
    this.template = template;
    this.copyUnmatched = copyUnmatched;
  }

  static Step compile(XmlElement element, CompileContext context) {
    Value<String> template = context.requiredString(element, "template");
    Value<Boolean> copy = context.bool(element, "copy-unmatched-params", true);
    return template == null || copy == null ? null : new RewriteUriPolicy(template, copy);
  }

  @Override
  public Flow run(Exchange exchange) {
    String t = template.get(exchange);
    if (t == null) {
      t = "";
    }
    String filled = fill(t, exchange.request().matchedParameters());
    int q = filled.indexOf('?');
    String path = q < 0 ? filled : filled.substring(0, q);
    LinkedHashMap<String, List<String>> newQuery = q < 0 ? new LinkedHashMap<>() : UrlCodec.parseQuery(filled.substring(q + 1));
    if (copyUnmatched.get(exchange)) {
      Set<String> declared = templateQueryNames(exchange.operation() == null ? null
          : exchange.operation().urlTemplate());
      for (Map.Entry<String, List<String>> e : exchange.request().query().entrySet()) {
        if (!declared.contains(e.getKey()) && !newQuery.containsKey(e.getKey())) {
          newQuery.put(e.getKey(), new ArrayList<>(e.getValue()));
        }
      }
    }
    exchange.request().setRelativePath(path.isEmpty() || path.startsWith("/") ? path : "/" + path);
    LinkedHashMap<String, List<String>> query = exchange.request().query();
    query.clear();
    query.putAll(newQuery);
    return Flow.CONTINUE;
  }

  static String fill(String template, Map<String, String> parameters) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    StringBuilder sb = new StringBuilder(template.length() + 16);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int close = c == '{' ? template.indexOf('}', i) : -1;
      if (close > i) {
        String name = template.substring(i + 1, close);
        String value = parameters.get(name);
        if (value != null) {
          sb.append(UrlCodec.encodeQueryComponent(value));
          i = close + 1;
          continue;
        }
      }
      sb.append(c);
      i++;
    }
    return sb.toString();
  }

  /** Names of the query parameters an operation URL template declares ({@code /get?a={b}} declares {@code a}). */
  static Set<String> templateQueryNames(String urlTemplate) {
    Set<String> names = new HashSet<>();
    if (urlTemplate == null) {
      return names;
    }
    int q = urlTemplate.indexOf('?');
    if (q >= 0) {
      names.addAll(UrlCodec.parseQuery(urlTemplate.substring(q + 1)).keySet());
    }
    return names;
  }
}
