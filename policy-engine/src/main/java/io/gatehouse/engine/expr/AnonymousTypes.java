package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.runtime.CsAnonymous;
import java.util.ArrayList;
import java.util.List;

/**
 * Binding of C# anonymous types (Tier 3): {@code new { a = 1, x.Y }} creates a {@link CsAnonymous} whose static type
 * lists the member names and types, so member access is resolved at compile time to an index.
 */
final class AnonymousTypes {
  private AnonymousTypes() {}

  static Bound create(Binder binder, Syntax.NewAnonymous n) {
    List<CsType> types = new ArrayList<>();
    Eval[] evals = new Eval[n.values().size()];
    for (int i = 0; i < evals.length; i++) {
      Syntax.Expr e = n.values().get(i);
      Bound b = binder.value(e);
      if (!b.isValue() || b.type == CsType.NULL || b.type == CsType.VOID) {
        throw new CompileError(e.pos(), "cannot assign %s to an anonymous type property",
            b.type == CsType.NULL ? "<null>" : b.isValue() ? b.type.name : "a method group or lambda");
      }
      types.add(b.type);
      evals[i] = b.eval;
    }
    String[] names = n.names().toArray(String[]::new);
    return Bound.of(n.pos(), CsType.anonymous(n.names(), types), f -> {
      Object[] values = new Object[evals.length];
      for (int i = 0; i < evals.length; i++) {
        values[i] = evals[i].eval(f);
      }
      return new CsAnonymous(names, values);
    });
  }

  /** A member of an anonymous-typed value, or null when the type has no such member. */
  static Bound member(Bound target, String name) {
    int i = target.type.memberNames.indexOf(name);
    if (i < 0) {
      return null;
    }
    Eval te = target.eval;
    return Bound.of(target.pos, target.type.memberTypes.get(i),
        f -> ((CsAnonymous) Values.requireNonNull(te.eval(f))).value(i));
  }
}
