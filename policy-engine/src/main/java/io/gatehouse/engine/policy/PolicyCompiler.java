package io.gatehouse.engine.policy;

import io.gatehouse.api.CounterStore;
import io.gatehouse.engine.CertificateStore;
import io.gatehouse.engine.expr.ExpressionCompiler;
import io.gatehouse.engine.jwt.TokenValidation;
import io.gatehouse.engine.pipeline.Pipeline;
import io.gatehouse.engine.pipeline.PreflightHandler;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.engine.pipeline.StepInfo;
import io.gatehouse.engine.pipeline.StepSequence;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.Section;
import io.gatehouse.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Compiles composed policy sections into an immutable {@link Pipeline}: every statement becomes a {@link Step},
 * every expression a compiled closure. Policies that APIM knows but Gatehouse does not implement yet are load
 * errors ("policy 'x' is not supported yet"), never silently skipped.
 */
public final class PolicyCompiler {
  private final ExpressionCompiler expressions;
  private final Map<String, PolicyFactory> factories;
  private final Predicate<String> knownPolicy;
  private final Map<String, String> backendUrls;
  private final Function<Object, String> toText;
  private final boolean anyBackend;
  private final PolicyServices services;

  /**
   * A compiler with default services (see {@link PolicyServices#defaults()}).
   *
   * @param expressions compiles {@code @(...)} and {@code @{...}} values
   * @param knownPolicy whether APIM knows a policy name (unknown names are reported by the validator)
   * @param backendUrls backend entity id to URL, for {@code set-backend-service backend-id}
   * @param toText C#'s {@code ToString()} of a runtime value (set-body of a JObject, a bool, ...)
   */
  public PolicyCompiler(
      ExpressionCompiler expressions, Predicate<String> knownPolicy, Map<String, String> backendUrls,
      Function<Object, String> toText) {
    this(expressions, knownPolicy, backendUrls, toText, PolicyServices.defaults());
  }

  /** Same, with the gateway's services (certificates, token validation, counters). */
  public PolicyCompiler(
      ExpressionCompiler expressions, Predicate<String> knownPolicy, Map<String, String> backendUrls,
      Function<Object, String> toText, PolicyServices services) {
    this(expressions, knownPolicy, backendUrls, toText, false, services);
  }

  private PolicyCompiler(ExpressionCompiler expressions, Predicate<String> knownPolicy,
      Map<String, String> backendUrls, Function<Object, String> toText, boolean anyBackend,
      PolicyServices services) {
    this.anyBackend = anyBackend;
    this.services = services;
    this.expressions = expressions;
    this.factories = StandardPolicies.factories();
    this.knownPolicy = knownPolicy;
    this.backendUrls = Map.copyOf(backendUrls);
    this.toText = toText;
  }

  /** The gateway's certificates. */
  CertificateStore certificates() {
    return services.certificates();
  }

  /** The gateway's token-validation services (openid-config keys, signature cache). */
  TokenValidation tokenValidation() {
    return services.tokenValidation();
  }

  /** The engine's counters (rate limits, quotas, concurrency slots). */
  CounterStore counters() {
    return services.counters();
  }

  /** Whether references to configured entities (backends, certificates) cannot be checked (lint of a lone file). */
  boolean lenientReferences() {
    return anyBackend;
  }

  Function<Object, String> toText() {
    return toText;
  }


  ExpressionCompiler expressions() {
    return expressions;
  }

  /** The URL of backend entity {@code id}, or null. */
  String backendUrl(String id) {
    String url = backendUrls.get(id);
    return url == null && anyBackend ? "https://" + id + ".lint.invalid/" : url;
  }

  /** Compiles the four effective sections; errors go to {@code diagnostics}. */
  public Pipeline compile(Map<Section, List<ScopedElement>> sections, Diagnostics diagnostics) {
    boolean responseBodyNeeded = ResponseBodyUse.needed(sections);
    StepSequence inbound = section(Section.INBOUND, sections, diagnostics, responseBodyNeeded);
    List<PreflightHandler> preflight = new ArrayList<>();
    for (Step step : inbound.steps()) {
      if (step instanceof PreflightHandler handler) {
        preflight.add(handler);
      }
    }
    return new Pipeline(
        inbound,
        section(Section.BACKEND, sections, diagnostics, responseBodyNeeded),
        section(Section.OUTBOUND, sections, diagnostics, responseBodyNeeded),
        section(Section.ON_ERROR, sections, diagnostics, responseBodyNeeded),
        preflight);
  }

  /**
   * Compiles sections only to collect diagnostics, as lint does for a lone file: backend ids cannot be resolved
   * there, so {@code set-backend-service backend-id} is not checked against configured backends.
   */
  public void compileForLint(Map<Section, List<ScopedElement>> sections, Diagnostics diagnostics) {
    new PolicyCompiler(expressions, knownPolicy, backendUrls, toText, true, services)
        .compile(sections, diagnostics);
  }

  /** Compiles one effective section. */
  public StepSequence section(Section section, Map<Section, List<ScopedElement>> sections, Diagnostics diagnostics) {
    return section(section, sections, diagnostics, ResponseBodyUse.needed(sections));
  }

  private StepSequence section(Section section, Map<Section, List<ScopedElement>> sections, Diagnostics diagnostics,
      boolean responseBodyNeeded) {
    List<ScopedElement> statements = sections.getOrDefault(section, List.of());
    List<Step> steps = new ArrayList<>();
    List<StepInfo> infos = new ArrayList<>();
    int index = 0;
    for (ScopedElement statement : statements) {
      index++;
      XmlElement element = statement.element();
      CompileContext context = new CompileContext(this, diagnostics, section, statement.scope(),
          element.name() + "[" + index + "]", MessageTarget.forSection(section), responseBodyNeeded);
      Step step = compileStatement(element, context);
      if (step != null) {
        steps.add(step);
        infos.add(context.stepInfo(element));
      }
    }
    return StepSequence.of(steps, infos);
  }

  Step compileStatement(XmlElement element, CompileContext context) {
    String name = element.name();
    if (name.equals("base") || name.equals("include-fragment")) {
      // Composition replaces both; one left here sits where the validator already reported it.
      return null;
    }
    PolicyFactory factory = factories.get(name);
    if (factory == null) {
      if (knownPolicy.test(name)) {
        context.error(element.position(), "policy '" + name + "' is not supported yet");
      }
      return null;
    }
    return factory.compile(element, context);
  }
}
