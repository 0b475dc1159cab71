package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.Syntax.Arg;
import io.gatehouse.engine.expr.Syntax.Expr;
import io.gatehouse.engine.expr.Syntax.InitGroup;
import io.gatehouse.engine.expr.Syntax.Invoke;
import io.gatehouse.engine.expr.Syntax.Member;
import io.gatehouse.engine.expr.Syntax.Receiver;
import io.gatehouse.engine.expr.runtime.CsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The constructible generic collections of spec 8.3 ({@code List<T>} as an ArrayList, {@code HashSet<T>} as an
 * insertion-ordered set, {@code Dictionary<string,V>} as a {@link CsDictionary}) and object/collection initializers.
 */
final class Collections {
  private Collections() {}

  static Bound construct(CsType type, List<Bound> args, int pos) {
    int n = args.size();
    switch (type.kind) {
      case LIST, SET -> {
        boolean list = type.kind == CsType.Kind.LIST;
        if (n == 0 || (n == 1 && args.get(0).type.isIntegral())) {
          return Bound.of(pos, type, f -> list ? new ArrayList<>() : new LinkedHashSet<>());
        }
        if (n == 1 && Conversions.implicitOk(args.get(0), CsType.seq(type.a))) {
          Eval src = args.get(0).eval;
          return Bound.of(pos, type, f -> {
            List<Object> items = Sequences.iterate(Values.requireNonNull(src.eval(f)));
            return list ? new ArrayList<>(items) : new LinkedHashSet<>(items);
          });
        }
        throw new CompileError(pos, "%s has no constructor taking these arguments", type.name);
      }
      case DICT -> {
        if (type.a != CsType.STRING) {
          throw new CompileError(pos, "only dictionaries with string keys are supported");
        }
        boolean ignoreCase = n == 1 && args.get(0).type == Library.STRING_COMPARER;
        if (n == 0 || ignoreCase || (n == 1 && args.get(0).type.isIntegral())) {
          Eval cmp = ignoreCase ? args.get(0).eval : f -> Boolean.FALSE;
          return Bound.of(pos, type, f -> CsDictionary.ofMap(Boolean.TRUE.equals(cmp.eval(f))
              ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER) : new LinkedHashMap<>(), CsDictionary.Missing.THROW));
        }
        throw new CompileError(pos, "%s has no constructor taking these arguments", type.name);
      }
      default -> {
        return null;
      }
    }
  }

  /** Runs an object or collection initializer ({@code { a, b }}, {@code { {k, v} }}, {@code { [k] = v }}). */
  static Bound initialize(Binder b, Bound made, List<Expr> init) {
    Binder.Local r = b.pushReceiver(made.type);
    List<Eval> steps = new ArrayList<>();
    try {
      for (Expr item : init) {
        if (item instanceof InitGroup g) {
          steps.add(add(b, g.pos(), g.items()));
        } else if (item instanceof Syntax.Assign) {
          steps.add(b.value(item).eval);
        } else {
          steps.add(add(b, item.pos(), List.of(item)));
        }
      }
    } finally {
      b.popReceiver();
    }
    Eval create = made.eval;
    Eval[] all = steps.toArray(Eval[]::new);
    int slot = r.slot();
    return Bound.of(made.pos, made.type, f -> {
      Object o = create.eval(f);
      f.locals[slot] = o;
      for (Eval e : all) {
        e.eval(f);
      }
      return o;
    });
  }

  private static Eval add(Binder b, int pos, List<Expr> values) {
    List<Arg> args = new ArrayList<>();
    for (Expr v : values) {
      args.add(new Arg(v.pos(), null, null, v, null, null));
    }
    return b.value(new Invoke(pos, new Member(pos, new Receiver(pos), "Add", List.of()), args)).eval;
  }

  @SuppressWarnings("unchecked")
  static Bound call(Calls c, CsType t, Eval r) {
    int n = c.n;
    switch (t.kind) {
      case LIST -> {
        switch (c.name) {
          case "Add", "Contains", "Remove", "IndexOf" -> {
            if (n != 1 || !c.is(0, t.a)) {
              return null;
            }
            Eval v = c.arg(0, t.a);
            String op = c.name;
            CsType rt = op.equals("Add") ? CsType.VOID : op.equals("IndexOf") ? CsType.INT : CsType.BOOL;
            return c.of(rt, f -> {
              List<Object> l = (List<Object>) r.eval(f);
              Object x = v.eval(f);
              return switch (op) {
                case "Add" -> {
                  f.checkSize(l.size() + 1);
                  l.add(x);
                  yield null;
                }
                case "Contains" -> indexOf(l, x) >= 0;
                case "IndexOf" -> indexOf(l, x);
                default -> {
                  int i = indexOf(l, x);
                  if (i >= 0) {
                    l.remove(i);
                  }
                  yield i >= 0;
                }
              };
            });
          }
          case "AddRange" -> {
            if (n != 1 || !c.is(0, CsType.seq(t.a))) {
              return null;
            }
            Eval v = c.args.get(0).eval;
            return c.of(CsType.VOID, f -> {
              List<Object> l = (List<Object>) r.eval(f);
              List<Object> items = Sequences.iterate(Values.requireNonNull(v.eval(f)));
              f.checkSize(l.size() + items.size());
              l.addAll(items);
              return null;
            });
          }
          case "Insert" -> {
            if (n != 2 || !c.is(0, CsType.INT) || !c.is(1, t.a)) {
              return null;
            }
            Eval i = c.arg(0, CsType.INT);
            Eval v = c.arg(1, t.a);
            return c.of(CsType.VOID, f -> {
              List<Object> l = (List<Object>) r.eval(f);
              int at = (Integer) i.eval(f);
              if (at < 0 || at > l.size()) {
                throw CsException.argumentOutOfRange("index", "Index must be within the bounds of the List.");
              }
              l.add(at, v.eval(f));
              return null;
            });
          }
          case "Clear" -> {
            return n == 0 ? c.of(CsType.VOID, f -> {
              ((List<Object>) r.eval(f)).clear();
              return null;
            }) : null;
          }
          default -> {
            return null;
          }
        }
      }
      case SET -> {
        if ((c.name.equals("Add") || c.name.equals("Contains") || c.name.equals("Remove")) && n == 1
            && c.is(0, t.a)) {
          Eval v = c.arg(0, t.a);
          String op = c.name;
          return c.of(CsType.BOOL, f -> {
            Set<Object> s = (Set<Object>) r.eval(f);
            Object x = v.eval(f);
            if (op.equals("Add")) {
              f.checkSize(s.size() + 1);
            }
            return op.equals("Add") ? s.add(x) : op.equals("Contains") ? s.contains(x) : s.remove(x);
          });
        }
        return null;
      }
      default -> {
        if (c.name.equals("Add") && n == 2 && c.is(0, t.a) && c.is(1, t.b)) {
          Eval k = c.arg(0, t.a);
          Eval v = c.arg(1, t.b);
          return c.of(CsType.VOID, f -> {
            CsDictionary d = (CsDictionary) r.eval(f);
            f.checkSize(d.count() + 1);
            d.add((String) k.eval(f), v.eval(f));
            return null;
          });
        }
        if (c.name.equals("Remove") && n == 1 && c.is(0, t.a)) {
          Eval k = c.arg(0, t.a);
          return c.of(CsType.BOOL, f -> ((CsDictionary) r.eval(f)).remove((String) k.eval(f)));
        }
        return null;
      }
    }
  }

  private static int indexOf(List<Object> l, Object x) {
    for (int i = 0; i < l.size(); i++) {
      Object o = l.get(i);
      if (x == null ? o == null : o != null && Calls.equalsValue(o, x)) {
        return i;
      }
    }
    return -1;
  }
}
