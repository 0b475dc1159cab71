package io.gatehouse.xml.catalog;

import static io.gatehouse.xml.Scope.API;
import static io.gatehouse.xml.Scope.GLOBAL;
import static io.gatehouse.xml.Scope.OPERATION;
import static io.gatehouse.xml.Scope.PRODUCT;
import static io.gatehouse.xml.Scope.WORKSPACE;
import static io.gatehouse.xml.Section.BACKEND;
import static io.gatehouse.xml.Section.INBOUND;
import static io.gatehouse.xml.Section.ON_ERROR;
import static io.gatehouse.xml.Section.OUTBOUND;

import io.gatehouse.xml.Scope;
import io.gatehouse.xml.Section;
import io.gatehouse.xml.catalog.AttributeSpec.Type;
import io.gatehouse.xml.catalog.ElementSpec.Content;
import io.gatehouse.xml.catalog.PolicySpec.Once;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policies of policies.md (sections A–I plus the out-of-scope names), written in a small builder DSL.
 *
 * <p>Attribute helpers: {@code str}/{@code integer}/{@code bool}/{@code oneOf} take expressions unless wrapped in
 * {@code lit(...)}; {@code req(...)} makes them required. Child helpers: {@code one} (exactly 1), {@code opt} (0..1),
 * {@code many} (0..n), {@code some} (1..n). Where a policy's page says "workspace" is missing only because it predates
 * workspaces, workspace is allowed wherever global is (policies.md conventions).
 */
final class StandardPolicies {
  private static final Set<Section> I = EnumSet.of(INBOUND);
  private static final Set<Section> O = EnumSet.of(OUTBOUND);
  private static final Set<Section> IB = EnumSet.of(INBOUND, BACKEND);
  private static final Set<Section> IO = EnumSet.of(INBOUND, OUTBOUND);
  private static final Set<Section> IE = EnumSet.of(INBOUND, ON_ERROR);
  private static final Set<Section> OE = EnumSet.of(OUTBOUND, ON_ERROR);
  private static final Set<Section> B = EnumSet.of(BACKEND);
  private static final Set<Section> IBO = EnumSet.of(INBOUND, BACKEND, OUTBOUND);
  private static final Set<Section> IOE = EnumSet.of(INBOUND, OUTBOUND, ON_ERROR);
  private static final Set<Section> IBOE = EnumSet.allOf(Section.class);

  private static final Set<Scope> ALL = EnumSet.allOf(Scope.class);
  private static final Set<Scope> NOT_GLOBAL_OR_WORKSPACE = EnumSet.of(PRODUCT, API, OPERATION);
  private static final Set<Scope> NOT_OPERATION = EnumSet.of(GLOBAL, WORKSPACE, PRODUCT, API);

  private static final String[] ACTIONS = {"ignore", "prevent", "detect"};
  private static final String[] CACHING_TYPES = {"internal", "external", "prefer-external"};

  private StandardPolicies() {}

  static List<PolicySpec> all() {
    List<PolicySpec> p = new ArrayList<>();

    // ---- shared child elements ----
    ElementBuilder value = element("value").text();
    ElementBuilder setHeader = element("set-header")
        .attributes(req(str("name")), oneOf("exists-action", "override", "skip", "append", "delete"))
        .children(many(value));
    ElementBuilder setQueryParameter = element("set-query-parameter")
        .attributes(req(str("name")), oneOf("exists-action", "override", "skip", "append", "delete"))
        .children(many(value));
    // the body may be literal XML markup, so any child elements are accepted
    ElementBuilder setBody = element("set-body").anyChildren()
        .attributes(oneOf("template", "liquid"), lit(oneOf("xsi-nil", "blank", "null")), lit(bool("parse-date")));
    ElementBuilder setMethod = element("set-method").text();
    // reason is documented as required, but real policies omit it (corpus): optional
    ElementBuilder setStatus = element("set-status").attributes(req(integer("code")), str("reason"));
    ElementBuilder key = element("key").text()
        .attributes(str("id"), str("certificate-id"), lit(str("n")), lit(str("e")));
    ElementBuilder claims = element("required-claims").children(some(element("claim")
        .attributes(req(str("name")), oneOf("match", "all", "any"), str("separator"))
        .children(many(value))));
    ElementBuilder audiences = element("audiences").children(some(element("audience").text()));
    ElementBuilder decryptionKeys = element("decryption-keys").children(some(key));
    ElementBuilder authenticationCertificate = element("authentication-certificate")
        .attributes(str("thumbprint"), str("certificate-id"), str("body"), str("password"))
        .requireOneOf("thumbprint", "certificate-id", "body");
    ElementBuilder proxy = element("proxy").attributes(req(str("url")), str("username"), str("password"));
    ElementBuilder managedIdentity = anything("authentication-managed-identity");
    ElementBuilder setUrl = element("set-url").text();

    // ---- A. Authentication & access restriction ----
    add(p, I, ALL, element("validate-jwt")
        .attributes(str("header-name"), str("query-parameter-name"), str("token-value"),
            integer("failed-validation-httpcode"), str("failed-validation-error-message"),
            bool("require-expiration-time"), str("require-scheme"), bool("require-signed-tokens"),
            integer("clock-skew"), lit(str("output-token-variable-name")))
        .requireOneOf("header-name", "query-parameter-name", "token-value")
        .children(
            many(element("openid-config").attributes(req(str("url")), bool("validate-connectivity"))),
            opt(element("issuer-signing-keys").children(some(key))),
            opt(decryptionKeys),
            opt(audiences),
            opt(element("issuers").children(some(element("issuer").text()))),
            opt(claims)));
    add(p, I, ALL, element("validate-azure-ad-token")
        .attributes(req(str("tenant-id")), str("header-name"), str("query-parameter-name"), str("token-value"),
            str("authentication-endpoint"), integer("failed-validation-httpcode"),
            str("failed-validation-error-message"), lit(str("output-token-variable-name")))
        .children(
            one(element("client-application-ids").children(some(element("application-id").text()))),
            opt(element("backend-application-ids").children(some(element("application-id").text()))),
            opt(audiences),
            opt(claims),
            opt(decryptionKeys)));
    add(p, I, ALL, element("validate-client-certificate")
        .attributes(lit(bool("validate-revocation")), lit(bool("validate-trust")), lit(bool("validate-not-before")),
            lit(bool("validate-not-after")), lit(bool("ignore-error")))
        .children(opt(element("identities").children(many(element("identity").attributes(
            lit(str("thumbprint")), lit(str("serial-number")), lit(str("common-name")), lit(str("subject")),
            lit(str("dns-name")), lit(str("issuer-subject")), lit(str("issuer-thumbprint")),
            lit(str("issuer-certificate-id"))))))));
    add(p, I, ALL, element("check-header")
        .attributes(req(str("name")), req(integer("failed-check-httpcode")), req(str("failed-check-error-message")),
            req(bool("ignore-case")))
        .children(many(value)));
    add(p, I, ALL, element("ip-filter")
        .attributes(req(oneOf("action", "allow", "forbid")))
        .children(many(element("address").text()),
            many(element("address-range").attributes(req(str("from")), req(str("to"))))));
    add(p, I, ALL, element("authentication-basic").attributes(req(str("username")), req(str("password"))));
    add(p, I, ALL, authenticationCertificate);

    // ---- B. Rate limiting & quotas ----
    ElementBuilder rateLimitOperation = element("operation").attributes(lit(str("name")), lit(str("id")),
        req(lit(integer("calls"))), req(lit(integer("renewal-period"))));
    add(p, I, NOT_GLOBAL_OR_WORKSPACE, Once.PER_DOCUMENT, element("rate-limit")
        .attributes(req(lit(integer("calls"))), req(lit(integer("renewal-period"))),
            lit(str("retry-after-header-name")), lit(str("retry-after-variable-name")),
            lit(str("remaining-calls-header-name")), lit(str("remaining-calls-variable-name")),
            lit(str("total-calls-header-name")))
        .children(many(element("api").attributes(lit(str("name")), lit(str("id")), req(lit(integer("calls"))),
                req(lit(integer("renewal-period"))))
            .children(many(rateLimitOperation)))));
    add(p, I, ALL, element("rate-limit-by-key")
        .attributes(req(integer("calls")), req(integer("renewal-period")), req(str("counter-key")),
            bool("increment-condition"), integer("increment-count"), lit(str("retry-after-header-name")),
            lit(str("retry-after-variable-name")), lit(str("remaining-calls-header-name")),
            lit(str("remaining-calls-variable-name")), lit(str("total-calls-header-name"))));
    ElementBuilder quotaOperation = element("operation").attributes(lit(str("name")), lit(str("id")),
        lit(integer("calls")), lit(integer("bandwidth")), lit(integer("renewal-period")));
    add(p, I, EnumSet.of(PRODUCT), Once.PER_DOCUMENT, element("quota")
        .attributes(lit(integer("calls")), lit(integer("bandwidth")), req(lit(integer("renewal-period"))))
        .requireOneOf("calls", "bandwidth")
        .children(many(element("api").attributes(lit(str("name")), lit(str("id")), lit(integer("calls")),
                lit(integer("bandwidth")), lit(integer("renewal-period")))
            .children(many(quotaOperation)))));
    add(p, I, ALL, element("quota-by-key")
        .attributes(lit(integer("calls")), lit(integer("bandwidth")), req(lit(integer("renewal-period"))),
            req(str("counter-key")), bool("increment-condition"), integer("increment-count"),
            lit(str("first-period-start")))
        .requireOneOf("calls", "bandwidth"));
    add(p, IBOE, ALL, element("limit-concurrency")
        .attributes(req(str("key")), req(lit(integer("max-count"))))
        .statements());

    // ---- C. Cross-domain ----
    ElementBuilder header = element("header").text();
    add(p, I, ALL, Once.PER_SECTION, element("cors")
        .attributes(bool("allow-credentials"), bool("terminate-unmatched-request"))
        .children(
            one(element("allowed-origins").children(some(element("origin").text()))),
            opt(element("allowed-methods").attributes(integer("preflight-result-max-age"))
                .children(some(element("method").text()))),
            one(element("allowed-headers").children(some(header))),
            opt(element("expose-headers").children(some(header)))));
    add(p, O, ALL, Once.PER_SECTION, element("jsonp").attributes(req(str("callback-parameter-name"))));
    add(p, I, EnumSet.of(GLOBAL), anything("cross-domain"));

    // ---- D. Control flow & response construction ----
    add(p, IBOE, ALL, element("choose").children(
        some(element("when").attributes(req(bool("condition"))).statements()),
        opt(element("otherwise").statements())));
    add(p, IBOE, ALL, element("set-variable").attributes(req(lit(str("name"))), req(str("value"))));
    add(p, IBOE, ALL, element("return-response")
        .attributes(lit(str("response-variable-name")))
        .children(opt(setStatus), many(setHeader), opt(setBody)));
    add(p, IOE, ALL, element("mock-response")
        .attributes(lit(integer("status-code")), lit(str("content-type"))));
    add(p, IBOE, ALL, setStatus);
    add(p, IBOE, ALL, element("retry")
        .attributes(req(bool("condition")), req(integer("count")), req(integer("interval")),
            integer("max-interval"), integer("delta"), bool("first-fast-retry"))
        .statements());
    add(p, IBO, ALL, element("wait")
        .attributes(oneOf("for", "all", "any"))
        .statements("send-request", "cache-lookup-value", "choose"));
    add(p, IBOE, ALL, element("include-fragment").attributes(req(lit(str("fragment-id")))));

    // ---- E. Transformation ----
    add(p, IBOE, ALL, setHeader);
    add(p, IB, ALL, setQueryParameter);
    add(p, I, ALL, element("rewrite-uri").attributes(req(str("template")), bool("copy-unmatched-params")));
    add(p, IBOE, ALL, setBody);
    add(p, IE, ALL, setMethod);
    add(p, IBOE, ALL, element("find-and-replace").attributes(req(str("from")), req(str("to"))));
    add(p, IOE, ALL, element("json-to-xml")
        .attributes(req(oneOf("apply", "always", "content-type-json")), bool("consider-accept-header"),
            lit(bool("parse-date")), str("namespace-separator"), str("namespace-prefix"),
            str("attribute-block-name")));
    add(p, IOE, ALL, element("xml-to-json")
        .attributes(req(oneOf("kind", "javascript-friendly", "direct")),
            req(oneOf("apply", "always", "content-type-xml")), bool("consider-accept-header"),
            bool("always-array-child-elements")));
    add(p, IO, ALL, element("xsl-transform").children(
        many(element("parameter").text().attributes(str("name"), str("parameter-name"))),
        opt(anything("xsl:stylesheet")),
        opt(anything("xsl:transform"))));
    add(p, IO, ALL, Once.PER_SECTION, element("redirect-content-urls"));

    // ---- F. Routing & backend calls ----
    add(p, IB, ALL, element("set-backend-service")
        .attributes(str("base-url"), str("backend-id"), outOfScope(str("sf-resolve-condition")),
            outOfScope(str("sf-service-instance-name")), outOfScope(str("sf-partition-key")),
            outOfScope(str("sf-listener-name")), outOfScope(str("dapr-app-id")), outOfScope(str("dapr-method")),
            outOfScope(str("dapr-namespace")))
        .requireOneOf("base-url", "backend-id", "sf-service-instance-name", "dapr-app-id"));
    add(p, B, ALL, Once.PER_DOCUMENT, element("forward-request")
        .attributes(integer("timeout"), integer("timeout-ms"), integer("continue-timeout"),
            lit(oneOf("http-version", "1", "2", "2or1")), bool("follow-redirects"),
            lit(bool("buffer-request-body")), lit(bool("buffer-response")),
            lit(bool("fail-on-error-status-code"))));
    add(p, I, ALL, proxy);
    add(p, IBOE, ALL, element("send-request")
        .attributes(oneOf("mode", "new", "copy"), req(lit(str("response-variable-name"))), integer("timeout"),
            lit(bool("ignore-error")))
        .children(opt(setUrl, setMethod), many(setHeader), many(setQueryParameter), opt(setBody,
            authenticationCertificate, managedIdentity, proxy)));
    add(p, IBOE, ALL, element("send-one-way-request")
        .attributes(oneOf("mode", "new", "copy"), integer("timeout"))
        .children(opt(setUrl, setMethod), many(setHeader), many(setQueryParameter), opt(setBody,
            authenticationCertificate, managedIdentity, proxy)));

    // ---- G. Caching ----
    add(p, I, ALL, Once.PER_SECTION, element("cache-lookup")
        .attributes(req(bool("vary-by-developer")), req(bool("vary-by-developer-groups")),
            lit(oneOf("caching-type", CACHING_TYPES)), oneOf("downstream-caching-type", "none", "private", "public"),
            bool("must-revalidate"), bool("allow-private-response-caching"))
        .children(many(element("vary-by-header").text()), many(element("vary-by-query-parameter").text())));
    add(p, O, ALL, Once.PER_SECTION, element("cache-store")
        .attributes(req(integer("duration")), bool("cache-response")));
    add(p, IBOE, ALL, element("cache-lookup-value")
        .attributes(req(str("key")), req(lit(str("variable-name"))), str("default-value"),
            lit(oneOf("caching-type", CACHING_TYPES))));
    // policies.md says once per section, but real policies store several values in one section (corpus): no limit
    add(p, IBOE, ALL, element("cache-store-value")
        .attributes(req(str("key")), req(str("value")), req(integer("duration")),
            lit(oneOf("caching-type", CACHING_TYPES))));
    add(p, IBOE, ALL, element("cache-remove-value")
        .attributes(req(str("key")), lit(oneOf("caching-type", CACHING_TYPES))));

    // ---- H. Validation ----
    add(p, IOE, ALL, element("validate-content")
        .attributes(req(oneOf("unspecified-content-type-action", ACTIONS)), req(integer("max-size")),
            req(oneOf("size-exceeded-action", ACTIONS)), lit(str("errors-variable-name")))
        .children(
            opt(element("content-type-map").attributes(str("any-content-type-value"),
                    str("missing-content-type-value"))
                .children(many(element("type").attributes(str("from"), req(str("to")), bool("when"))))),
            many(element("content").attributes(str("type"), oneOf("validate-as", "json", "xml", "soap"),
                str("schema-id"), str("schema-ref"), oneOf("action", ACTIONS),
                bool("allow-additional-properties")))));
    ElementBuilder parameter = element("parameter").attributes(req(str("name")), req(oneOf("action", ACTIONS)));
    add(p, I, ALL, Once.PER_SECTION, element("validate-parameters")
        .attributes(req(oneOf("specified-parameter-action", ACTIONS)),
            req(oneOf("unspecified-parameter-action", ACTIONS)), lit(str("errors-variable-name")))
        .children(
            opt(element("headers").attributes(oneOf("specified-parameter-action", ACTIONS),
                oneOf("unspecified-parameter-action", ACTIONS)).children(many(parameter))),
            opt(element("query").attributes(oneOf("specified-parameter-action", ACTIONS),
                oneOf("unspecified-parameter-action", ACTIONS)).children(many(parameter))),
            opt(element("path").attributes(oneOf("specified-parameter-action", ACTIONS))
                .children(many(parameter)))));
    add(p, OE, ALL, Once.PER_SECTION, element("validate-headers")
        .attributes(req(oneOf("specified-header-action", ACTIONS)), req(oneOf("unspecified-header-action", ACTIONS)),
            lit(str("errors-variable-name")))
        .children(many(element("header").attributes(req(str("name")), req(oneOf("action", ACTIONS))))));
    add(p, OE, ALL, element("validate-status-code")
        .attributes(req(oneOf("unspecified-status-code-action", ACTIONS)), lit(str("errors-variable-name")))
        .children(many(element("status-code").attributes(req(integer("code")), req(oneOf("action", ACTIONS))))));
    add(p, I, NOT_OPERATION, Once.PER_SECTION, element("validate-odata-request")
        .attributes(lit(str("error-variable-name")), str("default-odata-version"), str("min-odata-version"),
            str("max-odata-version"), integer("max-size")));

    // ---- I. Logging & telemetry ----
    // the legacy form <trace source="x">text</trace> is still found in real policies: text instead of <message>
    add(p, IBOE, ALL, element("trace").text()
        .attributes(req(lit(str("source"))), oneOf("severity", "verbose", "information", "error"))
        .children(opt(element("message").text()),
            many(element("metadata").attributes(req(str("name")), req(str("value"))))));
    add(p, IBOE, ALL, element("emit-metric")
        .attributes(req(lit(str("name"))), lit(str("namespace")), str("value"))
        .children(some(element("dimension").attributes(req(str("name")), str("value")))));
    add(p, IBOE, ALL, element("log-to-eventhub").text()
        .attributes(req(lit(str("logger-id"))), lit(str("partition-id")), str("partition-key")));

    // ---- Known but out of scope: any content, anywhere; the engine reports them as unsupported ----
    for (String name : List.of("authentication-managed-identity", "get-authorization-context",
        "send-service-bus-message", "publish-to-dapr", "invoke-dapr-binding", "http-data-source",
        "cosmosdb-data-source", "sql-data-source", "publish-event", "validate-graphql-request",
        "azure-openai-token-limit", "llm-token-limit", "azure-openai-emit-token-metric", "llm-emit-token-metric",
        "azure-openai-semantic-cache-lookup", "azure-openai-semantic-cache-store", "llm-semantic-cache-lookup",
        "llm-semantic-cache-store", "llm-content-safety", "cache-value")) {
      p.add(new PolicySpec(anything(name).build(), IBOE, ALL, Once.ANY, true));
    }
    return p;
  }

  // ---- DSL ----

  private static void add(List<PolicySpec> p, Set<Section> sections, Set<Scope> scopes, ElementBuilder element) {
    add(p, sections, scopes, Once.ANY, element);
  }

  private static void add(List<PolicySpec> p, Set<Section> sections, Set<Scope> scopes, Once once,
      ElementBuilder element) {
    p.add(new PolicySpec(element.build(), sections, scopes, once, false));
  }

  private static ElementBuilder element(String name) {
    return new ElementBuilder(name);
  }

  private static ElementBuilder anything(String name) {
    return new ElementBuilder(name).anyChildren().anyAttributes();
  }

  private static AttributeSpec str(String name) {
    return new AttributeSpec(name, false, Type.STRING, Set.of(), true, false);
  }

  private static AttributeSpec integer(String name) {
    return new AttributeSpec(name, false, Type.INTEGER, Set.of(), true, false);
  }

  private static AttributeSpec bool(String name) {
    return new AttributeSpec(name, false, Type.BOOLEAN, Set.of(), true, false);
  }

  private static AttributeSpec oneOf(String name, String... values) {
    return new AttributeSpec(name, false, Type.ENUM, Set.of(values), true, false);
  }

  private static AttributeSpec req(AttributeSpec a) {
    return new AttributeSpec(a.name(), true, a.type(), a.values(), a.expressions(), a.outOfScope());
  }

  private static AttributeSpec lit(AttributeSpec a) {
    return new AttributeSpec(a.name(), a.required(), a.type(), a.values(), false, a.outOfScope());
  }

  private static AttributeSpec outOfScope(AttributeSpec a) {
    return new AttributeSpec(a.name(), a.required(), a.type(), a.values(), a.expressions(), true);
  }

  private static ChildSpec[] one(ElementBuilder e) {
    return new ChildSpec[] {new ChildSpec(e.build(), 1, 1)};
  }

  private static ChildSpec[] opt(ElementBuilder... elements) {
    ChildSpec[] result = new ChildSpec[elements.length];
    for (int i = 0; i < elements.length; i++) {
      result[i] = new ChildSpec(elements[i].build(), 0, 1);
    }
    return result;
  }

  private static ChildSpec[] many(ElementBuilder e) {
    return new ChildSpec[] {new ChildSpec(e.build(), 0, Integer.MAX_VALUE)};
  }

  private static ChildSpec[] some(ElementBuilder e) {
    return new ChildSpec[] {new ChildSpec(e.build(), 1, Integer.MAX_VALUE)};
  }

  /** Mutable builder for {@link ElementSpec}; {@link #build()} snapshots it. */
  private static final class ElementBuilder {
    private final String name;
    private final Map<String, AttributeSpec> attributes = new LinkedHashMap<>();
    private final List<ChildSpec> children = new ArrayList<>();
    private final List<List<String>> requireOneOf = new ArrayList<>();
    private Set<String> statementNames = Set.of();
    private boolean text;
    private boolean openAttributes;
    private Content content = Content.ELEMENTS;

    ElementBuilder(String name) {
      this.name = name;
    }

    ElementBuilder attributes(AttributeSpec... specs) {
      for (AttributeSpec a : specs) {
        attributes.put(a.name(), a);
      }
      return this;
    }

    ElementBuilder children(ChildSpec[]... groups) {
      for (ChildSpec[] group : groups) {
        children.addAll(List.of(group));
      }
      return this;
    }

    ElementBuilder text() {
      text = true;
      return this;
    }

    ElementBuilder statements(String... only) {
      content = Content.STATEMENTS;
      statementNames = Set.of(only);
      return this;
    }

    ElementBuilder anyChildren() {
      content = Content.ANY;
      text = true;
      return this;
    }

    ElementBuilder anyAttributes() {
      openAttributes = true;
      return this;
    }

    ElementBuilder requireOneOf(String... names) {
      requireOneOf.add(List.of(names));
      return this;
    }

    ElementSpec build() {
      return new ElementSpec(name, attributes, openAttributes, children, text, content, statementNames,
          requireOneOf);
    }
  }
}
