package io.gatehouse.engine.routing;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import io.gatehouse.xml.config.VersionSetDefinition;
import io.gatehouse.xml.config.VersioningScheme;
import java.net.URI;
import java.net.URISyntaxException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.api.Assertions;

class RouterPropertiesTest {
  private static final VersionSetDefinition QUERY = VersionSetDefinition.of("q", VersioningScheme.QUERY);
  private static final Router ROUTER = new Router(GatewayConfig.builder()
      .api(ApiDefinition.builder("root").path("").operation("any", "GET", "/*").build())
      .api(ApiDefinition.builder("a").path("a/b")
          .operation("p", "GET", "/{x}/{y}.{z}")
          .operation("q", "POST", "/s?k={v}&t")
          .operation("w", "PUT", "/w/*")
          .build())
      .api(ApiDefinition.builder("a;rev=2").path("a/b").revision("2", false).operation("p", "GET", "/{x}").build())
      .api(ApiDefinition.builder("v").path("v").version(QUERY, "1").operation("p", "GET", "/{x}").build())
      .build());

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.strings().withChars("ab/.;=%{}*?&2xyzé ").ofMaxLength(40);
  }

  @Property(tries = 2000)
  void neverThrows(@ForAll("paths") String path, @ForAll("paths") String query,
      @ForAll("methods") String method) throws URISyntaxException {
    URI uri = new URI("https", "gw", "/" + path, query, null);
    Assertions.assertThatCode(() -> {
      ROUTER.match(method, uri);
      ROUTER.match(method, uri, HttpHeaders.of("Api-Version", "1"));
      ROUTER.match(method, URI.create("https://gw/" + path.replaceAll("[^a-z/.;=2]", "")));
    }).doesNotThrowAnyException();
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "post", "PUT", "", "PATCH");
  }
}
