package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.Syntax.Arg;
import io.gatehouse.engine.expr.Syntax.LocalFunction;
import io.gatehouse.engine.expr.Syntax.Param;
import io.gatehouse.engine.expr.Syntax.Stmt;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tier 3 local functions inside {@code @{ }}: declared functions are visible in their whole block (C# hoisting, so
 * mutual recursion works), capture the enclosing locals (they share the frame), and save/restore their own slots
 * around each call so recursion is correct. Every call counts a step; nesting is bounded by the frame.
 */
final class LocalFunctions {
  /** A declared function; {@code body} is filled when its declaration statement is bound. */
  static final class Fn {
    final String name;
    final CsType returnType;
    final CsType[] params;
    int[] paramSlots;
    int firstSlot;
    int endSlot;
    Exec body;

    Fn(String name, CsType returnType, CsType[] params) {
      this.name = name;
      this.returnType = returnType;
      this.params = params;
    }
  }

  private final Binder binder;
  private final Map<String, Fn> functions = new HashMap<>();

  LocalFunctions(Binder binder) {
    this.binder = binder;
  }

  /** Declares every local function of a statement list before any statement is bound. */
  void declareAll(List<Stmt> list) {
    for (Stmt s : list) {
      if (s instanceof LocalFunction lf) {
        if (functions.containsKey(lf.name())) {
          throw new CompileError(lf.pos(), "a local function named %s is already defined", lf.name());
        }
        CsType ret = lf.returnType().name().equals("void") ? CsType.VOID : binder.resolveType(lf.returnType());
        CsType[] ps = new CsType[lf.params().size()];
        for (int i = 0; i < ps.length; i++) {
          ps[i] = binder.resolveType(lf.params().get(i).type());
        }
        functions.put(lf.name(), new Fn(lf.name(), ret, ps));
      }
    }
  }

  /** Binds the body of a declared function at its declaration; the statement itself does nothing at run time. */
  Exec define(LocalFunction lf) {
    Fn fn = functions.get(lf.name());
    fn.firstSlot = binder.slots();
    binder.push();
    try {
      fn.paramSlots = new int[fn.params.length];
      for (int i = 0; i < fn.params.length; i++) {
        Param p = lf.params().get(i);
        fn.paramSlots[i] = binder.declare(p.pos(), p.name(), fn.params[i], false).slot();
      }
      fn.body = binder.functionBody(lf.body(), fn.returnType);
    } finally {
      binder.pop();
    }
    fn.endSlot = binder.slots();
    if (fn.returnType != CsType.VOID && Binder.reachable(lf.body())) {
      throw new CompileError(lf.body().pos(), "%s: not all code paths return a value", lf.name());
    }
    return f -> Exec.NORMAL;
  }

  /** A call {@code name(args)} of a local function, or null when {@code name} is not one. */
  Bound call(String name, List<Arg> args, int pos) {
    Fn fn = functions.get(name);
    if (fn == null) {
      return null;
    }
    if (args.size() != fn.params.length) {
      throw new CompileError(pos, "local function %s takes %s argument(s)", name, String.valueOf(fn.params.length));
    }
    Eval[] as = new Eval[args.size()];
    for (int i = 0; i < as.length; i++) {
      Arg a = args.get(i);
      if (a.modifier() != null || a.name() != null) {
        throw new CompileError(a.pos(), "local function arguments must be plain values");
      }
      as[i] = Conversions.implicit(binder.value(a.value()), fn.params[i], a.pos());
    }
    return Bound.of(pos, fn.returnType, f -> invoke(fn, as, f));
  }

  private static Object invoke(Fn fn, Eval[] args, Frame f) {
    Object[] values = new Object[args.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = args[i].eval(f);
    }
    f.enterCall();
    Object[] saved = Arrays.copyOfRange(f.locals, fn.firstSlot, fn.endSlot);
    Object previous = f.result;
    try {
      for (int i = 0; i < values.length; i++) {
        f.locals[fn.paramSlots[i]] = values[i];
      }
      return fn.body.run(f) == Exec.RETURN ? f.result : null;
    } finally {
      f.result = previous;
      System.arraycopy(saved, 0, f.locals, fn.firstSlot, saved.length);
      f.exitCall();
    }
  }
}
