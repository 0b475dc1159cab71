package io.gatehouse.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.xml.catalog.PolicyCatalog;
import io.gatehouse.xml.catalog.PolicySpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidatorTest {
  private final PolicyReader reader = PolicyReader.standard();
  private final PolicyValidator validator = PolicyValidator.standard();

  private List<Diagnostic> validate(String text, Scope scope) {
    Diagnostics d = new Diagnostics();
    PolicyDocument doc = ReaderTestSupport.read(reader, text, d);
    assertThat(d.all()).as("reader diagnostics").isEmpty();
    validator.validate(doc, scope, d);
    return d.all();
  }

  private void one(String text, Scope scope, String expected) {
    assertThat(validate(text, scope)).extracting(Diagnostic::toString).containsExactly(expected);
  }

  private static String inbound(String statements) {
    return "<policies>\n<inbound>\n" + statements + "\n</inbound>\n</policies>";
  }

  @Test
  void validDocumentHasNoDiagnostics() {
    assertThat(validate("""
        <policies>
          <inbound>
            <base />
            <cors allow-credentials="true"><allowed-origins><origin>*</origin></allowed-origins>
              <allowed-headers><header>*</header></allowed-headers></cors>
            <choose>
              <when condition="@(context.Request.Method == "GET")">
                <set-header name="x" exists-action="@(context.Variables["a"])" id="p1"><value>1</value></set-header>
              </when>
              <otherwise><rate-limit-by-key calls="5" renewal-period="60" counter-key="k"/></otherwise>
            </choose>
          </inbound>
          <backend><retry condition="true" count="3" interval="1"><forward-request timeout="10"/></retry></backend>
          <outbound><base/><xsl-transform><xsl:stylesheet version="1.0"><xsl:template match="/"/></xsl:stylesheet>
            </xsl-transform></outbound>
          <on-error><return-response><set-status code="500" reason="x"/><set-body>err</set-body></return-response>
          </on-error>
        </policies>
        """, Scope.OPERATION)).isEmpty();
  }

  @Test
  void unknownPolicyWithSuggestion() {
    one(inbound("<set-headr name=\"x\"/>"), Scope.API,
        "t.xml:3:1: error: unknown policy <set-headr>; did you mean 'set-header'?");
  }

  @Test
  void unknownAttributeWithSuggestion() {
    one(inbound("<set-header nme=\"x\" name=\"y\"/>"), Scope.API,
        "t.xml:3:13: error: unknown attribute 'nme' on <set-header>; did you mean 'name'?");
  }

  @Test
  void unknownChildElementWithSuggestion() {
    one(inbound("<set-header name=\"y\"><valeu>1</valeu></set-header>"), Scope.API,
        "t.xml:3:22: error: element <valeu> is not allowed in <set-header>; did you mean 'value'? (expected elements:"
            + " value)");
  }

  @Test
  void textWhereNoneIsAllowed() {
    one(inbound("<set-header name=\"y\">v</set-header>"), Scope.API,
        "t.xml:3:22: error: <set-header> cannot contain text (expected elements: value)");
  }

  @Test
  void badEnumWithSuggestion() {
    one(inbound("<set-header name=\"y\" exists-action=\"overide\"/>"), Scope.API,
        "t.xml:3:37: error: invalid value 'overide' for attribute 'exists-action' of <set-header>; expected one of"
            + " append, delete, override, skip; did you mean 'override'?");
  }

  @Test
  void enumExpressionsAreNotChecked() {
    assertThat(validate(inbound("<set-header name=\"y\" exists-action=\" @(x) \"/>"), Scope.API)).isEmpty();
  }

  @Test
  void badIntegerAndBoolean() {
    one(inbound("<set-status code=\"abc\"/>"), Scope.API,
        "t.xml:3:19: error: attribute 'code' of <set-status> must be an integer, found 'abc'");
    one(inbound("<rewrite-uri template=\"/\" copy-unmatched-params=\"yes\"/>"), Scope.API,
        "t.xml:3:50: error: attribute 'copy-unmatched-params' of <rewrite-uri> must be true or false, found 'yes'");
  }

  @Test
  void expressionWhereNotAllowed() {
    one(inbound("<set-variable name=\"@(x)\" value=\"1\"/>"), Scope.API,
        "t.xml:3:21: error: attribute 'name' of <set-variable> does not allow policy expressions");
  }

  @Test
  void missingRequiredAttribute() {
    one(inbound("<set-variable value=\"1\"/>"), Scope.API,
        "t.xml:3:1: error: <set-variable> is missing required attribute 'name'");
    one(inbound("<set-backend-service/>"), Scope.API,
        "t.xml:3:1: error: <set-backend-service> requires one of the attributes 'base-url', 'backend-id',"
            + " 'sf-service-instance-name', 'dapr-app-id'");
  }

  @Test
  void missingRequiredChild() {
    one(inbound("<choose/>"), Scope.API, "t.xml:3:1: error: <choose> requires at least one <when> child element");
  }

  @Test
  void childTooOften() {
    one(inbound("<choose><when condition=\"true\"/><otherwise/><otherwise/></choose>"), Scope.API,
        "t.xml:3:45: error: <otherwise> may appear only once in <choose>");
  }

  @Test
  void wrongSectionAlsoWhenNested() {
    one("<policies><outbound><choose><when condition=\"true\"><rewrite-uri template=\"/\"/></when></choose>"
        + "</outbound></policies>", Scope.API,
        "t.xml:1:52: error: <rewrite-uri> is not allowed in the outbound section (allowed in: inbound)");
  }

  @Test
  void wrongScope() {
    one(inbound("<quota calls=\"1\" renewal-period=\"60\"/>"), Scope.API,
        "t.xml:3:1: error: <quota> is not allowed at api scope (allowed at: product)");
    one(inbound("<cross-domain><cross-domain-policy/></cross-domain>"), Scope.PRODUCT,
        "t.xml:3:1: error: <cross-domain> is not allowed at product scope (allowed at: global)");
  }

  @Test
  void oncePerSectionAndDocument() {
    String cors = "<cors><allowed-origins><origin>*</origin></allowed-origins><allowed-headers><header>*</header>"
        + "</allowed-headers></cors>";
    one(inbound(cors + "\n" + cors), Scope.API,
        "t.xml:4:1: error: <cors> may be used only once per section (first at t.xml:3:1)");
    one(inbound("<rate-limit calls=\"1\" renewal-period=\"1\"/><choose><when condition=\"true\">"
        + "<rate-limit calls=\"1\" renewal-period=\"1\"/></when></choose>"), Scope.PRODUCT,
        "t.xml:3:74: error: <rate-limit> may be used only once per policy document (first at t.xml:3:1)");
  }

  @Test
  void duplicateAndUnknownSections() {
    one("<policies><inbound/><inbound/></policies>", Scope.API,
        "t.xml:1:21: error: section <inbound> appears more than once (first at t.xml:1:11)");
    one("<policies><outbund/></policies>", Scope.API,
        "t.xml:1:11: error: unknown section <outbund>; expected inbound, backend, outbound or on-error; did you mean"
            + " 'outbound'?");
  }

  @Test
  void baseMisplaced() {
    one(inbound("<base/><base/>"), Scope.API,
        "t.xml:3:8: error: <base/> appears more than once in <inbound> (first at t.xml:3:1)");
    one(inbound("<choose><when condition=\"true\"><base/></when></choose>"), Scope.API,
        "t.xml:3:32: error: <base/> is only allowed as a direct child of a section");
  }

  @Test
  void sectionNestedInStatement() {
    one(inbound("<choose><when condition=\"true\"><inbound/></when></choose>"), Scope.API,
        "t.xml:3:32: error: section <inbound> is not allowed here");
  }

  @Test
  void fragmentRules() {
    one("<fragment><base/></fragment>", null, "t.xml:1:11: error: <base/> is not allowed in a policy fragment");
    one("<fragment><inbound/></fragment>", null,
        "t.xml:1:11: error: a policy fragment cannot contain sections such as <inbound>; it holds policy statements"
            + " only");
    one("<fragment><choose><when condition=\"true\"><include-fragment fragment-id=\"x\"/></when></choose></fragment>",
        null, "t.xml:1:42: error: include-fragment is not allowed inside a policy fragment (fragments cannot be"
            + " nested)");
  }

  @Test
  void backendWithSeveralPoliciesIsAWarning() {
    one("<policies><backend><base/><set-variable name=\"a\" value=\"1\"/><forward-request/></backend></policies>",
        Scope.API, "t.xml:1:61: warning: the backend section should contain a single policy (wrap several in choose,"
            + " retry or limit-concurrency); found 2");
  }

  @Test
  void waitAllowsOnlyItsStatements() {
    one("<policies><inbound><wait><set-variable name=\"a\" value=\"1\"/></wait></inbound></policies>", Scope.API,
        "t.xml:1:26: error: <set-variable> is not allowed in <wait>; allowed: cache-lookup-value, choose,"
            + " send-request");
  }

  @Test
  void secretValuesAreNeverPrinted() {
    PolicyReader secretReader = reader.withNamedValues(NamedValueResolver.of(Map.of("mode",
        new NamedValue("mode", "hunter2", true))));
    Diagnostics d = new Diagnostics();
    PolicyDocument doc = ReaderTestSupport.read(secretReader,
        "<policies><inbound><set-header name=\"a\" exists-action=\"{{mode}}\"/></inbound></policies>", d);
    validator.validate(doc, Scope.API, d);
    assertThat(d.all()).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("invalid value (secret value) for attribute 'exists-action'");
      assertThat(x.toString()).doesNotContain("hunter2");
    });
  }

  @Test
  void outOfScopePoliciesAreKnownAndAcceptAnything() {
    assertThat(validate(inbound("<llm-token-limit anything=\"1\"><x/></llm-token-limit>"), Scope.API)).isEmpty();
    PolicySpec spec = PolicyCatalog.standard().policy("llm-token-limit");
    assertThat(spec.outOfScope()).isTrue();
  }

  @Test
  void catalogKnowsEveryPolicyOfTheUsageMatrix() {
    List<String> matrix = List.of("validate-jwt", "validate-azure-ad-token", "validate-client-certificate",
        "check-header", "ip-filter", "authentication-basic", "authentication-certificate", "rate-limit",
        "rate-limit-by-key", "quota", "quota-by-key", "limit-concurrency", "cors", "jsonp", "cross-domain", "choose",
        "set-variable", "return-response", "mock-response", "set-status", "retry", "wait", "include-fragment",
        "set-header", "set-query-parameter", "rewrite-uri", "set-body", "set-method", "find-and-replace",
        "json-to-xml", "xml-to-json", "xsl-transform", "redirect-content-urls", "set-backend-service",
        "forward-request", "proxy", "send-request", "send-one-way-request", "cache-lookup", "cache-store",
        "cache-lookup-value", "cache-store-value", "cache-remove-value", "validate-content", "validate-parameters",
        "validate-headers", "validate-status-code", "validate-odata-request", "trace", "emit-metric",
        "log-to-eventhub");
    PolicyCatalog catalog = PolicyCatalog.standard();
    assertThat(catalog.policyNames()).containsAll(matrix);
    assertThat(catalog.policies().stream().filter(p -> !p.outOfScope()).map(PolicySpec::name))
        .containsExactlyInAnyOrderElementsOf(matrix);
    assertThat(catalog.policy("quota").scopes()).containsExactly(Scope.PRODUCT);
    assertThat(catalog.policy("forward-request").sections()).containsExactly(Section.BACKEND);
  }
}
