package io.gatehouse.netty;

import io.gatehouse.engine.Gatehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the APIOps tree the adapter tests serve: API {@code shop} (no subscription) with operations hello (GET,
 * HEAD), upload (POST), big (GET), slow (GET, 300 ms timeout), fail (an expression that throws) and short (a
 * return-response); API {@code secure} requiring a subscription key; API {@code down} pointing at a closed port.
 */
final class TestTree {
  private TestTree() {}

  /**
   * A gatehouse serving the tree written to a new temporary folder named after {@code prefix}, for an application
   * behind the handler in front mode (service URLs {@code http://app.local/base} and {@code http://app.local/down}).
   */
  static Gatehouse inFront(String prefix) throws IOException {
    return Gatehouse.builder()
        .apiOpsTree(write(Files.createTempDirectory(prefix), "http://app.local/base", "http://app.local/down"))
        .build();
  }

  static Path write(Path root, String serviceUrl, String downUrl) throws IOException {
    Files.writeString(root.resolve("policy.xml"), "<policies><inbound /><backend><forward-request timeout=\"10\" />"
        + "</backend><outbound /><on-error /></policies>");
    api(root, "shop", serviceUrl, false, """
        <policies><inbound><base />
          <set-header name="X-Gateway" exists-action="override"><value>gatehouse</value></set-header>
        </inbound><backend><base /></backend>
        <outbound><base />
          <set-header name="X-Outbound" exists-action="override"><value>@(context.Response.StatusCode.ToString())</value></set-header>
        </outbound><on-error><base /></on-error></policies>""",
        op("hello", "get", "/hello"), op("hello-head", "head", "/hello"), op("upload", "post", "/upload"),
        op("big", "get", "/big"), op("slow", "get", "/slow"), op("fail", "get", "/fail"), op("short", "get", "/short"));
    operationPolicy(root, "shop", "slow", "<policies><inbound><base /></inbound><backend>"
        + "<forward-request timeout-ms=\"300\" /></backend><outbound><base /></outbound><on-error><base />"
        + "</on-error></policies>");
    operationPolicy(root, "shop", "fail", "<policies><inbound><base /><set-variable name=\"x\" "
        + "value=\"@(((string)context.Variables.GetValueOrDefault(&quot;missing&quot;)).Length)\" /></inbound>"
        + "<backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>");
    operationPolicy(root, "shop", "short", "<policies><inbound><base /><return-response><set-status code=\"202\" "
        + "reason=\"Accepted\" /><set-header name=\"X-Short\" exists-action=\"override\"><value>yes</value>"
        + "</set-header><set-body>short-circuit</set-body></return-response></inbound><backend><base /></backend>"
        + "<outbound><base /></outbound><on-error><base /></on-error></policies>");
    api(root, "secure", serviceUrl, true, null, op("secret", "get", "/secret"));
    api(root, "down", downUrl, false, null, op("gone", "get", "/gone"));
    return root;
  }

  /** The {@code shop} API's policy with a different X-Gateway value (a hot-reload edit). */
  static void editShop(Path root, String gatewayHeader) throws IOException {
    String policy = Files.readString(root.resolve("apis/shop/policy.xml"));
    Files.writeString(root.resolve("apis/shop/policy.xml"),
        policy.replaceFirst("<value>[^<@]*</value>", "<value>" + gatewayHeader + "</value>"));
  }

  private static String op(String id, String method, String path) {
    return id + "," + method + "," + path;
  }

  private static void api(Path root, String name, String serviceUrl, boolean subscription, String policy,
      String... ops) throws IOException {
    Path dir = Files.createDirectories(root.resolve("apis/" + name));
    Files.writeString(dir.resolve("apiInformation.json"), "{\"properties\": {\"path\": \"" + name
        + "\", \"serviceUrl\": \"" + serviceUrl + "\", \"subscriptionRequired\": " + subscription + "}}");
    StringBuilder spec = new StringBuilder("openapi: 3.0.1\ninfo: {title: " + name + ", version: '1'}\npaths:\n");
    String lastPath = null;
    for (String op : ops) {
      String[] p = op.split(",");
      if (!p[2].equals(lastPath)) {
        spec.append("  ").append(p[2]).append(":\n");
        lastPath = p[2];
      }
      spec.append("    ").append(p[1]).append(":\n      operationId: ").append(p[0])
          .append("\n      responses: {'200': {description: ok}}\n");
    }
    Files.writeString(dir.resolve("specification.yaml"), spec.toString());
    if (policy != null) {
      Files.writeString(dir.resolve("policy.xml"), policy);
    }
  }

  private static void operationPolicy(Path root, String api, String op, String policy) throws IOException {
    Path dir = Files.createDirectories(root.resolve("apis/" + api + "/operations/" + op));
    Files.writeString(dir.resolve("policy.xml"), policy);
  }
}
