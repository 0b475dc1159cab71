package io.gatehouse.engine.expr;

import io.gatehouse.engine.context.MessageBody;
import io.gatehouse.engine.expr.runtime.CsEncoding;
import io.gatehouse.engine.expr.runtime.CsFormUrlEncoded;
import java.util.Map;

/**
 * {@code IMessageBody.AsFormUrlEncodedContent([preserveContent])} and the dictionary extensions
 * {@code ToFormUrlEncodedContent()} / {@code ToQueryString()} (spec 8.15). DECISION: the form is typed
 * {@code IDictionary<string, string[]>} (APIM: {@code IList<string>}); indexing, LINQ and {@code foreach} behave the same.
 */
final class FormMembers {
  static final CsType FORM = CsType.dict(CsType.STRING, Library.STRING_ARRAY);

  private FormMembers() {}

  static Bound call(Calls c) {
    if (c.target.typeRef != null || !c.target.isValue()) {
      return null;
    }
    CsType t = c.target.type;
    if (t == Library.BODY && c.name.equals("AsFormUrlEncodedContent") && c.n <= 1) {
      if (c.n == 1 && c.syntax.get(0).name() != null && !c.syntax.get(0).name().equals("preserveContent")) {
        throw new CompileError(c.syntax.get(0).pos(), "AsFormUrlEncodedContent has no parameter named %s",
            c.syntax.get(0).name());
      }
      Eval preserve = c.n == 1 ? c.arg(0, CsType.BOOL) : f -> false;
      Eval body = c.recv();
      return c.of(FORM, f -> CsDictionary.ofMap(CsFormUrlEncoded.parse(CsEncoding.UTF8.getString(
          ((MessageBody) body.eval(f)).read(Boolean.TRUE.equals(preserve.eval(f))))), CsDictionary.Missing.THROW));
    }
    boolean query = c.name.equals("ToQueryString");
    if (t.kind == CsType.Kind.DICT && c.n == 0 && (query || c.name.equals("ToFormUrlEncodedContent"))) {
      Eval d = c.recv();
      return c.of(CsType.STRING, f -> {
        @SuppressWarnings("unchecked")
        Iterable<Map.Entry<?, ?>> entries = (Iterable<Map.Entry<?, ?>>) (Iterable<?>) ((CsDictionary) d.eval(f))
            .entries();
        String s = CsFormUrlEncoded.format(entries);
        return f.checkString(query ? "?" + s : s);
      });
    }
    return null;
  }
}
