package io.gatehouse.xml.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.xml.Diagnostic;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.PolicyLoadException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayConfigBuilderTest {
  private static final String XML = "<policies><inbound><base /></inbound></policies>";

  @Test
  void buildsTheDocumentedExample() {
    GatewayConfig config = GatewayConfig.builder()
        .globalPolicy(XML)
        .api(ApiDefinition.builder("orders").path("/orders/").serviceUrl("https://b").subscriptionRequired(false)
            .policy(XML).operation("get-order", "get", "orders/{id}", XML).build())
        .product(ProductDefinition.builder("starter").subscriptionRequired(false).api("orders").policy(XML).build())
        .namedValue("plain", "v")
        .secretNamedValue("key", "s3cret")
        .fragment("frag", "<fragment/>")
        .backend("b1", "https://b1")
        .build();

    assertThat(config.globalPolicy().origin()).isEqualTo("<builder:global>");
    ApiDefinition api = config.api("ORDERS");
    assertThat(api.path()).isEqualTo("orders");
    assertThat(api.subscriptionRequired()).isFalse();
    assertThat(api.subscriptionKeyHeaderName()).isEqualTo("Ocp-Apim-Subscription-Key");
    assertThat(api.subscriptionKeyQueryName()).isEqualTo("subscription-key");
    assertThat(api.isCurrent()).isTrue();
    assertThat(api.policy().origin()).isEqualTo("<builder:api orders>");
    OperationDefinition op = api.operation("get-order");
    assertThat(op.method()).isEqualTo("GET");
    assertThat(op.urlTemplate()).isEqualTo("/orders/{id}");
    assertThat(op.policy().origin()).isEqualTo("<builder:operation orders/get-order>");
    assertThat(config.productsOf(api)).extracting(ProductDefinition::id).containsExactly("starter");
    assertThat(config.product("starter").policy().origin()).isEqualTo("<builder:product starter>");
    assertThat(config.namedValue("key").secret()).isTrue();
    assertThat(config.namedValue("key").toString()).doesNotContain("s3cret");
    assertThat(config.fragment("frag").policy().origin()).isEqualTo("<builder:fragment frag>");
    assertThat(config.backend("b1").url()).isEqualTo("https://b1");
  }

  @Test
  void revisionsBelongToTheProductsOfTheirRootApi() {
    GatewayConfig config = GatewayConfig.builder()
        .api(ApiDefinition.builder("a").path("a").build())
        .api(ApiDefinition.builder("a;rev=2").path("a").revision("2", false).build())
        .product(ProductDefinition.builder("p").api("a").build())
        .build();
    assertThat(config.productsOf(config.api("a;rev=2"))).extracting(ProductDefinition::id).containsExactly("p");
    assertThat(config.api("a;rev=2").rootId()).isEqualTo("a");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    GatewayConfig.Builder builder = GatewayConfig.builder()
        .api(ApiDefinition.builder("a").path("x").operation("op", "GET", "/{id").operation("op", "GET", "/b").build())
        .api(ApiDefinition.builder("A").path("y").build())
        .api(ApiDefinition.builder("c").path("x").build())
        .product(ProductDefinition.builder("p").api("missing").build())
        .backend(BackendDefinition.pool("pool", List.of("nope")))
        .namedValue("n", "1")
        .namedValue("N", "2");

    assertThatThrownBy(builder::build)
        .isInstanceOf(PolicyLoadException.class)
        .extracting(e -> ((PolicyLoadException) e).diagnostics().stream().map(Diagnostic::message).toList())
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
        .containsExactlyInAnyOrder(
            "duplicate API 'A'",
            "duplicate named value 'N'",
            "API 'a' declares operation 'op' twice",
            "operation 'op' has an invalid URL template '/{id': unbalanced '{'",
            "APIs 'a' and 'c' both serve path '/x'",
            "product 'p' links unknown API 'missing'",
            "backend pool 'pool' names unknown backend 'nope'");
  }

  @Test
  void oneCurrentRevisionPerApiAndDistinctRevisionNumbers() {
    assertThatThrownBy(GatewayConfig.builder()
        .api(ApiDefinition.builder("a").path("a").build())
        .api(ApiDefinition.builder("a;rev=2").path("a2").revision("2", true).build())
        .api(ApiDefinition.builder("a;rev=3").path("a").revision("2", false).build())::build)
        .hasMessageContaining("API 'a' has two current revisions: 'a' and 'a;rev=2'")
        .hasMessageContaining("APIs 'a;rev=2' and 'a;rev=3' are both revision 2 of 'a'");
  }

  @Test
  void buildWithDiagnosticsReturnsNullOnErrorsAndKeepsOrigins() {
    Diagnostics diagnostics = new Diagnostics();
    GatewayConfig config = GatewayConfig.builder()
        .product(ProductDefinition.builder("p").origin("products/p/productInformation.json").api("zzz").build())
        .build(diagnostics);
    assertThat(config).isNull();
    assertThat(diagnostics.all()).singleElement().hasToString(
        "products/p/productInformation.json:1:1: error: product 'p' links unknown API 'zzz'");
  }

  @Test
  void versionedApisShareAPathButNotAVersion() {
    VersionSetDefinition set = VersionSetDefinition.of("vs", VersioningScheme.QUERY);
    GatewayConfig.Builder ok = GatewayConfig.builder()
        .api(ApiDefinition.builder("orig").path("p").version(set, null).build())
        .api(ApiDefinition.builder("v2").path("p").version(set, "v2").build());
    assertThat(ok.build().api("v2").versionSet().versionQueryName()).isEqualTo("api-version");

    assertThatThrownBy(GatewayConfig.builder()
        .api(ApiDefinition.builder("v2").path("p").version(set, "v2").build())
        .api(ApiDefinition.builder("v2b").path("p").version(set, "V2").build())::build)
        .hasMessageContaining("both serve path '/p' version 'V2'");
  }

  @Test
  void templateSyntax() {
    assertThat(UrlTemplateCheck.problem("/a/{b}/c.{ext}/*")).isNull();
    assertThat(UrlTemplateCheck.problem("/get?a={b}&c=d")).isNull();
    assertThat(UrlTemplateCheck.problem("/")).isNull();
    assertThat(UrlTemplateCheck.problem("/a/*/b")).isEqualTo("'*' is only allowed as the last segment");
    assertThat(UrlTemplateCheck.problem("/a/{}")).isEqualTo("empty or nested parameter name");
    assertThat(UrlTemplateCheck.problem("/a/{x}/{x}")).isEqualTo("parameter 'x' appears twice");
    assertThat(UrlTemplateCheck.problem("/a}")).isEqualTo("unbalanced '}'");
    assertThat(UrlTemplateCheck.problem("/a?={x}")).isEqualTo("query part '={x}' needs a literal name");
  }
}
