package io.gatehouse.xml;

import static io.gatehouse.xml.ReaderTestSupport.oneError;
import static io.gatehouse.xml.ReaderTestSupport.pos;
import static io.gatehouse.xml.ReaderTestSupport.readClean;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReaderTest {
  private final PolicyReader reader = PolicyReader.standard();

  private PolicyDocument clean(String text) {
    return readClean(reader, text);
  }

  private XmlElement inbound(PolicyDocument doc) {
    return doc.section(Section.INBOUND);
  }

  @Test
  void readsRawAttributeExpressionsWithQuotesAndOperators() {
    String text = """
        <policies>
          <inbound>
            <choose>
              <when condition="@(context.Request.Method == "POST" && x.Contains("a>b"))">
                <set-variable name="v" value='@("it's")' />
              </when>
            </choose>
          </inbound>
        </policies>
        """;
    PolicyDocument doc = clean(text);
    assertThat(doc.kind()).isEqualTo(PolicyDocument.Kind.POLICIES);
    XmlElement when = inbound(doc).element("choose").orElseThrow().element("when").orElseThrow();
    XmlAttribute condition = when.attribute("condition").orElseThrow();
    assertThat(condition.value()).isEqualTo("@(context.Request.Method == \"POST\" && x.Contains(\"a>b\"))");
    assertThat(pos(when.position())).isEqualTo("4:7");
    assertThat(pos(condition.position())).isEqualTo("4:13");
    assertThat(pos(condition.valuePosition())).isEqualTo("4:24");
    XmlElement setVariable = when.element("set-variable").orElseThrow();
    assertThat(setVariable.attributeValue("value")).isEqualTo("@(\"it's\")");
    assertThat(setVariable.attributeValue("name")).isEqualTo("v");
  }

  @Test
  void readsRawTextExpressionsContainingMarkupCharacters() {
    String text = String.join("\n",
        "<policies>",
        "  <outbound>",
        "    <set-body>@{",
        "      var s = \"</set-body>\" + '<';",
        "      if (a < b && c > d) { return s; } // </set-body> )",
        "      /* } ) */ return $\"x{(ok ? \"y\" : $\"z{n}\")}w{{\" + @\"C:\\dir\"\"\"\" + \"\\\"\" + $@\"{a:HH':'mm}\";",
        "    }</set-body>",
        "    <set-header name=\"h\"><value> @(context.Variables.GetValueOrDefault<bool>(\"isMobile\")) </value></set-header>",
        "  </outbound>",
        "</policies>");
    PolicyDocument doc = clean(text);
    XmlElement outbound = doc.section(Section.OUTBOUND);
    XmlText body = outbound.element("set-body").orElseThrow().text();
    assertThat(body.value()).startsWith("@{\n      var s = \"</set-body>\" + '<';").endsWith("\n    }");
    assertThat(pos(body.position())).isEqualTo("3:15");
    XmlText value = outbound.element("set-header").orElseThrow().element("value").orElseThrow().text();
    assertThat(value.value()).isEqualTo("@(context.Variables.GetValueOrDefault<bool>(\"isMobile\"))");
    assertThat(pos(value.position())).isEqualTo("8:34");
  }

  @Test
  void readsTheEscapedFormat() {
    PolicyDocument doc = clean("<policies><inbound><set-variable name=\"v\" "
        + "value=\"@(a &amp;&amp; b == &quot;x)&quot; &amp;&amp; c &lt; d)\"/>"
        + "<set-body>@(x &lt; &quot;&lt;/set-body&gt;&quot;)</set-body></inbound></policies>");
    XmlElement inbound = inbound(doc);
    assertThat(inbound.element("set-variable").orElseThrow().attributeValue("value"))
        .isEqualTo("@(a && b == \"x)\" && c < d)");
    assertThat(inbound.element("set-body").orElseThrow().text().value()).isEqualTo("@(x < \"</set-body>\")");
  }

  @Test
  void keepsRawAmpersandsThatAreNotReferencesInsideExpressions() {
    PolicyDocument doc = clean("<policies><inbound><set-variable name=\"v\" value=\"@(a && b &foo; &#0; &amp;)\"/>"
        + "</inbound></policies>");
    assertThat(inbound(doc).element("set-variable").orElseThrow().attributeValue("value"))
        .isEqualTo("@(a && b &foo; &#0; &)");
  }

  @Test
  void readsExpressionsInsideCdata() {
    PolicyDocument doc = clean("<policies><inbound><set-body><![CDATA[ @(\"]]>\" + \"&amp;\") ]]></set-body>"
        + "<set-body><![CDATA[{\"a\": \"<b>&amp;\"}]]></set-body></inbound></policies>");
    List<XmlElement> bodies = inbound(doc).elements("set-body");
    assertThat(bodies.get(0).text().value()).isEqualTo("@(\"]]>\" + \"&amp;\")");
    assertThat(bodies.get(0).text().position().column()).isEqualTo(40);
    assertThat(bodies.get(1).text().value()).isEqualTo("{\"a\": \"<b>&amp;\"}");
  }

  @Test
  void mergesTextAroundCommentsAndCdataIntoOneNode() {
    PolicyDocument doc = clean("<fragment><set-body> a <!-- c --> b <![CDATA[<c>]]> </set-body></fragment>");
    XmlElement body = doc.root().element("set-body").orElseThrow();
    assertThat(body.children()).hasSize(1);
    assertThat(body.text().value()).isEqualTo("a  b <c>");
  }

  @Test
  void skipsDeclarationCommentsAndProcessingInstructions() {
    PolicyDocument doc = clean("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- leading -->\n<?pi data?>"
        + "<policies><!-- x --><inbound><?other?><base /><!-- <set-header> --></inbound></policies>\n<!-- end -->\n");
    assertThat(inbound(doc).children()).hasSize(1);
    assertThat(inbound(doc).elements().get(0).name()).isEqualTo("base");
    assertThat(doc.section(Section.BACKEND)).isNull();
  }

  @Test
  void readsFragments() {
    PolicyDocument doc = clean("<!-- f --><fragment>\n  <set-variable name=\"a\" value=\"1\" />\n</fragment>");
    assertThat(doc.kind()).isEqualTo(PolicyDocument.Kind.FRAGMENT);
    assertThat(doc.section(Section.INBOUND)).isNull();
    assertThat(pos(doc.root().position())).isEqualTo("1:11");
    assertThat(pos(doc.root().elements().get(0).position())).isEqualTo("2:3");
  }

  @Test
  void positionsCountTabsAsOneColumnAndCrlfAsOneLineBreak() {
    String text = "<policies>\r\n\t<inbound>\r\n\t\t<set-header\tname=\"a\"\r\n\t\t  exists-action=\"skip\">"
        + "<value>\r\n  x\r\n y </value></set-header>\r\n\t</inbound>\r</policies>";
    PolicyDocument doc = clean(text);
    XmlElement setHeader = inbound(doc).elements().get(0);
    assertThat(pos(inbound(doc).position())).isEqualTo("2:2");
    assertThat(pos(setHeader.position())).isEqualTo("3:3");
    assertThat(pos(setHeader.attribute("name").orElseThrow().position())).isEqualTo("3:15");
    assertThat(pos(setHeader.attribute("name").orElseThrow().valuePosition())).isEqualTo("3:21");
    assertThat(pos(setHeader.attribute("exists-action").orElseThrow().position())).isEqualTo("4:5");
    XmlText value = setHeader.element("value").orElseThrow().text();
    assertThat(value.value()).isEqualTo("x\n y");
    assertThat(pos(value.position())).isEqualTo("5:3");
  }

  @Test
  void decodesEntitiesAndCharacterReferences() {
    PolicyDocument doc = clean("<fragment><set-body a=\"&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;\">"
        + "&#x20;&lt;x&gt;</set-body></fragment>");
    XmlElement body = doc.root().elements().get(0);
    assertThat(body.attributeValue("a")).isEqualTo("<>&\"'AB\uD83D\uDE00");
    assertThat(body.text().value()).isEqualTo("<x>");
  }

  @Test
  void dropsWhitespaceOnlyText() {
    PolicyDocument doc = clean("<fragment>\n  <set-body>  \n  </set-body> <![CDATA[  ]]> </fragment>");
    assertThat(doc.root().children()).hasSize(1);
    assertThat(doc.root().elements().get(0).children()).isEmpty();
  }

  @Test
  void recognisesExpressionsOnlyAsTheWholeValue() {
    PolicyDocument doc = clean("<fragment><set-header name=\"x-@(a)\" v=\"a @(b &amp;)\"><value>p-@(x)</value>"
        + "</set-header></fragment>");
    XmlElement h = doc.root().elements().get(0);
    assertThat(h.attributeValue("name")).isEqualTo("x-@(a)");
    assertThat(h.attributeValue("v")).isEqualTo("a @(b &)");
    assertThat(h.element("value").orElseThrow().text().value()).isEqualTo("p-@(x)");
  }

  // ---- malformed input: one diagnostic each, then null ----

  @Test
  void mismatchedEndTag() {
    assertThat(oneError(reader, "<policies>\n  <inbound>\n  </policies>", "3:3",
        "mismatched end tag </policies>: expected </inbound> to close the element opened at t.xml:2:3")).isNull();
  }

  @Test
  void unclosedElementAtEndOfDocument() {
    assertThat(oneError(reader, "<policies>\n  <inbound>\n", "2:3", "element <inbound> is never closed")).isNull();
  }

  @Test
  void endOfDocumentInsideStartTag() {
    assertThat(oneError(reader, "<policies>\n <inbound a=\"1\" ", "2:2", "start tag <inbound> is not terminated"))
        .isNull();
  }

  @Test
  void unquotedAttributeValue() {
    assertThat(oneError(reader, "<policies a=b/>", "1:13", "the value of attribute 'a' must be in quotes")).isNull();
  }

  @Test
  void attributeWithoutValue() {
    assertThat(oneError(reader, "<policies a />", "1:13", "attribute 'a' has no value")).isNull();
  }

  @Test
  void missingWhitespaceBetweenAttributes() {
    assertThat(oneError(reader, "<policies a=\"1\"b=\"2\"/>", "1:16", "missing whitespace")).isNull();
  }

  @Test
  void duplicateAttribute() {
    assertThat(oneError(reader, "<policies a=\"1\" a=\"2\"/>", "1:17", "duplicate attribute 'a' on <policies>"))
        .isNull();
  }

  @Test
  void unterminatedAttributeValue() {
    assertThat(oneError(reader, "<policies a=\"1/>", "1:11", "the value of attribute 'a' is not terminated"))
        .isNull();
  }

  @Test
  void lessThanInPlainAttributeValue() {
    assertThat(oneError(reader, "<policies a=\"<\"/>", "1:14", "'<' in the value of attribute 'a'")).isNull();
  }

  @Test
  void textAfterRoot() {
    assertThat(oneError(reader, "<policies/>\nx", "2:1", "content after the end of the root element")).isNull();
  }

  @Test
  void secondRootElement() {
    assertThat(oneError(reader, "<policies/><policies/>", "1:12", "content after the end of the root element"))
        .isNull();
  }

  @Test
  void textBeforeRoot() {
    assertThat(oneError(reader, "hello <policies/>", "1:1", "text before the root element")).isNull();
  }

  @Test
  void wrongRoot() {
    assertThat(oneError(reader, "<!-- c -->\n<policy/>", "2:1", "root element must be <policies> or <fragment>"))
        .isNull();
  }

  @Test
  void emptyDocument() {
    assertThat(oneError(reader, "  <!-- only -->  ", "1:18", "document has no root element")).isNull();
  }

  @Test
  void missingElementName() {
    assertThat(oneError(reader, "<policies>< inbound/></policies>", "1:12", "expected an element name")).isNull();
  }

  @Test
  void unterminatedComment() {
    assertThat(oneError(reader, "<policies><!-- x </policies>", "1:11", "comment is not terminated")).isNull();
  }

  @Test
  void unterminatedCdata() {
    assertThat(oneError(reader, "<policies><![CDATA[ x </policies>", "1:11", "CDATA section is not terminated"))
        .isNull();
  }

  @Test
  void controlCharacter() {
    assertThat(oneError(reader, "<policies>\n\u0001</policies>", "2:1", "U+0001 is not allowed")).isNull();
  }

  @Test
  void doctypeIsRejected() {
    assertThat(oneError(reader, "<!DOCTYPE policies><policies/>", "1:1", "DOCTYPE declarations are not allowed"))
        .isNull();
  }

  @Test
  void billionLaughsIsRejectedBeforeAnyExpansion() {
    String lol = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
        ]>
        <policies><inbound><set-body>&lol2;</set-body></inbound></policies>
        """;
    assertThat(oneError(reader, lol, "2:1", "DOCTYPE declarations are not allowed")).isNull();
  }

  @Test
  void externalEntityIsRejected() {
    String xxe = "<!DOCTYPE p [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><policies>&e;</policies>";
    assertThat(oneError(reader, xxe, "1:1", "DOCTYPE")).isNull();
  }

  @Test
  void doctypeInsideContentIsRejected() {
    assertThat(oneError(reader, "<policies><!DOCTYPE x></policies>", "1:11", "DOCTYPE")).isNull();
  }

  @Test
  void unknownEntity() {
    assertThat(oneError(reader, "<policies><inbound>&e;</inbound></policies>", "1:20", "unknown entity '&e;'"))
        .isNull();
  }

  @Test
  void bareAmpersandOutsideExpressions() {
    assertThat(oneError(reader, "<policies a=\"x & y\"/>", "1:16", "'&' must be escaped as '&amp;'")).isNull();
  }

  @Test
  void invalidCharacterReferences() {
    oneError(reader, "<policies a=\"&#0;\"/>", "1:14", "'&#0;' is not a valid XML character");
    oneError(reader, "<policies a=\"&#xD800;\"/>", "1:14", "'&#xD800;' is not a valid XML character");
    oneError(reader, "<policies a=\"&#99999999999999999999;\"/>", "1:14", "is not a valid XML character");
    oneError(reader, "<policies a=\"&#;\"/>", "1:14", "malformed character reference");
  }

  @Test
  void oversizeDocument() {
    PolicyReader small = reader.withLimits(new ReaderLimits(20, 64, 64, 100, 100, 1000));
    assertThat(oneError(small, "<policies>          </policies>", "1:1", "document is too large: 31 characters"))
        .isNull();
  }

  @Test
  void tooDeep() {
    String text = "<policies>" + "<a>".repeat(64) + "</a>".repeat(64) + "</policies>";
    assertThat(oneError(reader, text, "1:200", "elements are nested too deeply: more than 64 levels")).isNull();
    String ok = "<policies>" + "<a>".repeat(63) + "</a>".repeat(63) + "</policies>";
    readClean(reader, ok);
  }

  @Test
  void tooManyAttributes() {
    PolicyReader small = reader.withLimits(new ReaderLimits(1000, 64, 2, 100, 100, 1000));
    assertThat(oneError(small, "<policies a=\"1\" b=\"2\" c=\"3\"/>", "1:23", "too many attributes on <policies>"))
        .isNull();
  }

  @Test
  void attributeAndTextTooLong() {
    PolicyReader small = reader.withLimits(new ReaderLimits(1000, 64, 8, 5, 5, 1000));
    oneError(small, "<policies a=\"123456\"/>", "1:14", "attribute 'a' is too long");
    oneError(small, "<policies>123456</policies>", "1:11", "text is too long");
    oneError(small, "<policies a=\"@(12345)\"/>", "1:14", "policy expression is too long");
  }

  @Test
  void unbalancedExpressionReportsTheAt() {
    String text = "<policies>\n  <inbound>\n    <set-variable name=\"a\" value=\"@(foo(\" />\n"
        + "  </inbound>\n</policies>";
    assertThat(oneError(reader, text, "3:35", "unbalanced policy expression")).isNull();
    oneError(reader, "<policies><x a=\"@(a]\"/></policies>", "1:17",
        "unbalanced policy expression: ']' at 1:20 does not match '('");
    oneError(reader, "<policies><x a=\"@{ return \"x; }\n\"/></policies>", "1:17",
        "string literal at 1:27 is not terminated");
    oneError(reader, "<policies><x a=\"@(/* )\"/></policies>", "1:17", "comment at 1:19 is not terminated");
    oneError(reader, "<policies><x>@(a</x></policies>", "1:14", "'(' at 1:15 is never closed");
    oneError(reader, "<policies><x><![CDATA[@($\"{a\")]]></x></policies>", "1:23", "unbalanced policy expression");
  }

  @Test
  void nonWhitespaceAfterAnExpression() {
    oneError(reader, "<policies><x a=\"@(a) b\"/></policies>", "1:22",
        "unexpected 'b' after the policy expression in attribute 'a'");
    oneError(reader, "<policies><x> @(a) b</x></policies>", "1:20", "unexpected 'b' after a policy expression");
    oneError(reader, "<policies><x><![CDATA[@(a) b]]></x></policies>", "1:28", "after the policy expression");
    oneError(reader, "<policies><x>@(a)<!-- c --> b</x></policies>", "1:29", "after a policy expression");
  }
}
