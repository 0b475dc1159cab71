package io.gatehouse.xml.apiops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatehouse.xml.Diagnostic;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.NamedValue;
import io.gatehouse.xml.Severity;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.BackendType;
import io.gatehouse.xml.config.FragmentDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import io.gatehouse.xml.config.OperationDefinition;
import io.gatehouse.xml.config.ProductDefinition;
import io.gatehouse.xml.config.VersioningScheme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads Azure/apiops' own v7 {@code SampleArtifacts} tree from the shared corpus. */
class ApiOpsSampleArtifactsTest {
  private static GatewayConfig config;
  private static Diagnostics diagnostics;

  @BeforeAll
  static void load() {
    diagnostics = new Diagnostics();
    config = ApiOpsLoader.load(SharedCorpus.sampleArtifacts(), ApiOpsOptions.defaults(), diagnostics);
  }

  @Test
  void isDetectedAsV7AndLoadsWithoutErrors() {
    assertThat(ApiOpsLoader.detectDialect(SharedCorpus.sampleArtifacts())).isEqualTo(ApiOpsDialect.L3);
    assertThat(diagnostics.errorCount()).as(diagnostics.all().toString()).isZero();
    assertThat(config).isNotNull();
  }

  @Test
  void skipsNonHttpApisWithAWarningEach() {
    assertThat(diagnostics.all()).filteredOn(d -> d.severity() == Severity.WARNING)
        .extracting(d -> d.position().file(), Diagnostic::message)
        .containsExactly(
            tuple("apis/graphql-api/apiInformation.json",
                "API 'graphql-api' has type 'graphql', which Gatehouse does not support; the API is skipped"),
            tuple("apis/soap-api/apiInformation.json",
                "API 'soap-api' has type 'soap', which Gatehouse does not support; the API is skipped"),
            tuple("apis/wadl-api/specification.wadl",
                "API 'wadl-api' is described by a WADL specification, which Gatehouse does not support; the API is "
                    + "skipped"));
  }

  @Test
  void apisWithPathsServiceUrlsAndSubscriptionSettings() {
    assertThat(config.apis())
        .extracting(ApiDefinition::id, ApiDefinition::path, ApiDefinition::serviceUrl,
            ApiDefinition::subscriptionRequired, ApiDefinition::revision, ApiDefinition::isCurrent)
        .containsExactly(
            tuple("basic-api", "basic-api", "https://httpbin.org", true, "1", true),
            tuple("revisioned-api", "revisioned-api", "https://httpbin.org", true, "1", true),
            tuple("revisioned-api;rev=2", "revisioned-api", "https://httpbin.org", true, "2", false),
            tuple("versioned-api-v1", "versioned-api/v1", "https://httpbin.org", true, "1", true),
            tuple("versioned-api-v2", "versioned-api/v2", "https://httpbin.org", true, "1", true));
    ApiDefinition basic = config.api("basic-api");
    assertThat(basic.subscriptionKeyHeaderName()).isEqualTo("Ocp-Apim-Subscription-Key");
    assertThat(basic.subscriptionKeyQueryName()).isEqualTo("subscription-key");
    assertThat(basic.protocols()).containsExactly("https");
    assertThat(basic.origin()).isEqualTo("apis/basic-api/apiInformation.json");
    assertThat(config.api("revisioned-api;rev=2").rootId()).isEqualTo("revisioned-api");
  }

  @Test
  void operationsComeFromEachSpecWithTheirPolicies() {
    assertThat(config.api("basic-api").operations())
        .extracting(OperationDefinition::id, OperationDefinition::method, OperationDefinition::urlTemplate,
            o -> o.policy() == null ? null : o.policy().origin())
        .containsExactly(
            tuple("get-items", "GET", "/items", "apis/basic-api/operations/get-items/policy.xml"),
            tuple("create-item", "POST", "/items", "apis/basic-api/operations/create-item/policy.xml"));
    assertThat(config.api("revisioned-api").operations())
        .extracting(OperationDefinition::id, OperationDefinition::method, OperationDefinition::urlTemplate)
        .containsExactly(tuple("get-revision", "GET", "/revision"));
    assertThat(config.api("revisioned-api;rev=2").operations())
        .extracting(OperationDefinition::id, OperationDefinition::urlTemplate,
            o -> o.policy() == null ? null : o.policy().origin())
        .containsExactly(
            tuple("get-revision-v2", "/revision", "apis/revisioned-api;rev=2/operations/get-revision-v2/policy.xml"),
            tuple("get-revision-details", "/revision/details", null));
    assertThat(config.api("versioned-api-v1").operations())
        .extracting(OperationDefinition::id, OperationDefinition::method, OperationDefinition::urlTemplate)
        .containsExactly(tuple("get-version-v1", "GET", "/version"));
    assertThat(config.api("versioned-api-v2").operations()) // specification.json
        .extracting(OperationDefinition::id, OperationDefinition::method, OperationDefinition::urlTemplate)
        .containsExactly(tuple("get-version-v2", "GET", "/version"));
    assertThat(config.api("basic-api").operation("get-items").displayName()).isEqualTo("Get items");
  }

  @Test
  void policySourcesAtEveryScope() {
    assertThat(config.globalPolicy().origin()).isEqualTo("policy.xml");
    assertThat(config.globalPolicy().text()).startsWith("<policies>")
        .contains("<include-fragment fragment-id=\"policyFragment1\" />");
    assertThat(config.api("basic-api").policy().origin()).isEqualTo("apis/basic-api/policy.xml");
    assertThat(config.api("basic-api").policy().text()).contains("backend-id=\"backend1\"");
    assertThat(config.api("revisioned-api").policy()).isNull();
    assertThat(config.api("revisioned-api;rev=2").policy().origin()).isEqualTo("apis/revisioned-api;rev=2/policy.xml");
    assertThat(config.api("revisioned-api").operation("get-revision").policy().text()).contains("<value>1</value>");
  }

  @Test
  void productsWithPoliciesAndLinksToLoadedApisOnly() {
    assertThat(config.products())
        .extracting(ProductDefinition::id, ProductDefinition::subscriptionRequired, ProductDefinition::approvalRequired,
            ProductDefinition::state, ProductDefinition::subscriptionsLimit, ProductDefinition::apiIds)
        .containsExactly(
            tuple("product1", true, false, "published", 10,
                java.util.List.of("basic-api", "revisioned-api", "versioned-api-v1")),
            tuple("product2", false, false, "published", null, java.util.List.of("versioned-api-v2")));
    assertThat(config.product("product1").policy().origin()).isEqualTo("products/product1/policy.xml");
    assertThat(config.product("product2").policy().text()).contains("<value>product2</value>");
    assertThat(config.productsOf(config.api("revisioned-api;rev=2"))).extracting(ProductDefinition::id)
        .containsExactly("product1");
  }

  @Test
  void namedValuesFragmentsAndBackends() {
    assertThat(config.namedValues())
        .extracting(NamedValue::name, NamedValue::value, NamedValue::secret)
        .containsExactly(
            tuple("allowed-ip-address", "10.0.0.1", false),
            tuple("environment-name", "scenario", false),
            tuple("intranet-proxy-url", "https://httpbin.org", false),
            tuple("rewrite-search-term", "legacy", false));
    assertThat(config.fragments())
        .extracting(FragmentDefinition::id, FragmentDefinition::description, f -> f.policy().origin())
        .containsExactly(
            tuple("policyFragment1", "Adds a correlation header to inbound requests.",
                "policy fragments/policyFragment1/policy.xml"),
            tuple("policyFragment2", "Adds a sample response header.", "policy fragments/policyFragment2/policy.xml"));
    assertThat(config.fragment("policyFragment2").policy().text()).startsWith("<fragment>");
    assertThat(config.backends())
        .extracting(b -> b.id(), b -> b.url(), b -> b.protocol(), b -> b.type())
        .containsExactly(
            tuple("backend1", "https://httpbin.org", "http", BackendType.SINGLE),
            tuple("backend2", "https://postman-echo.com", "http", BackendType.SINGLE));
  }

  @Test
  void versionSetIsResolvedFromTheRelativeId() {
    ApiDefinition v1 = config.api("versioned-api-v1");
    ApiDefinition v2 = config.api("versioned-api-v2");
    assertThat(v1.version()).isEqualTo("v1");
    assertThat(v2.version()).isEqualTo("v2");
    assertThat(v1.versionSet()).isEqualTo(v2.versionSet());
    assertThat(v1.versionSet().id()).isEqualTo("versionSet1");
    assertThat(v1.versionSet().scheme()).isEqualTo(VersioningScheme.SEGMENT);
    assertThat(v1.versionSet().origin()).isEqualTo("version sets/versionSet1/versionSetInformation.json");
    assertThat(config.api("basic-api").versionSet()).isNull();
  }
}
