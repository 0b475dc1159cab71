package io.gatehouse.engine.policy;

import io.gatehouse.api.Backend;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.TraceSink;
import io.gatehouse.engine.context.ApiInfo;
import io.gatehouse.engine.context.DeploymentInfo;
import io.gatehouse.engine.context.OperationInfo;
import io.gatehouse.engine.context.UrlInfo;
import io.gatehouse.engine.expr.ExpressionCompiler;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Pipeline;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.PolicyDocument;
import io.gatehouse.xml.PolicyLoadException;
import io.gatehouse.xml.PolicyReader;
import io.gatehouse.xml.PolicySource;
import io.gatehouse.xml.Scope;
import io.gatehouse.xml.Section;
import io.gatehouse.xml.XmlElement;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Compiles one {@code <policies>} document (operation scope, no composition) and runs requests through it. */
final class PolicyKit {
  static final ExpressionCompiler NO_EXPRESSIONS = (source, type, diagnostics) -> {
    diagnostics.error(source.position(), "expressions are not available in this test");
    return null;
  };

  private PolicyKit() {}

  static Pipeline compile(String xml) {
    return compile(xml, NO_EXPRESSIONS, Map.of());
  }

  static Pipeline compile(String xml, ExpressionCompiler expressions, Map<String, String> backends) {
    Diagnostics diagnostics = new Diagnostics();
    Pipeline p = compile(xml, expressions, backends, diagnostics);
    diagnostics.throwIfErrors();
    return p;
  }

  static Pipeline compile(String xml, ExpressionCompiler expressions, Map<String, String> backends,
      Diagnostics diagnostics) {
    return new PolicyCompiler(expressions, name -> true, backends, String::valueOf)
        .compile(sections(xml, diagnostics), diagnostics);
  }

  /** The sections of one document as effective sections (operation scope, no composition). */
  static Map<Section, List<ScopedElement>> sections(String xml, Diagnostics diagnostics) {
    PolicyDocument doc = PolicyReader.standard().read(new PolicySource("test.xml", xml), diagnostics);
    if (doc == null) {
      throw new PolicyLoadException(diagnostics.all());
    }
    Map<Section, List<ScopedElement>> sections = new EnumMap<>(Section.class);
    for (Section s : Section.values()) {
      XmlElement section = doc.section(s);
      List<ScopedElement> statements = new ArrayList<>();
      if (section != null) {
        for (XmlElement e : section.elements()) {
          statements.add(new ScopedElement(e, Scope.OPERATION));
        }
      }
      sections.put(s, statements);
    }
    return sections;
  }

  /** Diagnostics of compiling {@code xml}, as printed. */
  static List<String> problems(String xml) {
    Diagnostics diagnostics = new Diagnostics();
    try {
      compile(xml, NO_EXPRESSIONS, Map.of("backend1", "https://backend-one.test/base"), diagnostics);
    } catch (PolicyLoadException e) {
      // reader errors are already in diagnostics
    }
    return diagnostics.all().stream().map(Object::toString).toList();
  }

  /** A request builder with an echoing stub backend. */
  static final class Call {
    String method = "GET";
    String url = "https://gw.test/api/items/7?a=1";
    HttpHeaders headers = new HttpHeaders();
    byte[] body;
    String ip = "10.0.0.1";
    Map<String, String> matched = Map.of("id", "7");
    String serviceUrl = "https://backend.test/svc";
    String operationTemplate = "/items/{id}";
    io.gatehouse.engine.pipeline.MockResponses mockResponses = io.gatehouse.engine.pipeline.MockResponses.NONE;
    Backend backend = (request, options) -> CompletableFuture.completedFuture(new BackendResponse(200, "OK",
        HttpHeaders.of("Content-Type", "text/plain", "X-Backend", "1"),
        ("backend saw " + request.method() + " " + request.uri()).getBytes(StandardCharsets.UTF_8)));

    Call header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    Exchange run(Pipeline pipeline) {
      Exchange exchange = exchange();
      pipeline.run(exchange).toCompletableFuture().join();
      return exchange;
    }

    Exchange runPreflight(Pipeline pipeline) {
      Exchange exchange = exchange();
      pipeline.runPreflight(exchange);
      return exchange;
    }

    Exchange exchange() {
      URI uri = URI.create(url);
      Map<String, List<String>> query = new LinkedHashMap<>();
      if (uri.getRawQuery() != null) {
        query.putAll(io.gatehouse.engine.context.UrlCodec.parseQuery(uri.getRawQuery()));
      }
      UrlInfo original = new UrlInfo(uri.getScheme(), uri.getHost(), 443, uri.getRawPath(), query);
      String relative = uri.getRawPath().substring("/api".length());
      Exchange exchange = new Exchange(new Exchange.Setup(
          new Exchange.MutableRequestSetup(method, original, serviceUrl == null ? null : URI.create(serviceUrl),
              relative, headers, body, matched, ip, null),
          new ApiInfo("api", "Api", "api", "1", null, true, null, List.of("https"), "Ocp-Apim-Subscription-Key",
              "subscription-key"),
          new OperationInfo("get-item", "Get item", "GET", operationTemplate),
          null, null, null, DeploymentInfo.LOCAL,
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), backend, TraceSink.NONE, false,
          true, mockResponses));
      return exchange;
    }
  }

  static String body(Exchange exchange) {
    return exchange.response().body() == null ? ""
        : new String(exchange.response().body().peek(), StandardCharsets.UTF_8);
  }
}
