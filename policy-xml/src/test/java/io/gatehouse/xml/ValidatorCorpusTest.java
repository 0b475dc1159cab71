package io.gatehouse.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real corpus passes validation (snippets without a scope; APIOps files at the scope of their folder). */
class ValidatorCorpusTest {
  private final PolicyReader reader = PolicyReader.standard().withUnknownNamedValuesAsWarnings(true);
  private final PolicyValidator validator = PolicyValidator.standard();

  @Test
  void snippetExamplesValidate() {
    List<String> problems = new ArrayList<>();
    for (Path file : Corpus.snippetExamples()) {
      Diagnostics d = new Diagnostics();
      PolicyDocument doc = reader.read(Corpus.source(file), d);
      if (doc == null) {
        continue; // the one damaged file, covered by ReaderCorpusTest
      }
      validator.validate(doc, null, d);
      d.all().stream().filter(x -> x.severity() == Severity.ERROR).forEach(x -> problems.add(x.toString()));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void apiopsPoliciesValidateAtTheirScope() {
    List<String> problems = new ArrayList<>();
    for (Path file : Corpus.apiopsPolicies()) {
      Diagnostics d = new Diagnostics();
      PolicyDocument doc = reader.read(Corpus.source(file), d);
      validator.validate(doc, scopeOf(file), d);
      d.all().stream().filter(x -> x.severity() == Severity.ERROR).forEach(x -> problems.add(file + " " + x));
    }
    assertThat(problems).isEmpty();
  }

  static Scope scopeOf(Path file) {
    String p = file.toString().replace('\\', '/');
    if (p.contains("/operations/")) {
      return Scope.OPERATION;
    }
    if (p.contains("/apis/")) {
      return Scope.API;
    }
    if (p.contains("/products/")) {
      return Scope.PRODUCT;
    }
    return p.contains("/policy fragments/") ? null : Scope.GLOBAL;
  }
}
