package io.gatehouse.xml.apiops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gatehouse.xml.Diagnostic;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.NamedValue;
import io.gatehouse.xml.PolicyLoadException;
import io.gatehouse.xml.Severity;
import io.gatehouse.xml.config.BackendType;
import io.gatehouse.xml.config.GatewayConfig;
import io.gatehouse.xml.config.OperationDefinition;
import io.gatehouse.xml.config.VersioningScheme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small trees written per test, one per layout dialect and failure mode. */
class ApiOpsSyntheticTreeTest {
  private static final String POLICY = "<policies><inbound><base /></inbound></policies>";
  private static final String SPEC = """
      openapi: 3.0.1
      info: {title: orders, version: '1'}
      servers: [{url: 'https://gw.example/ignored/base'}]
      paths:
        /orders/{id}:
          get: {operationId: get-order, summary: Get order, responses: {'200': {description: ok}}}
        /search?q={term}:
          get: {operationId: search, responses: {'200': {description: ok}}}
      """;

  @TempDir Path root;
  private final Diagnostics diagnostics = new Diagnostics();

  private void write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void ordersApi(String folder) throws IOException {
    write("apis/" + folder + "/apiInformation.json",
        "{\"properties\": {\"path\": \"orders\", \"serviceUrl\": \"https://orders.internal\","
            + " \"subscriptionKeyParameterNames\": {\"header\": \"X-Key\", \"query\": \"key\"}}}");
    write("apis/" + folder + "/specification.yaml", SPEC);
  }

  private GatewayConfig load() {
    return ApiOpsLoader.load(root, ApiOpsOptions.defaults(), diagnostics);
  }

  private List<String> errors() {
    return diagnostics.all().stream().filter(d -> d.severity() == Severity.ERROR).map(Diagnostic::toString).toList();
  }

  @Test
  void v7TreeWithTagLinksUnderTagsAndRelativeIds() throws IOException {
    ordersApi("orders");
    write("apis/orders/operations/get-order/policy.xml", "\uFEFF" + POLICY);
    write("tags/t1/apis/orders/tagApiInformation.json", "{}");
    write("products/gold/productInformation.json", "{\"properties\": {\"displayName\": \"Gold\"}}");
    write("products/gold/apis/orders/productApiInformation.json", "{}");

    GatewayConfig config = load();

    assertThat(ApiOpsLoader.detectDialect(root)).isEqualTo(ApiOpsDialect.L3);
    assertThat(errors()).isEmpty();
    assertThat(config.api("orders").subscriptionKeyHeaderName()).isEqualTo("X-Key");
    assertThat(config.api("orders").subscriptionKeyQueryName()).isEqualTo("key");
    assertThat(config.api("orders").subscriptionRequired()).isTrue();
    assertThat(config.api("orders").operations())
        .extracting(OperationDefinition::id, OperationDefinition::method, OperationDefinition::urlTemplate)
        .containsExactly(tuple("get-order", "GET", "/orders/{id}"), tuple("search", "GET", "/search?q={term}"));
    assertThat(config.api("orders").operation("get-order").policy().text()).as("BOM stripped").isEqualTo(POLICY);
    assertThat(config.product("gold").apiIds()).containsExactly("orders");
    assertThat(config.product("gold").subscriptionRequired()).isTrue();
    assertThat(config.product("gold").state()).isEqualTo("notPublished");
  }

  @Test
  void v6TreeWithTagLinksUnderApisAndAbsoluteArmIds() throws IOException {
    ordersApi("orders");
    write("apis/orders/tags/t1/apiTagInformation.json", "{}");
    write("apis/orders-v2/apiInformation.json", "{\"properties\": {\"path\": \"orders\", \"apiVersion\": \"v2\","
        + " \"apiVersionSetId\": \"/subscriptions/0/resourceGroups/rg/providers/Microsoft.ApiManagement/service/s"
        + "/apiVersionSets/orders-set\"}}");
    write("version sets/orders-set/versionSetInformation.json",
        "{\"properties\": {\"displayName\": \"Orders\", \"versioningScheme\": \"Query\","
            + " \"versionQueryName\": \"v\"}}");
    write("products/gold/productInformation.json", "{\"properties\": {}}");
    write("products/gold/apis/orders/productApiInformation.json", "{}");
    write("products/gold/apis/orders-v2/productApiInformation.json", "{}");

    GatewayConfig config = load();

    assertThat(ApiOpsLoader.detectDialect(root)).isEqualTo(ApiOpsDialect.L2);
    assertThat(errors()).isEmpty();
    assertThat(config.product("gold").apiIds()).containsExactly("orders", "orders-v2");
    assertThat(config.api("orders-v2").versionSet().scheme()).isEqualTo(VersioningScheme.QUERY);
    assertThat(config.api("orders-v2").versionSet().versionQueryName()).isEqualTo("v");
    assertThat(config.api("orders-v2").version()).isEqualTo("v2");
    assertThat(diagnostics.all()).extracting(Diagnostic::toString).containsExactly(
        "apis/orders-v2/apiInformation.json:1:1: warning: API 'orders-v2' has no OpenAPI specification and no "
            + "operations; no request can reach it");
  }

  @Test
  void v5TreeWithApisJsonLinksAndOldVersionSetFileName() throws IOException {
    ordersApi("orders");
    write("apis/orders/tags.json", "[{\"name\": \"t1\"}]");
    write("products/gold/productInformation.json", "{\"properties\": {\"subscriptionsLimit\": 3}}");
    write("products/gold/apis.json", "[{\"name\": \"orders\"}]");
    write("version sets/vs/apiVersionSetInformation.json",
        "{\"properties\": {\"versioningScheme\": \"Header\", \"versionHeaderName\": \"X-Version\"}}");
    write("apis/orders-v2/apiInformation.json", "{\"properties\": {\"path\": \"orders\", \"apiVersion\": \"v2\","
        + " \"apiVersionSetId\": \"/apiVersionSets/vs\"}}");
    write("apis/orders-v2/specification.yaml", SPEC);

    GatewayConfig config = load();

    assertThat(ApiOpsLoader.detectDialect(root)).isEqualTo(ApiOpsDialect.L1);
    assertThat(errors()).isEmpty();
    assertThat(config.product("gold").apiIds()).containsExactly("orders");
    assertThat(config.product("gold").subscriptionsLimit()).isEqualTo(3);
    assertThat(config.api("orders-v2").versionSet().versionHeaderName()).isEqualTo("X-Version");
  }

  @Test
  void apiopsCliTreeWithCamelCaseFoldersArmJsonAndOperationInformation() throws IOException {
    write("apis/echo/apiInformation.json", "{\"id\": \"/apis/echo\", \"type\": \"Microsoft.ApiManagement/service/apis\","
        + " \"name\": \"echo\", \"properties\": {\"path\": \"echo\", \"subscriptionRequired\": false}}");
    write("apis/echo/operations/ping/operationInformation.json", "{\"name\": \"ping\", \"properties\": "
        + "{\"displayName\": \"Ping\", \"method\": \"HEAD\", \"urlTemplate\": \"/ping/{n}\"}}");
    write("apis/echo/operations/ping/policy.xml", POLICY);
    write("namedValues/key/namedValueInformation.json",
        "{\"name\": \"key\", \"properties\": {\"displayName\": \"api-key\", \"secret\": true,"
            + " \"value\": \"*** REDACTED ***\"}}");
    write("policyFragments/f/policy.xml", "<fragment/>");
    write("versionSets/vs/versionSetInformation.json", "{\"properties\": {\"versioningScheme\": \"Segment\"}}");
    write("products/p/productInformation.json", "{\"name\": \"p\", \"properties\": {\"state\": \"published\"}}");
    write("products/p/apis.json", "[{\"name\": \"echo\", \"scope\": \"x\"}]");

    GatewayConfig config = load();

    assertThat(ApiOpsLoader.detectDialect(root)).isEqualTo(ApiOpsDialect.C1);
    assertThat(errors()).isEmpty();
    OperationDefinition ping = config.api("echo").operation("ping");
    assertThat(ping).extracting(OperationDefinition::displayName, OperationDefinition::method,
        OperationDefinition::urlTemplate).containsExactly("Ping", "HEAD", "/ping/{n}");
    assertThat(ping.policy().origin()).isEqualTo("apis/echo/operations/ping/policy.xml");
    assertThat(config.namedValues()).containsExactly(new NamedValue("api-key", null, true));
    assertThat(config.fragment("f").policy().origin()).isEqualTo("policyFragments/f/policy.xml");
    assertThat(config.product("p").apiIds()).containsExactly("echo");
    assertThat(diagnostics.all()).extracting(Diagnostic::message).containsExactly(
        "named value 'api-key' has no value (secret values are never extracted); supply one with "
            + "ApiOpsOptions.withNamedValue(\"api-key\", ...)");
  }

  @Test
  void secretsAndKeyVaultReferencesTakeOverridesByFolderOrDisplayName() throws IOException {
    write("named values/nv1/namedValueInformation.json",
        "{\"properties\": {\"displayName\": \"partner-key\", \"secret\": true}}");
    write("named values/nv2/namedValueInformation.json", "{\"properties\": {\"displayName\": \"kv\", \"keyVault\":"
        + " {\"secretIdentifier\": \"https://kv.vault.azure.net/secrets/x\"}}}");
    write("named values/plain/namedValueInformation.json", "{\"properties\": {\"value\": \"dev\"}}");

    GatewayConfig config = ApiOpsLoader.load(root, ApiOpsOptions.defaults()
        .withNamedValue("partner-key", "s3cret")
        .withNamedValue("nv2", "from-vault")
        .withNamedValue("plain", "prod")
        .withNamedValue("nobody", "x"), diagnostics);

    assertThat(config.namedValues()).containsExactly(
        new NamedValue("partner-key", "s3cret", true),
        new NamedValue("kv", "from-vault", true),
        new NamedValue("plain", "prod", false));
    assertThat(diagnostics.all()).extracting(Diagnostic::message)
        .containsExactly("named value override 'nobody' matches no named value in the tree; ignored");
    assertThat(diagnostics.all().toString()).doesNotContain("s3cret");
  }

  @Test
  void malformedJsonIsReportedWithFileLineAndColumnAndNothingLoads() throws IOException {
    ordersApi("orders");
    write("backends/b/backendInformation.json", "{\n  \"properties\": {\n    \"url\": \"https://b\",,\n  }\n}");

    assertThat(load()).isNull();
    assertThat(errors()).singleElement().satisfies(e ->
        assertThat(e).startsWith("backends/b/backendInformation.json:3:").contains("error: malformed JSON:"));
    assertThatThrownBy(() -> ApiOpsLoader.load(root)).isInstanceOf(PolicyLoadException.class)
        .hasMessageContaining("backends/b/backendInformation.json:3:");
  }

  @Test
  void malformedYamlSpecIsReportedWithItsLine() throws IOException {
    write("apis/a/apiInformation.json", "{\"properties\": {\"path\": \"a\"}}");
    write("apis/a/specification.yaml", "openapi: 3.0.1\npaths:\n  /x: [unclosed\n");
    assertThat(load()).isNull();
    assertThat(errors()).singleElement().asString().startsWith("apis/a/specification.yaml:").contains("malformed");
  }

  @Test
  void operationPolicyWithoutSpecOperationIsAnErrorAtThatFile() throws IOException {
    ordersApi("orders");
    write("apis/orders/operations/delete-order/policy.xml", POLICY);
    assertThat(load()).isNull();
    assertThat(errors()).containsExactly("apis/orders/operations/delete-order/policy.xml:1:1: error: operation "
        + "'delete-order' has a policy but apis/orders/specification.yaml has no operation with operationId "
        + "'delete-order'");
  }

  @Test
  void explicitOperationsFillGapsInTheSpecification() throws IOException {
    ordersApi("orders");
    write("apis/orders/operations/delete-order/policy.xml", POLICY);
    GatewayConfig config = ApiOpsLoader.load(root, ApiOpsOptions.defaults()
        .withOperation("orders", new OperationDefinition("delete-order", null, "DELETE", "/orders/{id}", null))
        .withProductApi("unused", "orders"), diagnostics);
    assertThat(errors()).isEmpty();
    assertThat(config.api("orders").operation("delete-order").policy().origin())
        .isEqualTo("apis/orders/operations/delete-order/policy.xml");
  }

  @Test
  void swagger2SpecificationsAreRead() throws IOException {
    write("apis/legacy/apiInformation.json", "{\"properties\": {\"path\": \"legacy\"}}");
    write("apis/legacy/specification.json", "{\"swagger\": \"2.0\", \"host\": \"gw\", \"basePath\": \"/legacy\","
        + " \"paths\": {\"/pets/{id}\": {\"get\": {\"operationId\": \"getPet\"}, \"delete\": {\"operationId\":"
        + " \"deletePet\"}}, \"/x\": {\"post\": {}}}}");
    GatewayConfig config = load();
    assertThat(config.api("legacy").operations())
        .extracting(OperationDefinition::id, OperationDefinition::method, OperationDefinition::urlTemplate)
        .containsExactly(tuple("getPet", "GET", "/pets/{id}"), tuple("deletePet", "DELETE", "/pets/{id}"));
    assertThat(diagnostics.all()).extracting(Diagnostic::message)
        .containsExactly("POST /x has no operationId; the operation is skipped");
  }

  @Test
  void brokenReferencesAreErrorsAtTheReferringFile() throws IOException {
    ordersApi("orders");
    write("apis/orders/apiInformation.json", "{\"properties\": {\"path\": \"orders\", \"apiVersion\": \"v1\","
        + " \"apiVersionSetId\": \"/apiVersionSets/missing\"}}");
    write("products/gold/productInformation.json", "{\"properties\": {\"subscriptionRequired\": \"yes\"}}");
    write("products/gold/apis/ghost/productApiInformation.json", "{}");
    write("backends/pool/backendInformation.json", "{\"properties\": {\"type\": \"Pool\", \"pool\": {\"services\":"
        + " [{\"id\": \"/backends/nope\"}]}}}");
    write("policy fragments/f/policyFragmentInformation.json", "{\"properties\": {}}");

    assertThat(load()).isNull();
    assertThat(errors()).containsExactlyInAnyOrder(
        "apis/orders/apiInformation.json:1:1: error: API 'orders' refers to unknown version set 'missing'",
        "policy fragments/f:1:1: error: policy fragment 'f' has no policy.xml",
        "products/gold/productInformation.json:1:1: error: \"subscriptionRequired\" must be true or false",
        "products/gold/apis/ghost:1:1: error: product 'gold' links API 'ghost', which is not in the tree");
  }

  @Test
  void backendPoolsAndCredentials() throws IOException {
    write("backends/one/backendInformation.json", "{\"properties\": {\"url\": \"https://one\", \"credentials\":"
        + " {\"header\": {\"x-api-key\": [\"{{k}}\"]}, \"query\": {\"code\": [\"a\", \"b\"]}}}}");
    write("backends/pool/backendInformation.json", "{\"properties\": {\"type\": \"Pool\", \"pool\": {\"services\":"
        + " [{\"id\": \"/subscriptions/0/providers/Microsoft.ApiManagement/service/s/backends/one\"}]}}}");
    GatewayConfig config = load();
    assertThat(errors()).isEmpty();
    assertThat(config.backend("one").credentialHeaders()).containsEntry("x-api-key", List.of("{{k}}"));
    assertThat(config.backend("one").credentialQuery()).containsEntry("code", List.of("a", "b"));
    assertThat(config.backend("pool").type()).isEqualTo(BackendType.POOL);
    assertThat(config.backend("pool").poolMemberIds()).containsExactly("one");
  }

  @Test
  void unknownLayoutIsOneClearError() throws IOException {
    write("README.md", "not an APIOps tree");
    assertThat(load()).isNull();
    assertThat(diagnostics.all()).singleElement().extracting(Diagnostic::message).asString()
        .startsWith("not an APIOps tree: found none of policy.xml, apis/");
  }

  @Test
  void legacyV1LayoutIsNamedAndRejected() throws IOException {
    write("apis/Orders API/Original/1/apiInformation.json", "{\"name\": \"orders\", \"properties\": {}}");
    assertThat(load()).isNull();
    assertThat(diagnostics.all()).singleElement().extracting(Diagnostic::message).asString()
        .startsWith("APIOps layout L0 (Azure/apiops v0.x-v1.x").contains("is not supported");
  }

  @Test
  void missingRootIsAnError() {
    assertThat(ApiOpsLoader.load(root.resolve("nope"), ApiOpsOptions.defaults(), diagnostics)).isNull();
    assertThat(diagnostics.all()).singleElement().extracting(Diagnostic::message)
        .isEqualTo("APIOps tree not found: not a directory");
  }

  @Test
  void invalidUtf8PolicyIsAnError() throws IOException {
    Path file = root.resolve("policy.xml");
    Files.write(file, new byte[] {'<', 'p', (byte) 0xC3, (byte) 0x28, '>'});
    assertThat(load()).isNull();
    assertThat(errors()).containsExactly("policy.xml:1:1: error: file is not valid UTF-8");
  }

  @Test
  void websocketApisAreSkippedAndTheirProductLinksDropped() throws IOException {
    write("apis/ws/apiInformation.json", "{\"properties\": {\"path\": \"ws\", \"type\": \"websocket\"}}");
    write("products/p/productInformation.json", "{\"properties\": {}}");
    write("products/p/apis/ws/productApiInformation.json", "{}");
    GatewayConfig config = load();
    assertThat(config.apis()).isEmpty();
    assertThat(config.product("p").apiIds()).isEmpty();
    assertThat(diagnostics.all()).extracting(Diagnostic::message).containsExactly(
        "API 'ws' has type 'websocket', which Gatehouse does not support; the API is skipped");
  }

  @Test
  void duplicateRoutesAcrossApisAreReportedByTheModel() throws IOException {
    write("apis/a/apiInformation.json", "{\"properties\": {\"path\": \"same\"}}");
    write("apis/b/apiInformation.json", "{\"properties\": {\"path\": \"/same/\"}}");
    assertThat(load()).isNull();
    assertThat(errors()).containsExactly(
        "apis/b/apiInformation.json:1:1: error: APIs 'a' and 'b' both serve path '/same'");
  }

  @Test
  void policyTextIsReadAsUtf8() throws IOException {
    Files.writeString(root.resolve("policy.xml"), "<policies><!-- é ü 日本 --></policies>", StandardCharsets.UTF_8);
    assertThat(load().globalPolicy().text()).contains("é ü 日本");
  }
}
