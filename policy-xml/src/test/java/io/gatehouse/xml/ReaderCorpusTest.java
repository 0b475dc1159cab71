package io.gatehouse.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every real policy in the shared corpus reads without reader errors (except one with a damaged expression). */
class ReaderCorpusTest {
  static final String DAMAGED = "Call out to an HTTP endpoint and cache the response.policy.xml";

  private final PolicyReader reader = PolicyReader.standard().withUnknownNamedValuesAsWarnings(true);

  @Test
  void snippetExamplesRead() {
    List<Path> files = Corpus.snippetExamples();
    assertThat(files).hasSizeGreaterThan(50);
    for (Path file : files) {
      if (file.getFileName().toString().equals(DAMAGED)) {
        continue;
      }
      Diagnostics d = new Diagnostics();
      PolicyDocument doc = reader.read(Corpus.source(file), d);
      assertThat(d.hasErrors()).as("%s: %s", file, d.all()).isFalse();
      assertThat(doc).as(file.toString()).isNotNull();
      boolean fragment = file.getFileName().toString().endsWith("-fragment.xml");
      assertThat(doc.kind()).as(file.toString())
          .isEqualTo(fragment ? PolicyDocument.Kind.FRAGMENT : PolicyDocument.Kind.POLICIES);
    }
  }

  @Test
  void apiopsPoliciesAndFragmentsRead() {
    List<Path> files = Corpus.apiopsPolicies();
    assertThat(files).hasSizeGreaterThan(5);
    for (Path file : files) {
      Diagnostics d = new Diagnostics();
      PolicyDocument doc = reader.read(Corpus.source(file), d);
      assertThat(d.hasErrors()).as("%s: %s", file, d.all()).isFalse();
      boolean fragment = file.toString().contains("policy fragments");
      assertThat(doc.kind()).as(file.toString())
          .isEqualTo(fragment ? PolicyDocument.Kind.FRAGMENT : PolicyDocument.Kind.POLICIES);
    }
  }

  /**
   * Of the three snippet files with damaged expressions (expressions.md §10), only this one is unbalanced: the
   * rewrite-uri template's string literal {@code "latlong=""} runs into a line break. The other two
   * ("Loopback request ...", "Pre-authorize requests ...") have adjacent string literals like {@code "patch="""} that
   * are balanced, so the reader accepts them and the C# compiler must reject them.
   */
  @Test
  void damagedExpressionIsReportedAtItsAt() {
    Path file = Corpus.shared().resolve("corpus/apim-snippets/examples/" + DAMAGED);
    Diagnostics d = new Diagnostics();
    PolicyDocument doc = reader.read(Corpus.source(file), d);
    assertThat(doc).isNull();
    assertThat(d.errorCount()).isEqualTo(1);
    assertThat(d.all().stream().filter(x -> x.severity() == Severity.ERROR).findFirst().orElseThrow())
        .hasToString(DAMAGED + ":40:28: error: unbalanced policy expression: string literal at 41:73 is not"
            + " terminated on its line");
  }

  @Test
  void otherDamagedFilesReadAndKeepTheirExpressions() {
    Path dir = Corpus.shared().resolve("corpus/apim-snippets/examples");
    Diagnostics d = new Diagnostics();
    PolicyDocument loopback = reader.read(
        Corpus.source(dir.resolve("Loopback request for service at same API Management service.xml")), d);
    assertThat(loopback.section(Section.INBOUND).elements("set-variable").get(0).attributeValue("value"))
        .isEqualTo("@(context.Request.Headers.GetValueOrDefault(\"Ocp-Apim-Subscription-Key=\"\"\","
            + "\"scheme=\"\" param=\"\"\"))");
    PolicyDocument preauth = reader.read(Corpus.source(
        dir.resolve("Pre-authorize requests based on HTTP method with validate-jwt.policy.xml")), d);
    assertThat(preauth.section(Section.INBOUND).element("choose").orElseThrow().elements("when").get(0)
        .attributeValue("condition"))
        .isEqualTo("@(context.Request.Method.Equals(\"patch=\"\"\",StringComparison.OrdinalIgnoreCase))");
    assertThat(d.hasErrors()).isFalse();
  }
}
