package io.gatehouse.engine;

import io.gatehouse.engine.context.ApiInfo;
import io.gatehouse.engine.context.OperationInfo;
import io.gatehouse.engine.context.ProductInfo;
import io.gatehouse.engine.context.UrlCodec;
import io.gatehouse.engine.context.UrlInfo;
import io.gatehouse.engine.expr.ExpressionCompiler;
import io.gatehouse.engine.expr.runtime.CsFormat;
import io.gatehouse.engine.pipeline.Pipeline;
import io.gatehouse.engine.policy.OpenApiMockResponses;
import io.gatehouse.engine.policy.PolicyCompiler;
import io.gatehouse.engine.policy.PolicyServices;
import io.gatehouse.engine.policy.ScopedElement;
import io.gatehouse.xml.Diagnostic;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.EffectivePolicy;
import io.gatehouse.xml.NamedValueResolver;
import io.gatehouse.xml.PolicyComposer;
import io.gatehouse.xml.PolicyDocument;
import io.gatehouse.xml.PolicyReader;
import io.gatehouse.xml.PolicySource;
import io.gatehouse.xml.PolicyValidator;
import io.gatehouse.xml.Scope;
import io.gatehouse.xml.ScopedPolicy;
import io.gatehouse.xml.Section;
import io.gatehouse.xml.Statement;
import io.gatehouse.xml.catalog.PolicyCatalog;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.BackendDefinition;
import io.gatehouse.xml.config.FragmentDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import io.gatehouse.xml.config.OperationDefinition;
import io.gatehouse.xml.config.ProductDefinition;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link GatewayConfig} into compiled operations: reads every policy document once (named values
 * substituted), validates it for its scope, composes global > product > API > operation per operation, and compiles
 * the result. Every problem of every document is collected; diagnostics repeated because a broad-scope document is
 * compiled into many operations are reported once.
 */
final class GatewayCompiler {
  private final GatewayConfig config;
  private final ExpressionCompiler expressions;
  private final Diagnostics diagnostics;
  private final Set<String> reported = new LinkedHashSet<>();
  private final PolicyReader reader;
  private final PolicyCompiler policies;
  private final PolicyValidator validator = PolicyValidator.standard();
  private final PolicyComposer composer = PolicyComposer.standard();
  private final Map<PolicySource, PolicyDocument> documents = new IdentityHashMap<>();
  private final Map<String, PolicyDocument> fragments = new HashMap<>();

  GatewayCompiler(GatewayConfig config, ExpressionCompiler expressions, Diagnostics diagnostics) {
    this(config, expressions, diagnostics, PolicyServices.defaults());
  }

  GatewayCompiler(GatewayConfig config, ExpressionCompiler expressions, Diagnostics diagnostics,
      PolicyServices services) {
    this.config = config;
    this.expressions = expressions;
    this.diagnostics = diagnostics;
    this.reader = PolicyReader.standard().withNamedValues(NamedValueResolver.of(namedValues(config)));
    Map<String, String> backendUrls = new HashMap<>();
    for (BackendDefinition b : config.backends()) {
      if (b.url() != null) {
        backendUrls.put(b.id(), b.url());
      }
    }
    PolicyCatalog catalog = PolicyCatalog.standard();
    this.policies = new PolicyCompiler(expressions, catalog::isPolicy, backendUrls, CsFormat::toDisplayString,
        services);
  }

  private static Map<String, io.gatehouse.xml.NamedValue> namedValues(GatewayConfig config) {
    Map<String, io.gatehouse.xml.NamedValue> map = new HashMap<>();
    for (io.gatehouse.xml.NamedValue nv : config.namedValues()) {
      map.put(nv.name(), nv);
    }
    return map;
  }

  /** Compiled operations by API id, then operation id (both lower case). */
  Map<String, Map<String, CompiledOperation>> compile() {
    for (FragmentDefinition f : config.fragments()) {
      PolicyDocument doc = read(f.policy(), null);
      if (doc != null) {
        fragments.put(f.id().toLowerCase(Locale.ROOT), doc);
      }
    }
    PolicyDocument global = read(config.globalPolicy(), Scope.GLOBAL);
    Map<String, Map<String, CompiledOperation>> result = new HashMap<>();
    for (ApiDefinition api : config.apis()) {
      URI serviceUrl = null;
      if (api.serviceUrl() != null) {
        serviceUrl = UrlCodec.parseAbsoluteHttp(api.serviceUrl());
        if (serviceUrl == null) {
          report(new Diagnostic(io.gatehouse.xml.Severity.ERROR,
              io.gatehouse.xml.Position.start(api.origin()),
              "API '" + api.id() + "' has a serviceUrl that is not an absolute http or https URL"));
        }
      }
      List<ProductDefinition> products = config.productsOf(api);
      Map<ProductDefinition, PolicyDocument> productDocs = new java.util.LinkedHashMap<>();
      for (ProductDefinition p : products) {
        productDocs.put(p, read(p.policy(), Scope.PRODUCT));
      }
      PolicyDocument apiDoc = read(api.policy(), Scope.API);
      ApiInfo apiInfo = apiInfo(api, serviceUrl);
      ApiAccess access = access(api, products);
      Map<String, CompiledOperation> operations = new HashMap<>();
      for (OperationDefinition op : api.operations()) {
        PolicyDocument opDoc = read(op.policy(), Scope.OPERATION);
        Pipeline pipeline = pipeline(global, null, apiDoc, opDoc);
        Map<String, CompiledOperation.ProductPipeline> byProduct = new HashMap<>();
        for (Map.Entry<ProductDefinition, PolicyDocument> e : productDocs.entrySet()) {
          byProduct.put(e.getKey().id().toLowerCase(Locale.ROOT), new CompiledOperation.ProductPipeline(
              productInfo(e.getKey()), pipeline(global, e.getValue(), apiDoc, opDoc)));
        }
        operations.put(op.id().toLowerCase(Locale.ROOT), new CompiledOperation(apiInfo,
            new OperationInfo(op.id(), op.displayName(), op.method(), op.urlTemplate()), serviceUrl, access,
            pipeline, Map.copyOf(byProduct), OpenApiMockResponses.of(op)));
      }
      result.put(api.id().toLowerCase(Locale.ROOT), operations);
    }
    return result;
  }

  /**
   * What the key check needs. The product context of keyless calls is the first open product (no subscription
   * required) containing the API; APIM allows at most one.
   */
  private static ApiAccess access(ApiDefinition api, List<ProductDefinition> products) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    String open = null;
    for (ProductDefinition p : products) {
      ids.add(p.id().toLowerCase(Locale.ROOT));
      if (!p.subscriptionRequired() && open == null) {
        open = p.id().toLowerCase(Locale.ROOT);
      }
    }
    return new ApiAccess(api.rootId(), api.subscriptionRequired(), api.subscriptionKeyHeaderName(),
        api.subscriptionKeyQueryName(), java.util.Set.copyOf(ids), open);
  }

  private Pipeline pipeline(PolicyDocument global, PolicyDocument product, PolicyDocument api,
      PolicyDocument operation) {
    Map<Section, List<ScopedElement>> sections = compose(global, product, api, operation);
    Diagnostics local = new Diagnostics();
    Pipeline pipeline = policies.compile(sections, local);
    local.all().forEach(this::report);
    return pipeline;
  }

  private Map<Section, List<ScopedElement>> compose(
      PolicyDocument global, PolicyDocument product, PolicyDocument api, PolicyDocument operation) {
    List<ScopedPolicy> chain = new ArrayList<>(4);
    chain.add(new ScopedPolicy(Scope.GLOBAL, global));
    if (product != null) {
      chain.add(new ScopedPolicy(Scope.PRODUCT, product));
    }
    chain.add(new ScopedPolicy(Scope.API, api));
    chain.add(new ScopedPolicy(Scope.OPERATION, operation));
    Diagnostics local = new Diagnostics();
    EffectivePolicy effective = composer.compose(chain, id -> fragments.get(id.toLowerCase(Locale.ROOT)), local);
    local.all().forEach(this::report);
    Map<Section, List<ScopedElement>> sections = new EnumMap<>(Section.class);
    for (Section s : Section.values()) {
      List<ScopedElement> statements = new ArrayList<>();
      for (Statement st : effective.section(s)) {
        statements.add(new ScopedElement(st.element(), st.scope()));
      }
      sections.put(s, statements);
    }
    return sections;
  }

  /** Reads and validates a document once, for the scope it is attached to (null scope: a fragment). */
  private PolicyDocument read(PolicySource source, Scope scope) {
    if (source == null) {
      return null;
    }
    if (documents.containsKey(source)) {
      return documents.get(source);
    }
    Diagnostics local = new Diagnostics();
    PolicyDocument doc = reader.read(source, local);
    if (doc != null) {
      boolean fragment = doc.kind() == PolicyDocument.Kind.FRAGMENT;
      if (fragment != (scope == null)) {
        local.error(doc.root().position(), fragment
            ? "a fragment cannot be attached to a scope; policy documents have the root <policies>"
            : "a policy fragment must have the root <fragment>");
        doc = null;
      } else {
        validator.validate(doc, scope, local);
      }
    }
    local.all().forEach(this::report);
    documents.put(source, doc);
    return doc;
  }

  private void report(Diagnostic diagnostic) {
    if (reported.add(diagnostic.toString())) {
      diagnostics.add(diagnostic);
    }
  }

  private static ApiInfo apiInfo(ApiDefinition api, URI serviceUrl) {
    return new ApiInfo(api.rootId(), api.displayName(), api.path(), api.revision(), api.version(), api.isCurrent(),
        serviceUrl == null ? null : UrlInfo.of(serviceUrl), api.protocols(), api.subscriptionKeyHeaderName(),
        api.subscriptionKeyQueryName());
  }

  private static ProductInfo productInfo(ProductDefinition p) {
    String state = "published".equalsIgnoreCase(p.state()) ? "Published" : "NotPublished";
    return new ProductInfo(p.id(), p.displayName(), state, p.subscriptionRequired(), p.approvalRequired(),
        p.subscriptionsLimit(), List.of());
  }
}
