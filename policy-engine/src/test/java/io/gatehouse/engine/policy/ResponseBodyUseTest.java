package io.gatehouse.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.xml.Diagnostics;
import org.junit.jupiter.api.Test;

class ResponseBodyUseTest {
  private static boolean needed(String inbound, String backend, String outbound, String onError) {
    String xml = "<policies><inbound>" + inbound + "</inbound><backend>" + backend + "</backend><outbound>" + outbound
        + "</outbound><on-error>" + onError + "</on-error></policies>";
    return ResponseBodyUse.needed(PolicyKit.sections(xml, new Diagnostics()));
  }

  private static boolean outbound(String statements) {
    return needed("", "<forward-request />", statements, "");
  }

  @Test
  void lightPipelinesLeaveTheBodyAlone() {
    assertThat(outbound("")).isFalse();
    assertThat(outbound("<set-header name=\"X-A\" exists-action=\"override\"><value>@(context.Response.StatusCode"
        + ".ToString())</value></set-header><set-status code=\"201\" reason=\"Created\" />"
        + "<set-variable name=\"v\" value=\"@(context.Response.Headers.GetValueOrDefault(&quot;X&quot;, &quot;&quot;))\" />"
        + "<trace source=\"t\"><message>@(context.Response.StatusCode.ToString())</message></trace><base />"))
        .isFalse();
  }

  @Test
  void policiesThatTransformOrReadTheBodyNeedIt() {
    assertThat(outbound("<find-and-replace from=\"a\" to=\"b\" />")).isTrue();
    assertThat(outbound("<xml-to-json kind=\"direct\" apply=\"always\" consider-accept-header=\"false\" />")).isTrue();
    assertThat(outbound("<json-to-xml apply=\"always\" />")).isTrue();
    assertThat(outbound("<validate-content unspecified-content-type-action=\"prevent\" max-size=\"100\" "
        + "size-exceeded-action=\"prevent\" />")).isTrue();
    assertThat(outbound("<cache-store duration=\"60\" />")).isTrue();
    assertThat(outbound("<some-future-policy />")).isTrue();
  }

  @Test
  void replacingTheBodyNeedsNoneOfItsBytes() {
    assertThat(outbound("<set-body>replaced</set-body>")).isFalse();
    assertThat(outbound("<set-body template=\"none\">replaced</set-body>")).isFalse();
    assertThat(outbound("<return-response><set-status code=\"500\" reason=\"x\" /><set-body>no</set-body>"
        + "</return-response>")).isFalse();
    assertThat(outbound("<set-body template=\"liquid\">{{body.a}}</set-body>")).isTrue();
    assertThat(outbound("<return-response response-variable-name=\"r\" />")).isTrue();
  }

  @Test
  void nestedStatementsCount() {
    assertThat(outbound("<choose><when condition=\"@(context.Response.StatusCode == 200)\"><set-header name=\"X\" "
        + "exists-action=\"delete\" /></when><otherwise><set-status code=\"502\" reason=\"Bad\" /></otherwise>"
        + "</choose>")).isFalse();
    assertThat(outbound("<choose><when condition=\"@(true)\"><set-header name=\"X\" exists-action=\"delete\" />"
        + "</when><otherwise><choose><when condition=\"@(true)\"><find-and-replace from=\"a\" to=\"b\" /></when>"
        + "</choose></otherwise></choose>")).isTrue();
    assertThat(outbound("<limit-concurrency key=\"k\" max-count=\"1\"><json-to-xml apply=\"always\" />"
        + "</limit-concurrency>")).isTrue();
    assertThat(outbound("<limit-concurrency key=\"k\" max-count=\"1\"><set-header name=\"X\" "
        + "exists-action=\"delete\" /></limit-concurrency>")).isFalse();
    assertThat(outbound("<choose><when condition=\"@(true)\"><return-response><set-body>@(context.Response.Body"
        + ".As&lt;string&gt;())</set-body></return-response></when></choose>")).isTrue();
  }

  @Test
  void anExpressionMentioningBodyNeedsIt() {
    assertThat(outbound("<set-header name=\"X-Len\" exists-action=\"override\"><value>@(context.Response.Body"
        + ".As&lt;string&gt;(preserveContent: true).Length.ToString())</value></set-header>")).isTrue();
    assertThat(outbound("<set-body>@(\"wrapped \" + context.Response.Body.As&lt;string&gt;())</set-body>")).isTrue();
    assertThat(outbound("<set-variable name=\"v\" value=\"@{ var b = context.Response.Body; return 1; }\" />"))
        .isTrue();
    assertThat(needed("", "<forward-request />", "", "<set-header name=\"X\" exists-action=\"override\"><value>"
        + "@(context.Response.Body.As&lt;string&gt;())</value></set-header>")).isTrue();
    assertThat(outbound("<set-header name=\"X-Doc\" exists-action=\"override\"><value>Body text</value>"
        + "</set-header>")).as("a literal is no expression").isFalse();
  }

  @Test
  void inboundOnlyMattersForChecksThatRunOnTheFinalResponse() {
    assertThat(needed("<set-variable name=\"req\" value=\"@(context.Request.Body.As&lt;string&gt;())\" />",
        "<forward-request />", "", "")).isFalse();
    assertThat(needed("<quota calls=\"10\" bandwidth=\"100\" renewal-period=\"60\" />", "<forward-request />", "",
        "")).isTrue();
    assertThat(needed("<quota calls=\"10\" renewal-period=\"60\"><api name=\"a\" calls=\"5\" bandwidth=\"40\" />"
        + "</quota>", "<forward-request />", "", "")).isTrue();
    assertThat(needed("<quota calls=\"10\" renewal-period=\"60\" />", "<forward-request />", "", "")).isFalse();
    assertThat(needed("<rate-limit-by-key calls=\"5\" renewal-period=\"60\" counter-key=\"k\" increment-condition="
        + "\"@(context.Response.Body.As&lt;string&gt;(true).Length &gt; 0)\" />", "<forward-request />", "", ""))
        .isTrue();
    assertThat(needed("<rate-limit-by-key calls=\"5\" renewal-period=\"60\" counter-key=\"k\" increment-condition="
        + "\"@(context.Response.StatusCode == 200)\" />", "<forward-request />", "", "")).isFalse();
  }

  @Test
  void theBackendSectionIsCheckedToo() {
    assertThat(needed("", "<forward-request timeout=\"5\" />", "", "")).isFalse();
    assertThat(needed("", "<choose><when condition=\"@(true)\"><forward-request /></when></choose>", "", ""))
        .isFalse();
    assertThat(needed("", "<forward-request /><find-and-replace from=\"a\" to=\"b\" />", "", "")).isTrue();
    assertThat(outbound("<forward-request />")).as("forward-request outside backend is unexpected").isTrue();
  }
}
