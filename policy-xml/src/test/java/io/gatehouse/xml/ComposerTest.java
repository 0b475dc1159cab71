package io.gatehouse.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposerTest {
  private final PolicyReader reader = PolicyReader.standard();
  private final PolicyComposer composer = PolicyComposer.standard();
  private final Map<String, PolicyDocument> fragments = new HashMap<>();

  /** A document whose inbound section holds {@code inbound}; set-variable names identify statements. */
  private PolicyDocument doc(String origin, String sections) {
    Diagnostics d = new Diagnostics();
    PolicyDocument doc = reader.read(new PolicySource(origin, "<policies>" + sections + "</policies>"), d);
    assertThat(d.all()).isEmpty();
    return doc;
  }

  private static String v(String name) {
    return "<set-variable name=\"" + name + "\" value=\"1\"/>";
  }

  private void fragment(String id, String body) {
    Diagnostics d = new Diagnostics();
    fragments.put(id, reader.read(new PolicySource(id + ".xml", "<fragment>" + body + "</fragment>"), d));
    assertThat(d.all()).isEmpty();
  }

  private static List<String> names(EffectivePolicy policy, Section section) {
    List<String> names = new ArrayList<>();
    for (Statement s : policy.section(section)) {
      names.add(s.scope().label() + ":" + label(s.element()));
    }
    return names;
  }

  private static String label(XmlElement e) {
    String name = e.attributeValue("name");
    if (name != null) {
      return name;
    }
    StringBuilder b = new StringBuilder(e.name()).append('[');
    for (XmlElement c : e.elements()) {
      b.append(label(c)).append(' ');
    }
    return b.toString().trim() + "]";
  }

  private EffectivePolicy compose(Diagnostics d, ScopedPolicy... chain) {
    return composer.compose(List.of(chain), fragments::get, d);
  }

  private EffectivePolicy compose(ScopedPolicy... chain) {
    Diagnostics d = new Diagnostics();
    EffectivePolicy result = compose(d, chain);
    assertThat(d.all()).isEmpty();
    return result;
  }

  @Test
  void baseSplicesParentAtItsPositionAcrossFourScopes() {
    EffectivePolicy p = compose(
        new ScopedPolicy(Scope.GLOBAL, doc("g", "<inbound><base/>" + v("g1") + "</inbound>")),
        new ScopedPolicy(Scope.PRODUCT, doc("p", "<inbound>" + v("p1") + "<base/>" + v("p2") + "</inbound>")),
        new ScopedPolicy(Scope.API, doc("a", "<inbound>" + v("a1") + "<base/></inbound>")),
        new ScopedPolicy(Scope.OPERATION, doc("o", "<inbound><base/>" + v("o1") + "</inbound>")));
    assertThat(names(p, Section.INBOUND))
        .containsExactly("api:a1", "product:p1", "global:g1", "product:p2", "operation:o1");
  }

  @Test
  void missingBaseDropsBroaderScopesAtEachLevel() {
    ScopedPolicy global = new ScopedPolicy(Scope.GLOBAL, doc("g", "<inbound>" + v("g1") + "</inbound>"));
    ScopedPolicy product = new ScopedPolicy(Scope.PRODUCT, doc("p", "<inbound>" + v("p1") + "</inbound>"));
    ScopedPolicy api = new ScopedPolicy(Scope.API, doc("a", "<inbound><base/>" + v("a1") + "</inbound>"));
    ScopedPolicy apiNoBase = new ScopedPolicy(Scope.API, doc("a", "<inbound>" + v("a1") + "</inbound>"));
    ScopedPolicy operation = new ScopedPolicy(Scope.OPERATION, doc("o", "<inbound><base/>" + v("o1") + "</inbound>"));
    ScopedPolicy operationNoBase = new ScopedPolicy(Scope.OPERATION, doc("o", "<inbound>" + v("o1") + "</inbound>"));
    assertThat(names(compose(global, product, api, operation), Section.INBOUND))
        .containsExactly("product:p1", "api:a1", "operation:o1");
    assertThat(names(compose(global, product, apiNoBase, operation), Section.INBOUND))
        .containsExactly("api:a1", "operation:o1");
    assertThat(names(compose(global, product, api, operationNoBase), Section.INBOUND))
        .containsExactly("operation:o1");
  }

  @Test
  void productPresentOrAbsentIsTheCallersChain() {
    ScopedPolicy global = new ScopedPolicy(Scope.GLOBAL, doc("g", "<inbound>" + v("g1") + "</inbound>"));
    ScopedPolicy product = new ScopedPolicy(Scope.PRODUCT, doc("p", "<inbound><base/>" + v("p1") + "</inbound>"));
    ScopedPolicy api = new ScopedPolicy(Scope.API, doc("a", "<inbound><base/>" + v("a1") + "</inbound>"));
    assertThat(names(compose(global, product, api), Section.INBOUND))
        .containsExactly("global:g1", "product:p1", "api:a1");
    assertThat(names(compose(global, api), Section.INBOUND)).containsExactly("global:g1", "api:a1");
  }

  @Test
  void absentDocumentsAndMissingSectionsInheritButEmptySectionsDoNot() {
    ScopedPolicy global = new ScopedPolicy(Scope.GLOBAL,
        doc("g", "<inbound>" + v("g1") + "</inbound><outbound>" + v("g2") + "</outbound>"));
    ScopedPolicy noDoc = new ScopedPolicy(Scope.PRODUCT, null);
    ScopedPolicy api = new ScopedPolicy(Scope.API, doc("a", "<outbound/>"));
    EffectivePolicy p = compose(global, noDoc, api);
    assertThat(names(p, Section.INBOUND)).containsExactly("global:g1");
    assertThat(names(p, Section.OUTBOUND)).isEmpty();
    assertThat(p.section(Section.ON_ERROR)).isEmpty();

    PolicyComposer strict = new PolicyComposer(PolicyValidator.standard(), PolicyComposer.MissingSection.EMPTY);
    EffectivePolicy q = strict.compose(List.of(global, noDoc, api), fragments::get, new Diagnostics());
    assertThat(names(q, Section.INBOUND)).isEmpty();
  }

  @Test
  void baseAtTheBroadestScopeIsANoOp() {
    assertThat(names(compose(new ScopedPolicy(Scope.API, doc("a", "<backend><base/><forward-request/></backend>"))),
        Section.BACKEND)).containsExactly("api:forward-request[]");
  }

  @Test
  void fragmentsAreInlinedAtAnyDepthKeepingPositionsAndIncludingScope() {
    fragment("f", "\n  " + v("f1") + v("f2"));
    EffectivePolicy p = compose(
        new ScopedPolicy(Scope.GLOBAL, doc("g", "<inbound><include-fragment fragment-id=\"f\"/></inbound>")),
        new ScopedPolicy(Scope.API, doc("a", "<inbound><base/><choose><when condition=\"true\">"
            + "<include-fragment fragment-id=\"f\"/>" + v("a1") + "</when></choose></inbound>")));
    assertThat(names(p, Section.INBOUND))
        .containsExactly("global:f1", "global:f2", "api:choose[when[f1 f2 a1]]");
    Statement first = p.section(Section.INBOUND).get(0);
    assertThat(first.element().position()).isEqualTo(new Position("f.xml", 2, 3));
  }

  @Test
  void missingFragmentIsAnErrorAtTheInclude() {
    Diagnostics d = new Diagnostics();
    EffectivePolicy p = compose(d, new ScopedPolicy(Scope.API,
        doc("a", "<inbound>" + v("a1") + "<include-fragment fragment-id=\"nope\"/></inbound>")));
    assertThat(names(p, Section.INBOUND)).containsExactly("api:a1");
    assertThat(d.all()).extracting(Diagnostic::toString)
        .containsExactly("a:1:55: error: policy fragment 'nope' not found");
  }

  @Test
  void fragmentContentIsValidatedForTheIncludeSite() {
    fragment("f", "<rewrite-uri template=\"/\"/><include-fragment fragment-id=\"g\"/><base/>");
    fragment("g", v("g1"));
    Diagnostics d = new Diagnostics();
    EffectivePolicy p = compose(d, new ScopedPolicy(Scope.API,
        doc("a", "<outbound><include-fragment fragment-id=\"f\"/><include-fragment fragment-id=\"f\"/></outbound>")));
    assertThat(d.all()).extracting(Diagnostic::toString).containsExactly(
        "f.xml:1:11: error: <rewrite-uri> is not allowed in the outbound section (allowed in: inbound)",
        "f.xml:1:38: error: include-fragment is not allowed inside a policy fragment (fragments cannot be nested)",
        "f.xml:1:73: error: <base/> is not allowed in a policy fragment");
    assertThat(names(p, Section.OUTBOUND)).containsExactly("api:rewrite-uri[]", "api:rewrite-uri[]");
  }

  @Test
  void chainMustBeOrderedBroadToNarrow() {
    assertThatThrownBy(() -> composer.compose(List.of(new ScopedPolicy(Scope.API, null),
        new ScopedPolicy(Scope.GLOBAL, null)), id -> null, new Diagnostics()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
