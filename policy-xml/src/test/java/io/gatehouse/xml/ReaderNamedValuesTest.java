package io.gatehouse.xml;

import static io.gatehouse.xml.ReaderTestSupport.oneError;
import static io.gatehouse.xml.ReaderTestSupport.pos;
import static io.gatehouse.xml.ReaderTestSupport.readClean;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReaderNamedValuesTest {
  private static final String SECRET = "s3cr3t-VALUE";

  private final PolicyReader reader = PolicyReader.standard().withNamedValues(NamedValueResolver.of(Map.of(
      "Suffix", new NamedValue("Suffix", "v1", false),
      "expiry", new NamedValue("expiry", "30", false),
      "expr", new NamedValue("expr", "@(DateTime.Now)", false),
      "nested", new NamedValue("nested", "{{Suffix}}", false),
      "token", new NamedValue("token", SECRET, true),
      "missing-secret", new NamedValue("missing-secret", null, true))));

  @Test
  void substitutesInAttributesTextAndExpressions() {
    PolicyDocument doc = readClean(reader, "<fragment><set-header name=\"X-{{ suffix }}\" a=\"{{expr}}\">"
        + "<value>@(DateTime.UtcNow.AddSeconds({{expiry}}).ToString(\"{{Suffix}}\"))</value></set-header></fragment>");
    XmlElement h = doc.root().elements().get(0);
    assertThat(h.attributeValue("name")).isEqualTo("X-v1");
    assertThat(h.attributeValue("a")).isEqualTo("@(DateTime.Now)");
    assertThat(h.attribute("name").orElseThrow().secret()).isFalse();
    assertThat(h.element("value").orElseThrow().text().value())
        .isEqualTo("@(DateTime.UtcNow.AddSeconds(30).ToString(\"v1\"))");
  }

  @Test
  void substitutesAfterEntityDecodingAndDoesNotRescanValues() {
    PolicyDocument doc = readClean(reader, "<fragment><x a=\"&#123;{Suffix}}\">{{nested}}</x></fragment>");
    XmlElement x = doc.root().elements().get(0);
    assertThat(x.attributeValue("a")).isEqualTo("v1");
    assertThat(x.text().value()).isEqualTo("{{Suffix}}");
  }

  @Test
  void leavesBracesThatAreNotReferencesAlone() {
    PolicyDocument doc = readClean(reader,
        "<fragment><x>@(new Dictionary&lt;string,int&gt; {{\"a\", 1}} + $\"{{ }}\")</x></fragment>");
    assertThat(doc.root().elements().get(0).text().value())
        .isEqualTo("@(new Dictionary<string,int> {{\"a\", 1}} + $\"{{ }}\")");
  }

  @Test
  void marksSecretsAndNeverPrintsThem() {
    PolicyDocument doc = readClean(reader, "<fragment><x a=\"Bearer {{token}}\"><value>{{token}}</value></x>"
        + "</fragment>");
    XmlElement x = doc.root().elements().get(0);
    assertThat(x.attribute("a").orElseThrow().secret()).isTrue();
    assertThat(x.attributeValue("a")).isEqualTo("Bearer " + SECRET);
    assertThat(x.element("value").orElseThrow().text().secret()).isTrue();

    Diagnostics d = new Diagnostics();
    ReaderTestSupport.read(reader, "<fragment><x a=\"{{token}}\">{{token}} {{unknown}}</x><y></fragment>", d);
    assertThat(d.all()).hasSize(2);
    assertThat(d.all()).allSatisfy(diag -> assertThat(diag.toString()).doesNotContain(SECRET));
  }

  @Test
  void unknownNameIsAnErrorAtTheBraces() {
    PolicyDocument doc = oneError(reader, "<fragment>\n  <x a=\"pre {{ nope }}\"/>\n</fragment>", "2:13",
        "unknown named value 'nope'");
    assertThat(doc).isNotNull();
    assertThat(doc.root().elements().get(0).attributeValue("a")).isEqualTo("pre {{ nope }}");
    oneError(reader, "<fragment><x>\n  text {{nope}}</x></fragment>", "2:8", "unknown named value 'nope'");
  }

  @Test
  void unknownNameIsAWarningWhenLinting() {
    Diagnostics d = new Diagnostics();
    PolicyDocument doc = ReaderTestSupport.read(reader.withUnknownNamedValuesAsWarnings(true),
        "<fragment><x a=\"{{nope}}\"/></fragment>", d);
    assertThat(doc).isNotNull();
    assertThat(d.hasErrors()).isFalse();
    assertThat(d.all()).singleElement().hasToString("t.xml:1:17: warning: unknown named value 'nope'");
  }

  @Test
  void secretWithoutValueMustBeProvided() {
    oneError(reader, "<fragment><x a=\"{{missing-secret}}\"/></fragment>", "1:17",
        "named value 'missing-secret' is a secret whose value was not provided; it must be provided");
  }

  @Test
  void expansionIsBounded() {
    PolicyReader small = reader.withLimits(new ReaderLimits(1000, 64, 8, 20, 20, 30));
    oneError(small, "<fragment><x a=\"{{token}}{{token}}\"/></fragment>", "1:17",
        "attribute 'a' is too long after named-value substitution");
    oneError(small, "<fragment><x a=\"{{token}}\" b=\"{{token}}\" c=\"{{token}}\"/></fragment>", "1:45",
        "document is too large after named-value substitution");
  }

  @Test
  void positionOfTextIsItsFirstNonWhitespaceCharacter() {
    PolicyDocument doc = readClean(reader, "<fragment><x>\n    {{Suffix}} </x></fragment>");
    assertThat(pos(doc.root().elements().get(0).text().position())).isEqualTo("2:5");
  }
}
