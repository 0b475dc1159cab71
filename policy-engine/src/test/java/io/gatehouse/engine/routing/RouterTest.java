package io.gatehouse.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import io.gatehouse.xml.config.VersionSetDefinition;
import io.gatehouse.xml.config.VersioningScheme;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static RouteMatch match(Router router, String method, String url) {
    return router.match(method, URI.create(url));
  }

  private static String apiOf(RouteMatch m) {
    return m == null ? null : m.api().id();
  }

  private static String opOf(RouteMatch m) {
    return m == null ? null : m.api().id() + "/" + m.operation().id();
  }

  @Test
  void longestApiPathPrefixOnSegmentBoundariesWins() {
    Router router = new Router(GatewayConfig.builder()
        .api(ApiDefinition.builder("root").path("").operation("any", "GET", "/*").build())
        .api(ApiDefinition.builder("shop").path("shop").operation("any", "GET", "/*").build())
        .api(ApiDefinition.builder("orders").path("shop/orders").operation("any", "GET", "/*").build())
        .build());

    assertThat(apiOf(match(router, "GET", "https://gw/shop/orders/1"))).isEqualTo("orders");
    assertThat(apiOf(match(router, "GET", "https://gw/SHOP/Orders"))).isEqualTo("orders");
    assertThat(apiOf(match(router, "GET", "https://gw/shop/ordersx/1"))).isEqualTo("shop");
    assertThat(apiOf(match(router, "GET", "https://gw/shopping"))).isEqualTo("root");
    assertThat(apiOf(match(router, "GET", "https://gw/"))).isEqualTo("root");
    assertThat(apiOf(match(router, "GET", "https://gw"))).isEqualTo("root");
  }

  @Test
  void noRootApiMeansUnknownPathsDoNotMatch() {
    Router router = new Router(GatewayConfig.builder()
        .api(ApiDefinition.builder("shop").path("shop").operation("list", "GET", "/items").build())
        .build());
    assertThat(match(router, "GET", "https://gw/other/items")).isNull();
    assertThat(match(router, "GET", "https://gw/shop/unknown")).isNull();
  }

  @Test
  void templateParametersArePercentDecodedAndTheOperationPathKeepsEncoding() {
    Router router = new Router(GatewayConfig.builder()
        .api(ApiDefinition.builder("orders").path("orders")
            .operation("get-line", "GET", "/orders/{orderId}/lines/{lineId}")
            .operation("get-file", "GET", "/files/{name}.{ext}")
            .build())
        .build());

    RouteMatch m = match(router, "get", "https://gw/orders/orders/a%2Fb%20c/lines/7?x=1");
    assertThat(opOf(m)).isEqualTo("orders/get-line");
    assertThat(m.parameters()).containsExactly(entry("orderId", "a/b c"), entry("lineId", "7"));
    assertThat(m.operationPath()).isEqualTo("/orders/a%2Fb%20c/lines/7");

    RouteMatch file = match(router, "GET", "https://gw/orders/files/report.final.pdf");
    assertThat(file.parameters()).containsExactly(entry("name", "report"), entry("ext", "final.pdf"));
  }

  @Test
  void literalSegmentsBeatParametersFromTheLeftAndFirstDeclaredBreaksTies() {
    Router router = new Router(GatewayConfig.builder()
        .api(ApiDefinition.builder("a").path("a")
            .operation("by-id", "GET", "/items/{id}")
            .operation("mine", "GET", "/items/mine")
            .operation("x-then-literal", "GET", "/{x}/special")
            .operation("items-then-param", "GET", "/items/{y}")
            .build())
        .build());

    assertThat(opOf(match(router, "GET", "https://gw/a/items/mine"))).isEqualTo("a/mine");
    assertThat(opOf(match(router, "GET", "https://gw/a/items/42"))).isEqualTo("a/by-id");
    assertThat(opOf(match(router, "GET", "https://gw/a/items/special"))).isEqualTo("a/by-id");
    assertThat(opOf(match(router, "GET", "https://gw/a/other/special"))).isEqualTo("a/x-then-literal");
  }

  @Test
  void trailingWildcardMatchesZeroOrMoreSegmentsAndLosesToExactTemplates() {
    Router router = new Router(GatewayConfig.builder()
        .api(ApiDefinition.builder("a").path("a")
            .operation("files", "GET", "/files/*")
            .operation("readme", "GET", "/files/readme")
            .build())
        .build());
    assertThat(opOf(match(router, "GET", "https://gw/a/files/readme"))).isEqualTo("a/readme");
    RouteMatch deep = match(router, "GET", "https://gw/a/files/x/y/z");
    assertThat(opOf(deep)).isEqualTo("a/files");
    assertThat(deep.operationPath()).isEqualTo("/files/x/y/z");
    assertThat(opOf(match(router, "GET", "https://gw/a/files"))).isEqualTo("a/files");
    assertThat(match(router, "GET", "https://gw/a/filesx")).isNull();
  }

  @Test
  void queryTemplateParametersMustBePresent() {
    Router router = new Router(GatewayConfig.builder()
        .api(ApiDefinition.builder("a").path("a")
            .operation("plain", "GET", "/get")
            .operation("search", "GET", "/get?a={b}")
            .operation("typed", "GET", "/get?a={b}&type=full")
            .build())
        .build());
    RouteMatch search = match(router, "GET", "https://gw/a/get?a=hello+world%21");
    assertThat(opOf(search)).isEqualTo("a/search");
    assertThat(search.parameters()).containsExactly(entry("b", "hello world!"));
    assertThat(opOf(match(router, "GET", "https://gw/a/get?type=full&a=1"))).isEqualTo("a/typed");
    assertThat(opOf(match(router, "GET", "https://gw/a/get?type=short&a=1"))).isEqualTo("a/search");
    assertThat(opOf(match(router, "GET", "https://gw/a/get?c=1"))).isEqualTo("a/plain");
  }

  @Test
  void methodMustMatchCaseInsensitively() {
    Router router = new Router(GatewayConfig.builder()
        .api(ApiDefinition.builder("a").path("a").operation("create", "POST", "/items").build())
        .build());
    assertThat(opOf(match(router, "post", "https://gw/a/items"))).isEqualTo("a/create");
    assertThat(match(router, "GET", "https://gw/a/items")).isNull();
    assertThat(match(router, "DELETE", "https://gw/a/items")).isNull();
  }

  @Test
  void emptyRemainderMatchesTheRootTemplateAndTrailingSlashIsIgnored() {
    Router router = new Router(GatewayConfig.builder()
        .api(ApiDefinition.builder("a").path("a").operation("root", "GET", "/").operation("items", "GET", "/items")
            .build())
        .build());
    RouteMatch root = match(router, "GET", "https://gw/a");
    assertThat(opOf(root)).isEqualTo("a/root");
    assertThat(root.operationPath()).isEmpty();
    assertThat(opOf(match(router, "GET", "https://gw/a/"))).isEqualTo("a/root");
    assertThat(opOf(match(router, "GET", "https://gw/a/items/"))).isEqualTo("a/items");
    assertThat(match(router, "GET", "https://gw/a/items//")).isNull();
  }

  @Test
  void segmentVersionsAndTheOriginalApi() {
    VersionSetDefinition set = VersionSetDefinition.of("vs", VersioningScheme.SEGMENT);
    Router router = new Router(GatewayConfig.builder()
        .api(ApiDefinition.builder("orig").path("p").version(set, null).operation("op", "GET", "/x").build())
        .api(ApiDefinition.builder("v2").path("p").version(set, "v2").operation("op", "GET", "/x").build())
        // official APIOps sample style: the path already ends with the version
        .api(ApiDefinition.builder("v3").path("p/v3").version(set, "v3").operation("op", "GET", "/x").build())
        .build());
    assertThat(apiOf(match(router, "GET", "https://gw/p/v2/x"))).isEqualTo("v2");
    assertThat(match(router, "GET", "https://gw/p/v2/x").operationPath()).isEqualTo("/x");
    assertThat(apiOf(match(router, "GET", "https://gw/p/V3/x"))).isEqualTo("v3");
    assertThat(apiOf(match(router, "GET", "https://gw/p/x"))).isEqualTo("orig");
    assertThat(match(router, "GET", "https://gw/p/v9/x")).isNull();
  }

  @Test
  void queryVersions() {
    VersionSetDefinition set = new VersionSetDefinition("vs", "vs", VersioningScheme.QUERY, "v", null, null);
    Router router = new Router(GatewayConfig.builder()
        .api(ApiDefinition.builder("orig").path("p").version(set, null).operation("op", "GET", "/x").build())
        .api(ApiDefinition.builder("v2").path("p").version(set, "2024-01").operation("op", "GET", "/x").build())
        .build());
    assertThat(apiOf(match(router, "GET", "https://gw/p/x?v=2024-01"))).isEqualTo("v2");
    assertThat(apiOf(match(router, "GET", "https://gw/p/x"))).isEqualTo("orig");
    assertThat(match(router, "GET", "https://gw/p/x?v=1999")).isNull();
  }

  @Test
  void headerVersions() {
    VersionSetDefinition set = VersionSetDefinition.of("vs", VersioningScheme.HEADER);
    Router router = new Router(GatewayConfig.builder()
        .api(ApiDefinition.builder("v1").path("p").version(set, "v1").operation("op", "GET", "/x").build())
        .api(ApiDefinition.builder("v2").path("p").version(set, "v2").operation("op", "GET", "/x").build())
        .build());
    URI url = URI.create("https://gw/p/x");
    assertThat(apiOf(router.match("GET", url, HttpHeaders.of("api-version", "v2")))).isEqualTo("v2");
    assertThat(apiOf(router.match("GET", url, HttpHeaders.of("Api-Version", "V1")))).isEqualTo("v1");
    assertThat(router.match("GET", url, new HttpHeaders())).isNull();
    assertThat(router.match("GET", url)).isNull();
  }

  @Test
  void revisionsAreReachableOnlyThroughTheirMarker() {
    Router router = new Router(GatewayConfig.builder()
        .api(ApiDefinition.builder("r").path("r").revision("1", true).operation("get", "GET", "/x").build())
        .api(ApiDefinition.builder("r;rev=2").path("r").revision("2", false).operation("get2", "GET", "/x").build())
        .api(ApiDefinition.builder("top").path("").revision("3", true).operation("t", "GET", "/t").build())
        .build());
    assertThat(opOf(match(router, "GET", "https://gw/r/x"))).isEqualTo("r/get");
    assertThat(opOf(match(router, "GET", "https://gw/r;rev=1/x"))).isEqualTo("r/get");
    RouteMatch rev2 = match(router, "GET", "https://gw/r;rev=2/x");
    assertThat(opOf(rev2)).isEqualTo("r;rev=2/get2");
    assertThat(rev2.operationPath()).isEqualTo("/x");
    assertThat(match(router, "GET", "https://gw/r;rev=9/x")).isNull();
    assertThat(opOf(match(router, "GET", "https://gw/;rev=3/t"))).isEqualTo("top/t");
  }
}
